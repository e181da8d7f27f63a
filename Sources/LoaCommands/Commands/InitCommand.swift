import Foundation
import LoaCore
import LoaWorkflows

/// `loa init DIR`: a new workspace from the shipped one.
struct InitCommand: Command {
    static let path = ["init"]
    static let usage = "DIR"
    static let summary = CommandText.initSummary
    static let arity = 1...1
    let directory: String

    init(parsing args: ParsedArguments) throws(Failure) { directory = args.positional[0] }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let target = ctx.absolute(directory)
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: target), !existing.isEmpty {
            throw Failure(.workspaceExists(target), exitCode: ExitCode.usage)
        }
        try WorkspaceCopy.copy(from: try ctx.shippedWorkspace(), to: target)
        ctx.console.say(CommandText.initDone(target))
        return ExitCode.ok
    }
}
