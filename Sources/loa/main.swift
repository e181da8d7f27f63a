import Foundation
import LoaCommands

exit(runLoa(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
