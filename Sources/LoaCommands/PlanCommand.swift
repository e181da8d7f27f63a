import Foundation
import LoaCore
import LoaFormats

let planCommand = CommandSpec(
    name: "plan", usage: "plan YYYY-MM",
    vi: "Đề xuất lịch đăng bài của tháng: ghi calendars/YYYY-MM.ics và kế hoạch out/plans/YYYY-MM.md, .html.\nGiữ nguyên các mục đã xác nhận; --confirm xác nhận toàn bộ.",
    en: "Propose the month's schedule: writes calendars/YYYY-MM.ics and the plan out/plans/YYYY-MM.md and .html.\nConfirmed entries are kept; --confirm confirms every entry.",
    options: [
        OptionSpec(name: "--confirm", value: nil, vi: "xác nhận mọi mục của lịch", en: "mark every entry confirmed"),
        OptionSpec(name: "--format", value: "json", vi: "in kết quả dạng JSON", en: "print the result as JSON"),
    ],
    minArguments: 1, maxArguments: 1
) { ctx, args in
    let month = try parseMonth(args.positional[0])
    let format = try outputFormat(args, allowed: ["json"])
    let (ws, paths) = try ctx.loadWorkspace()
    let input = PlanningInput(workspace: ws, month: month,
                              existing: try readCalendar(paths.calendar(month), paths),
                              confirmedElsewhere: try confirmedInOtherMonths(month, paths),
                              published: try ctx.publicationsIfAny(paths))
    var schedule = try Planner.plan(input)
    if args.has("--confirm") { schedule.entries = schedule.entries.map { var e = $0; e.confirmed = true; return e } }

    try writeFile(paths.calendar(month), ScheduleCalendar.write(entries: schedule.entries, month: month, workspace: ws, today: ctx.today, language: ctx.language))
    let doc = PlanDocument.build(schedule, workspace: ws, today: ctx.today, language: ctx.language)
    let md = paths.out + "/plans/\(month.iso).md", html = paths.out + "/plans/\(month.iso).html"
    try writeFile(md, MarkdownRenderer.render(doc))
    try writeFile(html, HTMLRenderer.render(doc))

    if format == "json" {
        ctx.console.out(planJSON(schedule).text + "\n")
    } else {
        let confirmed = schedule.entries.filter(\.confirmed).count
        ctx.console.say(vi: "Tháng \(month.iso): \(schedule.entries.count) mục (\(confirmed) đã xác nhận), \(schedule.emptySlots.count) kỳ còn chỗ trống.",
                        en: "\(month.iso): \(schedule.entries.count) entries (\(confirmed) confirmed), \(schedule.emptySlots.count) slots with room.")
        for p in [paths.calendar(month), md, html] { ctx.console.out(paths.relative(p) + "\n") }
    }
    return ExitCode.ok
}

func planJSON(_ s: Schedule) -> JSON {
    .object([
        ("month", .string(s.month.iso)),
        ("entries", .array(s.entries.map { e in
            .object([("item", .string(e.item)), ("channel", .string(e.channel)), ("date", .string(e.date.iso)),
                     ("status", .string(e.confirmed ? "confirmed" : "tentative"))])
        })),
        ("uncovered_themes", .array(s.uncoveredThemes.map { .string($0.description) })),
        ("empty_slots", .array(s.emptySlots.map { .object([("channel", .string($0.slot.channel)), ("date", .string($0.slot.date.iso)), ("free", .int($0.free))]) })),
        ("waiting", .array(s.waiting.map { .string($0.item) })),
    ])
}

func parseMonth(_ text: String) throws(Failure) -> Month {
    guard let m = Month(iso: text) else { throw Failure(.invalidMonth(text), exitCode: ExitCode.usage) }
    return m
}

func outputFormat(_ args: ParsedArguments, allowed: [String]) throws(Failure) -> String? {
    guard let f = args.value("--format") else { return nil }
    guard allowed.contains(f) else {
        throw Failure(.invalidChoice(f, allowed: allowed, suggestion: closest(to: f, in: allowed)), exitCode: ExitCode.usage)
    }
    return f
}

/// The entries of a month calendar, or none when it does not exist yet.
func readCalendar(_ path: String, _ paths: WorkspacePaths) throws(Failure) -> [ScheduleEntry] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    return try ScheduleCalendar.read(try TextFile.decode(try TextFile.readBytes(path), path: paths.relative(path)))
}

/// Confirmed entries of every other month's calendar (rule 5).
func confirmedInOtherMonths(_ month: Month, _ paths: WorkspacePaths) throws(Failure) -> [ScheduleEntry] {
    var out: [ScheduleEntry] = []
    let dir = paths.root + "/calendars"
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
        guard name.hasSuffix(".ics"), let m = Month(iso: name.dropLast(4)), m != month else { continue }
        out += try readCalendar(dir + "/" + name, paths).filter(\.confirmed)
    }
    return out
}
