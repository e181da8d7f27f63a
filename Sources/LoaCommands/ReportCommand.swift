import Foundation
import LoaCore
import LoaFormats
import LoaStore

let reportOptions = [
    OptionSpec(name: "--format", value: "md|html|csv|json", vi: "in báo cáo ra màn hình ở định dạng này", en: "print the report in this format"),
    OptionSpec(name: "-o", value: "FILE", vi: "ghi vào tệp thay vì màn hình (cùng --format)", en: "write to FILE instead of stdout (with --format)"),
    OptionSpec(name: "--include-sensitive", value: nil, vi: "kèm nội dung các vấn đề nhạy cảm", en: "include sensitive issues' topics and details"),
]
let rangeOptions = [
    OptionSpec(name: "--from", value: "YYYY-MM-DD", vi: "từ ngày", en: "from day"),
    OptionSpec(name: "--to", value: "YYYY-MM-DD", vi: "đến ngày", en: "to day"),
]

let reportMonthCommand = CommandSpec(
    name: "report month", usage: "report month YYYY-MM",
    vi: "Báo cáo kết quả tuyên truyền của tháng (Markdown và HTML trong out/reports/, hoặc --format md|html|csv|json).",
    en: "The month's report (Markdown and HTML under out/reports/, or --format md|html|csv|json).",
    options: reportOptions, minArguments: 1, maxArguments: 1
) { ctx, args in
    let month = try parseMonth(args.positional[0])
    let (ws, paths) = try ctx.loadWorkspace()
    return try emitReport(ctx, args, ws, paths, scope: .month(month), from: month.first, to: month.last, units: ws.units, unit: nil, name: "month-\(month.iso)")
}

let reportPhaseCommand = CommandSpec(
    name: "report phase", usage: "report phase PROJECT PHASE",
    vi: "Báo cáo sơ kết (hoặc tổng kết khi giai đoạn đã kết thúc) một giai đoạn của đề án; mặc định từ đầu giai đoạn đến hôm nay.",
    en: "Interim (or, once the phase ended, final) review of a project phase; by default from the phase start to today.",
    options: reportOptions + rangeOptions, minArguments: 2, maxArguments: 2
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let pid = args.positional[0], phid = args.positional[1]
    let project = try lookup(.project, pid, in: ws.plan.projects, by: \.id.value)
    let phase = try lookup(.phase, phid, in: project.phases, by: \.id.value)
    let end = phase.to.map { min($0.value, ctx.today) } ?? ctx.today
    let from = try day(args.value("--from")) ?? phase.from.value
    let to = try day(args.value("--to")) ?? end
    return try emitReport(ctx, args, ws, paths, scope: .phase(project: project, phase: phase), from: from, to: to, units: ws.units, unit: nil,
                          name: "phase-\(pid)-\(phid)")
}

let reportUnitCommand = CommandSpec(
    name: "report unit", usage: "report unit CODE",
    vi: "Báo cáo kết quả của một CĐCS; mặc định 12 tháng gần nhất đến hôm nay.",
    en: "One unit's report; by default the last 12 months up to today.",
    options: reportOptions + rangeOptions, minArguments: 1, maxArguments: 1
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let code = args.positional[0]
    let unit = try lookup(.unit, code, in: ws.units, by: \.code.value)
    let start = (0..<11).reduce(ctx.today.monthOfYear) { m, _ in m.previous }.first
    let from = try day(args.value("--from")) ?? start
    let to = try day(args.value("--to")) ?? ctx.today
    return try emitReport(ctx, args, ws, paths, scope: .unit(unit), from: from, to: to, units: [unit], unit: code, name: "unit-\(code)")
}

func day(_ text: String?) throws(Failure) -> Day? {
    guard let text else { return nil }
    guard let d = Day(iso: text) else { throw Failure(.invalidArgument(text, expected: "YYYY-MM-DD"), exitCode: ExitCode.usage) }
    return d
}

func emitReport(_ ctx: Context, _ args: ParsedArguments, _ ws: Workspace, _ paths: WorkspacePaths, scope: ReportScope,
                from: Day, to: Day, units: [UnionUnit], unit: String?, name: String) throws(Failure) -> Int32 {
    guard from <= to else { throw Failure(.windowReversed(from: from.iso, to: to.iso), exitCode: ExitCode.usage) }
    let format = try outputFormat(args, allowed: ["md", "html", "csv", "json"])
    let facts: ReportFacts
    if FileManager.default.fileExists(atPath: ctx.databasePath(paths)) {
        facts = try ctx.withStore(paths) { try $0.reportFacts(from: from, to: to, unit: unit) }
    } else {
        facts = ReportFacts(published: [], deliveries: 0, forms: [], activities: [], activitiesByType: [:], activitiesByThemes: [:],
                            issues: [], alertsOpen: 0, alertsResolved: 0)
    }
    let figures = ReportCalculator.compute(facts: facts, workspace: ws, units: units, from: from, to: to)
    let presenter = ReportPresenter(figures: figures, workspace: ws, scope: scope, language: ctx.language,
                                    includeSensitive: args.has("--include-sensitive"), today: ctx.today)
    guard let format else {
        let doc = presenter.document()
        let base = paths.out + "/reports/\(name)"
        try writeFile(base + ".md", MarkdownRenderer.render(doc))
        try writeFile(base + ".html", HTMLRenderer.render(doc))
        ctx.console.out(paths.relative(base + ".md") + "\n" + paths.relative(base + ".html") + "\n")
        return ExitCode.ok
    }
    let text: String
    switch format {
    case "md": text = MarkdownRenderer.render(presenter.document())
    case "html": text = HTMLRenderer.render(presenter.document())
    case "csv": text = presenter.csv()
    default: text = presenter.json().text + "\n"
    }
    if let out = args.value("-o") { try writeFile(Context.absolute(out), text) } else { ctx.console.out(text) }
    return ExitCode.ok
}
