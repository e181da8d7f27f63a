import Foundation
import LoaCore
import LoaWorkflows

/// `loa alerts resolve ID --note TEXT`: closes an alert.
struct AlertsResolveCommand: Command {
    static let path = ["alerts", "resolve"]
    static let usage = "ID --note TEXT"
    static let summary = CommandText.alertsResolveSummary
    static let note = Option<String>.text("--note", "TEXT", help: .optNote)
    static let by = Option<String>.text("--by", "NAME", help: .optBy)
    static let options = [note.spec, by.spec]
    static let arity = 1...1
    let id: Int
    let text: String
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        guard let id = Int(args.positional[0].trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
            throw Failure(.invalidArgument(args.positional[0], expected: "ID"), exitCode: ExitCode.usage)
        }
        guard let note = try args.value(Self.note), !note.isEmpty else {
            throw Failure(.missingArgument("--note TEXT"), exitCode: ExitCode.usage)
        }
        self.id = id
        text = note
        person = try args.value(Self.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var s = try ctx.session()
        if let person { s = s.with(actor: .commandLine(user: person)) }
        let store = try s.openStore()
        let done = try s.guarded { try store.write { try $0.resolveAlert(id: id, note: text, today: s.today,
            actor: s.actor) } }
        guard done else { throw Failure(.noOpenAlert(id), exitCode: ExitCode.dataError) }
        ctx.console.say(CommandText.alertResolved(id))
        return ExitCode.ok
    }
}
