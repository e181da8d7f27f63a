import Foundation
import LoaCore
import LoaFormats
import LoaStore

let alertsCommand = CommandSpec(
    name: "alerts", usage: "alerts",
    vi: "Liệt kê các cảnh báo (vấn đề nhạy cảm) đang mở, cũ nhất trước, kèm số ngày; nội dung chi tiết chỉ hiện với --include-sensitive.",
    en: "List open alerts (sensitive issues), oldest first, with their age in days; details only with --include-sensitive.",
    options: [
        OptionSpec(name: "--include-sensitive", value: nil, vi: "hiện cả nội dung chi tiết", en: "show details too"),
        OptionSpec(name: "--all", value: nil, vi: "gồm cả cảnh báo đã đóng", en: "include resolved alerts"),
        OptionSpec(name: "--format", value: "json", vi: "in dạng JSON", en: "print JSON"),
    ]
) { ctx, args in
    let paths = try ctx.workspacePaths()
    let rows = try ctx.withStore(paths) { try $0.alerts(includeResolved: args.has("--all")) }
    let detail = args.has("--include-sensitive")
    if try outputFormat(args, allowed: ["json"]) == "json" {
        ctx.console.out(JSON.array(rows.map { a in
            var fields: [(String, JSON)] = [("id", .int(a.id)), ("unit", .string(a.unit)), ("period", .string(a.period)),
                                           ("topic", .string(a.topic)), ("opened", .string(a.openedOn.iso)), ("age_days", .int(ctx.today - a.openedOn)),
                                           ("resolved", a.resolvedOn.map { .string($0.iso) } ?? .null)]
            if detail { fields.append(("detail", a.detail.map(JSON.string) ?? .null)) }
            return .object(fields)
        }).text + "\n")
        return ExitCode.ok
    }
    if rows.isEmpty { ctx.console.say(vi: "Không có cảnh báo nào đang mở.", en: "No open alerts."); return ExitCode.ok }
    for a in rows {
        var line = "#\(a.id)  \(a.unit)  \(a.period)  \(ctx.today - a.openedOn) \(ctx.language == .vi ? "ngày" : "days")  \(a.topic)"
        if let r = a.resolvedOn { line += ctx.language == .vi ? "  (đã đóng \(r.iso))" : "  (resolved \(r.iso))" }
        ctx.console.out(line + "\n")
        if detail, let d = a.detail { ctx.console.out("    " + d + "\n") }
    }
    return ExitCode.ok
}

let alertsResolveCommand = CommandSpec(
    name: "alerts resolve", usage: "alerts resolve ID --note TEXT",
    vi: "Đóng một cảnh báo, ghi lại người xử lý, ngày và ghi chú.",
    en: "Close an alert, recording who, when and a note.",
    options: [
        OptionSpec(name: "--note", value: "TEXT", vi: "cách đã xử lý (bắt buộc)", en: "how it was handled (required)"),
        OptionSpec(name: "--by", value: "NAME", vi: "người xử lý (mặc định: LOA_USER hoặc USER)", en: "who (default: LOA_USER or USER)"),
    ],
    minArguments: 1, maxArguments: 1
) { ctx, args in
    guard let id = Int(args.positional[0].trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
        throw Failure(.invalidArgument(args.positional[0], expected: "ID"), exitCode: ExitCode.usage)
    }
    guard let note = args.value("--note")?.nfc, !note.isEmpty else { throw Failure(.missingArgument("--note TEXT"), exitCode: ExitCode.usage) }
    let by = args.value("--by") ?? ctx.environment["LOA_USER"] ?? ctx.environment["USER"] ?? "?"
    let paths = try ctx.workspacePaths()
    let ok = try ctx.withStore(paths) { try $0.resolveAlert(id: id, note: note, by: by.nfc, today: ctx.today) }
    guard ok else {
        throw Failure(.plain2(vi: "không có cảnh báo đang mở số \(id) (xem: loa alerts)", en: "no open alert #\(id) (see: loa alerts)"), exitCode: ExitCode.dataError)
    }
    ctx.console.say(vi: "Đã đóng cảnh báo #\(id).", en: "Alert #\(id) resolved.")
    return ExitCode.ok
}

let searchCommand = CommandSpec(
    name: "search", usage: "search TEXT",
    vi: "Tìm trong bài (tiêu đề, tóm tắt, nội dung), hoạt động và ý kiến đã ghi nhận; không phân biệt dấu (\"chuyen doi so\" tìm được \"chuyển đổi số\").",
    en: "Search items (title, summary, body), recorded activities and feedback, diacritic-insensitive (\"chuyen doi so\" finds \"chuyển đổi số\").",
    options: [
        OptionSpec(name: "--include-sensitive", value: nil, vi: "tìm cả trong vấn đề nhạy cảm", en: "search sensitive issues too"),
        OptionSpec(name: "--format", value: "json", vi: "in dạng JSON", en: "print JSON"),
    ],
    minArguments: 1, maxArguments: Int.max
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let query = args.positional.joined(separator: " ").nfc
    let items = ws.items.map { (id: $0.id.value, title: $0.title, text: [$0.summary ?? "", $0.body].joined(separator: "\n")) }
    let hits: [Store.SearchHit]
    if FileManager.default.fileExists(atPath: ctx.databasePath(paths)) {
        hits = try ctx.withStore(paths) { try $0.search(query, items: items, includeSensitive: args.has("--include-sensitive")) }
    } else {
        let memory = try ctx.openMemoryStore()
        do { hits = try memory.search(query, items: items, includeSensitive: false) } catch { throw ctx.storeFailure(error, path: ":memory:") }
    }
    let terms = query.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    if try outputFormat(args, allowed: ["json"]) == "json" {
        ctx.console.out(JSON.object([("query", .string(query)), ("results", .array(hits.map { h in
            .object([("kind", .string(h.kind)), ("ref", .string(h.ref)), ("title", .string(h.title)), ("snippet", .string(snippet(h.title + " — " + h.body, terms)))])
        }))]).text + "\n")
        return ExitCode.ok
    }
    if hits.isEmpty { ctx.console.say(vi: "Không tìm thấy kết quả nào.", en: "No results."); return ExitCode.ok }
    for h in hits {
        ctx.console.out("[\(kindName(h.kind, ctx.language))] \(h.ref) — \(h.title)\n    \(snippet(h.body.isEmpty ? h.title : h.body, terms))\n")
    }
    return ExitCode.ok
}

func kindName(_ kind: String, _ lang: Language) -> String {
    switch (kind, lang) {
    case ("item", .vi): return "bài"
    case ("activity", .vi): return "hoạt động"
    case ("feedback", .vi): return "ý kiến"
    case ("issue", .vi): return "vấn đề nhạy cảm"
    default: return kind
    }
}

/// About twenty words of `text` around the first word that matches a query term, matches in «».
func snippet(_ text: String, _ terms: [String]) -> String {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    guard !words.isEmpty else { return "" }
    func matches(_ w: Substring) -> Bool {
        let f = String(w).folded.trimmingCharacters(in: .punctuationCharacters)
        return terms.contains { f.hasPrefix($0) }
    }
    let first = words.firstIndex(where: matches) ?? 0
    let from = max(0, first - 8), to = min(words.count, from + 20)
    var s = words[from..<to].map { matches($0) ? "«\($0)»" : String($0) }.joined(separator: " ")
    if from > 0 { s = "… " + s }
    if to < words.count { s += " …" }
    return s
}
