import LoaCore
import LoaFormats
import LoaWorkflows

/// The formats a report can be printed in: the text ones of `Reporting.Format`, and Word.
enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, csv, json, annex, docx
    var text: Reporting.Format? { Reporting.Format(rawValue: rawValue) }
}

/// The options every report takes.
enum ReportOptions {
    static let format = Option<ReportFormat>.choice("--format", help: .optReportFormat)
    static let output = Option<String>.text("-o", "FILE", help: .optOutputFile)
    static let includeSensitive = Option<Bool>.flag("--include-sensitive", help: .optIncludeSensitive)
    static let final = Option<Bool>.flag("--final", help: .optFinal)
    static let from = Option<Day>.day("--from", help: .optFrom)
    static let to = Option<Day>.day("--to", help: .optTo)
    static let level = Option<ReportLevel>(name: "--level", placeholder: "unit|cluster|N", help: .optLevel,
        repeatable: false) { s throws(Failure) in
        guard let level = ReportLevel(s) else {
            throw Failure(.invalidChoice(s, allowed: ["unit", "cluster", "1", "2"], suggestion: nil),
                          exitCode: ExitCode.usage)
        }
        return level
    }
    static let common = [format.spec, output.spec, includeSensitive.spec, final.spec, level.spec]
    static let range = [from.spec, to.spec]
}

/// How a report leaves the command: files under `out/reports/`, stdout, or a named file.
struct ReportOutput: Sendable {
    let format: ReportFormat?
    let file: String?
    let includeSensitive: Bool
    let final: Bool
    let level: ReportLevel?

    init(_ args: ParsedArguments) throws(Failure) {
        level = try args.value(ReportOptions.level)
        format = try args.value(ReportOptions.format)
        file = try args.value(ReportOptions.output)
        includeSensitive = args.has(ReportOptions.includeSensitive)
        final = args.has(ReportOptions.final)
    }

    func emit(_ request: Reporting.Request, workspace ws: Workspace, session s: Session,
        ctx: Context) throws(Failure) -> Int32 {
        var request = request
        if let level {
            // a level the workspace's clusters do not reach is a usage error naming the levels it has
            let levels = UnitHierarchy(clusters: ws.clusters).levels
            guard levels.contains(level) else {
                throw Failure(.invalidChoice(level.description, allowed: levels.map(\.description), suggestion: nil),
                              exitCode: ExitCode.usage)
            }
            request.level = level
        }
        let presenter = try Reporting.presenter(request, includeSensitive: includeSensitive, final: final,
                                                workspace: ws, session: s)
        Memory.giveBackFreePages()
        guard let format else {
            for p in try Reporting.write(presenter, name: request.name,
                session: s) { ctx.console.out(s.paths.relative(p) + "\n") }
            return ExitCode.ok
        }
        let bytes: [UInt8]
        if let text = format.text {
            bytes = Array(Reporting.render(presenter, as: text).utf8)
        } else {
            bytes = try Reporting.docx(presenter)
        }
        if let file { try writeFile(ctx.absolute(file), bytes) } else { ctx.console.out(bytes: bytes) }
        return ExitCode.ok
    }
}

/// `loa report month YYYY-MM`.
struct ReportMonthCommand: Command {
    static let path = ["report", "month"]
    static let usage = "YYYY-MM"
    static let summary = CommandText.reportMonthSummary
    static let options = ReportOptions.common
    static let arity = 1...1
    let month: Month
    let output: ReportOutput

    init(parsing args: ParsedArguments) throws(Failure) {
        month = try args.argument(0, Arguments.month)
        output = try ReportOutput(args)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        return try output.emit(Reporting.month(month), workspace: ws, session: s, ctx: ctx)
    }
}

/// `loa report phase PROJECT PHASE`: sơ kết, or tổng kết once the phase has ended.
struct ReportPhaseCommand: Command {
    static let path = ["report", "phase"]
    static let usage = "PROJECT PHASE"
    static let summary = CommandText.reportPhaseSummary
    static let options = ReportOptions.common + ReportOptions.range
    static let arity = 2...2
    let project: ProjectID
    let phase: PhaseID
    let from: Day?, to: Day?
    let output: ReportOutput

    init(parsing args: ParsedArguments) throws(Failure) {
        project = ProjectID(args.positional[0])
        phase = PhaseID(args.positional[1])
        from = try args.value(ReportOptions.from)
        to = try args.value(ReportOptions.to)
        output = try ReportOutput(args)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        guard let p = ws.plan.projects.first(where: { $0.id.value == project }) else {
            throw Failure(.unknown(project, among: ws.plan.projects.map(\.id.value)), exitCode: ExitCode.usage)
        }
        guard let ph = p.phases.first(where: { $0.id.value == phase }) else {
            throw Failure(.unknown(phase, among: p.phases.map(\.id.value)), exitCode: ExitCode.usage)
        }
        return try output.emit(Reporting.phase(p, ph, from: from, to: to, today: s.today), workspace: ws, session: s,
            ctx: ctx)
    }
}

/// `loa report unit CODE`: one unit, the last twelve months by default.
struct ReportUnitCommand: Command {
    static let path = ["report", "unit"]
    static let usage = "CODE"
    static let summary = CommandText.reportUnitSummary
    static let options = ReportOptions.common + ReportOptions.range
    static let arity = 1...1
    let unit: UnitCode
    let from: Day?, to: Day?
    let output: ReportOutput

    init(parsing args: ParsedArguments) throws(Failure) {
        unit = UnitCode(args.positional[0])
        from = try args.value(ReportOptions.from)
        to = try args.value(ReportOptions.to)
        output = try ReportOutput(args)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        guard let u = ws.units.first(where: { $0.code.value == unit }) else {
            throw Failure(.unknown(unit, among: ws.units.map(\.code.value)), exitCode: ExitCode.usage)
        }
        return try output.emit(Reporting.unit(u, from: from, to: to, today: s.today), workspace: ws, session: s,
            ctx: ctx)
    }
}

/// `loa report warnings`: today's early warnings (SPEC §5.4).
struct ReportWarningsCommand: Command {
    enum Format: String, CaseIterable, Sendable { case md, html, docx, json }
    static let path = ["report", "warnings"]
    static let usage = ""
    static let summary = CommandText.reportWarningsSummary
    static let format = Option<Format>.choice("--format", help: .optReportFormat)
    static let options = [format.spec, ReportOptions.output.spec, ReportOptions.includeSensitive.spec]
    let format: Format?
    let file: String?
    let includeSensitive: Bool

    init(parsing args: ParsedArguments) throws(Failure) {
        format = try args.value(Self.format)
        file = try args.value(ReportOptions.output)
        includeSensitive = args.has(ReportOptions.includeSensitive)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let p = WarningsPresenter(warnings: try Warnings.current(workspace: ws, session: s), workspace: ws,
                                  today: s.today, language: s.language, includeSensitive: includeSensitive)
        guard let format else {
            for path in try DocumentFiles.write(p.document(), base: s.paths.report("warnings-\(s.today.iso)")) {
                ctx.console.out(s.paths.relative(path) + "\n")
            }
            return ExitCode.ok
        }
        let bytes: [UInt8] = switch format {
        case .md: Array(MarkdownRenderer.render(p.document()).utf8)
        case .html: Array(HTMLRenderer.render(p.document()).utf8)
        case .docx: try DocxRenderer.render(p.document())
        case .json: Array((p.json().text + "\n").utf8)
        }
        if let file { try writeFile(ctx.absolute(file), bytes) } else { ctx.console.out(bytes: bytes) }
        return ExitCode.ok
    }
}
