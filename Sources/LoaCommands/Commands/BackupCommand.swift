import Foundation
import LoaCore
import LoaWorkflows

/// `loa backup PATH`: a consistent copy of the live database, made without waiting for writers.
struct BackupCommand: Command {
    static let path = ["backup"]
    static let usage = "PATH"
    static let summary = CommandText.backupSummary
    static let arity = 1...1
    let target: String

    init(parsing args: ParsedArguments) throws(Failure) { target = args.positional[0] }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let s = try ctx.session()
        let path = ctx.absolute(target)
        if FileManager.default.fileExists(atPath: path) { throw Failure(.targetExists(path), exitCode: ExitCode.usage) }
        guard let store = try s.openReader(required: true) else { return ExitCode.noInput }
        try s.guarded { try store.backup(to: path) }
        ctx.console.say(CommandText.backupDone(path))
        return ExitCode.ok
    }
}
