import Foundation
import LoaCore
import LoaFormats

let renderCommand = CommandSpec(
    name: "render", usage: "render",
    vi: "Xuất mọi bài thành trang HTML để xem trước: out/items/ID.html và out/items/index.html.",
    en: "Render every content item as an HTML page for preview: out/items/ID.html and out/items/index.html.",
    options: [OptionSpec(name: "--out", value: "DIR", vi: "thư mục đích (mặc định out/items)", en: "target folder (default out/items)")]
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let dir = args.value("--out").map(Context.absolute) ?? paths.out + "/items"
    let themes = Dictionary(ws.plan.allThemes.map { ($0.ref.description, "\($0.project.short): \($0.theme.title)") }, uniquingKeysWith: { a, _ in a })
    let items = ws.items.sorted { $0.id.value < $1.id.value }
    for item in items {
        var parts: [HTML] = [.el("h1", text: item.title)]
        parts.append(.el("div", [("class", "themes")], item.themes.map { .el("span", text: themes[$0.value] ?? $0.value) }))
        if let s = item.summary, !s.isEmpty { parts.append(.el("p", [("class", "lead")], text: s)) }
        parts.append(.trusted(Markdown.html(item.body)))
        let meta = [item.status.rawValue] + (item.author.map { [$0] } ?? []) + (item.approved.map { [$0.value.iso] } ?? [])
        parts.append(.el("p", [("class", "byline")], text: meta.joined(separator: " · ")))
        try writeFile(dir + "/\(item.id.value).html",
                      HTMLRenderer.page(title: item.title, language: ctx.language, style: issueStyle, body: [.el("article", [], parts)]))
    }
    let list = HTML.el("ul", [], items.map { .el("li", [], [.el("a", [("href", "\($0.id.value).html")], text: $0.title)]) })
    try writeFile(dir + "/index.html", HTMLRenderer.page(title: ws.plan.title, language: ctx.language, style: issueStyle,
                                                          body: [.el("h1", text: ws.plan.title), list]))
    ctx.console.say(vi: "Đã xuất \(items.count) bài vào \(paths.relative(dir))", en: "Rendered \(items.count) items to \(paths.relative(dir))")
    return ExitCode.ok
}
