import Foundation
import LoaCore
import LoaFormats

let newItemCommand = CommandSpec(
    name: "new item", usage: "new item --title TEXT --theme REF --channel ID",
    vi: "Tạo bài mới content/items/ID.md với phần đầu hợp lệ (trạng thái draft).",
    en: "Create content/items/ID.md with a valid front matter skeleton (status draft).",
    options: [
        OptionSpec(name: "--title", value: "TEXT", vi: "tiêu đề (bắt buộc)", en: "title (required)"),
        OptionSpec(name: "--theme", value: "REF", vi: "nội dung trọng tâm, ví dụ museum/1.1/b (lặp lại được)", en: "theme, e.g. museum/1.1/b (repeatable)", repeatable: true),
        OptionSpec(name: "--channel", value: "ID", vi: "kênh (lặp lại được)", en: "channel (repeatable)", repeatable: true),
        OptionSpec(name: "--id", value: "ID", vi: "mã bài (mặc định: từ tiêu đề)", en: "item id (default: from the title)"),
        OptionSpec(name: "--author", value: "NAME", vi: "người viết", en: "author"),
        OptionSpec(name: "--summary", value: "TEXT", vi: "tóm tắt một câu", en: "one-sentence summary"),
        OptionSpec(name: "--dir", value: "SUBDIR", vi: "thư mục con trong content/items", en: "subfolder of content/items"),
    ]
) { ctx, args in
    guard let title = args.value("--title")?.nfc, !title.isEmpty else { throw Failure(.missingArgument("--title"), exitCode: ExitCode.usage) }
    let themes = args.values("--theme"), channels = args.values("--channel")
    guard !themes.isEmpty else { throw Failure(.missingArgument("--theme"), exitCode: ExitCode.usage) }
    guard !channels.isEmpty else { throw Failure(.missingArgument("--channel"), exitCode: ExitCode.usage) }
    let (ws, paths) = try ctx.loadWorkspace()
    let id = args.value("--id") ?? String(title.slug.prefix(60))
    guard isValidId(id) else { throw Failure(.invalidId(id), exitCode: ExitCode.usage) }
    // refuse references that `loa check` would refuse, before anything is written
    var problems: [Diagnostic] = []
    let themeKeys = ws.plan.allThemes.map(\.ref.description)
    for t in themes where !themeKeys.contains(t) {
        problems.append(.error(.unknownReference(.theme, t, suggestion: closest(to: t, in: themeKeys)), at: nil))
    }
    let channelIds = ws.channels.map(\.id.value)
    for c in channels where !channelIds.contains(c) {
        problems.append(.error(.unknownReference(.channel, c, suggestion: closest(to: c, in: channelIds)), at: nil))
    }
    if ws.items.contains(where: { $0.id.value == id }) { problems.append(.error(.itemExists(id), at: nil)) }
    if !problems.isEmpty { throw Failure(problems, exitCode: ExitCode.usage) }
    let dir = args.value("--dir").map { paths.items + "/" + $0 } ?? paths.items
    let file = dir + "/\(id).md"
    if FileManager.default.fileExists(atPath: file) { throw Failure(.itemExists(paths.relative(file)), exitCode: ExitCode.usage) }
    func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    var text = "---\nid: \(id)\ntitle: \(q(title))\nthemes: [\(themes.joined(separator: ", "))]\nchannels: [\(channels.joined(separator: ", "))]\nstatus: draft\n"
    if let a = args.value("--author") { text += "author: \(q(a.nfc))\n" }
    text += "summary: \(q(args.value("--summary")?.nfc ?? ""))\n"
    text += "# approved: \(ctx.today.iso)   # khi duyệt: đổi status thành approved và ghi ngày duyệt\n---\n\n"
    text += ctx.language == .vi ? "Viết nội dung bài ở đây (Markdown).\n" : "Write the item's body here (Markdown).\n"
    try writeFile(file, text)
    ctx.console.out(paths.relative(file) + "\n")
    return ExitCode.ok
}
