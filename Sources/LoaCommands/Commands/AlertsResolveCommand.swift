import Foundation
import LoaCore
import LoaWorkflows

/// The alert a follow-up command acts on: `ID` or `#ID`.
enum AlertArguments {
    static let by = Option<String>.text("--by", "NAME", help: .optBy)

    static func id(_ args: ParsedArguments) throws(Failure) -> Int {
        guard let id = Int(args.positional[0].trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
            throw Failure(.invalidArgument(args.positional[0], expected: "ID"), exitCode: ExitCode.usage)
        }
        return id
    }

    /// The session, acting as `--by NAME` when given.
    static func session(_ ctx: Context, by person: String?) throws(Failure) -> Session {
        let s = try ctx.session()
        return person.map { s.with(actor: .commandLine(user: $0)) } ?? s
    }
}

/// What `loa alerts resolve` and `loa alerts note` take: the alert, the note (required), and who.
struct AlertNoteArguments: Sendable {
    static let note = Option<String>.text("--note", "TEXT", help: .optNote)
    static let options = [note.spec, AlertArguments.by.spec]
    let id: Int
    let text: String
    let person: String?

    init(_ args: ParsedArguments) throws(Failure) {
        id = try AlertArguments.id(args)
        guard let note = try args.value(Self.note), !note.isEmpty else {
            throw Failure(.missingArgument("--note TEXT"), exitCode: ExitCode.usage)
        }
        text = note
        person = try args.value(AlertArguments.by)
    }
}

/// `loa alerts resolve ID --note TEXT`: closes an alert.
struct AlertsResolveCommand: Command {
    static let path = ["alerts", "resolve"]
    static let usage = "ID --note TEXT"
    static let summary = CommandText.alertsResolveSummary
    static let options = AlertNoteArguments.options
    static let arity = 1...1
    let args: AlertNoteArguments

    init(parsing args: ParsedArguments) throws(Failure) { self.args = try AlertNoteArguments(args) }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        try AlertFollowUp.resolve(args.id, note: args.text, session: try AlertArguments.session(ctx, by: args.person))
        ctx.console.say(CommandText.alertResolved(args.id))
        return ExitCode.ok
    }
}

/// `loa alerts note ID --note TEXT`: a follow-up on an open alert ("phối hợp giải quyết").
struct AlertsNoteCommand: Command {
    static let path = ["alerts", "note"]
    static let usage = "ID --note TEXT"
    static let summary = CommandText.alertsNoteSummary
    static let options = AlertNoteArguments.options
    static let arity = 1...1
    let args: AlertNoteArguments

    init(parsing args: ParsedArguments) throws(Failure) { self.args = try AlertNoteArguments(args) }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        try AlertFollowUp.note(args.id, note: args.text, session: try AlertArguments.session(ctx, by: args.person))
        ctx.console.say(CommandText.alertNoted(args.id))
        return ExitCode.ok
    }
}

/// `loa alerts escalate ID --to AUTHORITY [--note TEXT]`: the report of the matter to the competent authority.
struct AlertsEscalateCommand: Command {
    static let path = ["alerts", "escalate"]
    static let usage = "ID --to AUTHORITY"
    static let summary = CommandText.alertsEscalateSummary
    static let to = Option<String>.text("--to", "AUTHORITY", help: .optAuthority)
    static let note = Option<String>.text("--note", "TEXT", help: .optProposal)
    static let options = [to.spec, note.spec, AlertArguments.by.spec]
    static let arity = 1...1
    let id: Int
    let authority: AuthorityID
    let proposal: String?
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = try AlertArguments.id(args)
        guard let to = try args.value(Self.to) else {
            throw Failure(.missingArgument("--to AUTHORITY"), exitCode: ExitCode.usage)
        }
        authority = AuthorityID(to)
        proposal = try args.value(Self.note)
        person = try args.value(AlertArguments.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let session = person.map { s.with(actor: .commandLine(user: $0)) } ?? s
        let done = try AlertFollowUp.escalate(id, to: authority, proposal: proposal, workspace: ws, session: session)
        let name = ws.plan.authorities.first { $0.id.value == authority }?.name ?? authority.rawValue
        ctx.console.say(CommandText.alertEscalated(id: id, authority: name))
        for p in done.files { ctx.console.out("  " + s.paths.relative(p) + "\n") }
        let t = ctx.t
        switch done.notice {
        case .sent(let address): ctx.console.out(t(EscalationText.noticeSent(address)) + "\n")
        case .written(let path): ctx.console.out(t(EscalationText.noticeWritten(s.paths.relative(path))) + "\n")
        case .noAddress: ctx.console.out(t(EscalationText.noticeNoAddress(name)) + "\n")
        case .failed(let problem):
            ctx.console.err(t(EscalationText.noticeFailed(t(problem))) + "\n")
            return ExitCode.ioError
        }
        return ExitCode.ok
    }
}

/// `loa alerts issued ID --number N --date D`: the number and date of the signed report.
struct AlertsIssuedCommand: Command {
    static let path = ["alerts", "issued"]
    static let usage = "ID --number N --date YYYY-MM-DD"
    static let summary = CommandText.alertsIssuedSummary
    static let number = Option<String>.text("--number", "N", help: .optDocumentNumber)
    static let date = Option<Day>.day("--date", help: .optIssuedOn)
    static let options = [number.spec, date.spec, AlertArguments.by.spec]
    static let arity = 1...1
    let id: Int
    let number: String
    let date: Day?
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = try AlertArguments.id(args)
        guard let number = try args.value(Self.number) else {
            throw Failure(.missingArgument("--number N"), exitCode: ExitCode.usage)
        }
        self.number = number
        date = try args.value(Self.date)
        person = try args.value(AlertArguments.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let session = person.map { s.with(actor: .commandLine(user: $0)) } ?? s
        let paths = try AlertFollowUp.issued(id, number: number, on: date ?? s.today, workspace: ws, session: session)
        ctx.console.say(CommandText.alertIssued(id))
        for p in paths { ctx.console.out("  " + s.paths.relative(p) + "\n") }
        return ExitCode.ok
    }
}
