import Foundation
import LoaCommands

// every file Loa creates (database, WAL, backups, key, uploads, pages) is its owner's alone (SPEC §9.6)
umask(0o077)

exit(runLoa(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
