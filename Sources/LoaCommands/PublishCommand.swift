import Foundation
import LoaCore
import LoaFormats
import LoaStore

let publishCommand = CommandSpec(
    name: "publish", usage: "publish CHANNEL DATE",
    vi: "Xuất bản một kỳ: các bài đã xác nhận của kênh vào ngày đó thành out/issues/KÊNH/NGÀY.html (in A4) và .md;\nghi nhận lần đăng và một lượt chuyển đến mỗi đơn vị nhận cho mỗi bài. Xuất bản lại không thay đổi gì.",
    en: "Publish one slot: the confirmed items of that channel and day become out/issues/CHANNEL/DATE.html (A4) and .md;\nrecords the publication and one delivery per receiving unit and item. Publishing again changes nothing.",
    minArguments: 2, maxArguments: 2
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let channelId = args.positional[0]
    let channel = try lookup(.channel, channelId, in: ws.channels, by: \.id.value)
    guard let date = Day(iso: args.positional[1]) else { throw Failure(.invalidArgument(args.positional[1], expected: "YYYY-MM-DD"), exitCode: ExitCode.usage) }
    let store = try ctx.openStore(paths)
    if try ctx.guarded(paths, { try store.isPublished(channel: channelId, date: date) }) {
        ctx.console.say(vi: "Kỳ \(channelId) ngày \(date.iso) đã được xuất bản trước đó; không thay đổi gì.",
                        en: "\(channelId) on \(date.iso) was already published; nothing changed.")
        return ExitCode.ok
    }
    let calendar = paths.calendar(date.monthOfYear)
    let entries = try readCalendar(calendar, paths).filter { $0.channel == channelId && $0.date == date && $0.confirmed }
    guard !entries.isEmpty else {
        throw Failure(.plain2(
            vi: "\(paths.relative(calendar)): không có bài nào đã xác nhận cho kênh \(channelId) ngày \(date.iso); hãy chạy: loa plan \(date.monthOfYear.iso) --confirm (hoặc đổi STATUS thành CONFIRMED trong lịch)",
            en: "\(paths.relative(calendar)): no confirmed entries for \(channelId) on \(date.iso); run: loa plan \(date.monthOfYear.iso) --confirm (or set STATUS:CONFIRMED in the calendar)"),
            exitCode: ExitCode.dataError)
    }
    let byId = ws.items.indexed { $0.id.value }
    var items: [Item] = []
    for e in entries {
        guard let item = byId[e.item] else {
            throw Failure(.unknownReference(.item, e.item, suggestion: closest(to: e.item, in: byId.keys.sorted())),
                          at: SourceLocation(path: paths.relative(calendar), line: 1, column: 1))
        }
        items.append(item)
    }
    let units = channel.receivingUnits(ws.units, on: date).map(\.code.value).sorted()
    let issue = IssueDocument(plan: ws.plan, channel: channel, date: date, items: items, language: ctx.language)
    let base = paths.out + "/issues/\(channelId)/\(date.iso)"
    try writeFile(base + ".md", issue.markdown())
    try writeFile(base + ".html", issue.html())
    let published = items.map { i in
        Store.PublishedItem(id: i.id.value, title: i.title, themes: i.themes.map(\.value),
                            audiences: i.audiences.isEmpty ? channel.audiences.map(\.value) : i.audiences.map(\.value))
    }
    let recorded = try ctx.guarded(paths) { try store.recordPublication(channel: channelId, date: date, items: published, units: units, today: ctx.today) }
    if recorded {
        ctx.console.say(vi: "Đã xuất bản \(items.count) bài, \(items.count * units.count) lượt chuyển đến \(units.count) đơn vị.",
                        en: "Published \(items.count) items, \(items.count * units.count) deliveries to \(units.count) units.")
    } else {
        ctx.console.say(vi: "Kỳ này đã được xuất bản; không thay đổi gì.", en: "Already published; nothing changed.")
    }
    ctx.console.out(paths.relative(base + ".html") + "\n" + paths.relative(base + ".md") + "\n")
    return ExitCode.ok
}

let backupCommand = CommandSpec(
    name: "backup", usage: "backup PATH",
    vi: "Sao lưu cơ sở dữ liệu đang dùng sang PATH bằng API sao lưu trực tuyến của SQLite (an toàn khi tiến trình khác đang ghi).",
    en: "Copy the live database to PATH with SQLite's online backup API (safe while another process writes).",
    minArguments: 1, maxArguments: 1
) { ctx, args in
    let paths = try ctx.workspacePaths()
    let target = Context.absolute(args.positional[0])
    guard FileManager.default.fileExists(atPath: ctx.databasePath(paths)) else {
        throw Failure(.fileMissing(ctx.databasePath(paths)), exitCode: ExitCode.noInput)
    }
    if FileManager.default.fileExists(atPath: target) {
        throw Failure(.plain2(vi: "\(target) đã tồn tại; hãy chọn tên khác", en: "\(target) exists; choose another name"), exitCode: ExitCode.usage)
    }
    try ctx.withStore(paths) { try $0.backup(to: target) }
    ctx.console.say(vi: "Đã sao lưu vào \(target)", en: "Backed up to \(target)")
    return ExitCode.ok
}
