import LoaCore
import LoaFormats
import LoaWorkflows

/// `loa search TEXT`: items, activities and feedback, diacritics optional.
struct SearchCommand: Command {
    enum Format: String, CaseIterable, Sendable { case json }
    static let path = ["search"]
    static let usage = "TEXT"
    static let summary = CommandText.searchSummary
    static let includeSensitive = Option<Bool>.flag("--include-sensitive", help: .optSearchSensitive)
    static let format = Option<Format>.choice("--format", help: .optJSON)
    static let options = [includeSensitive.spec, format.spec]
    static let arity = 1...Int.max
    let query: String
    let sensitive: Bool
    let output: Format?

    init(parsing args: ParsedArguments) throws(Failure) {
        query = args.positional.joined(separator: " ").nfc
        sensitive = args.has(Self.includeSensitive)
        output = try args.value(Self.format)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let hits = try Searching.search(query, includeSensitive: sensitive, workspace: ws, session: s)
        let terms = SearchRanking.terms(query)
        if output == .json {
            let json = JSON.object([("query", .string(query)), ("results", .array(hits.map { h in
                .object([("kind", .string(h.kind.rawValue)), ("ref", .string(h.ref)), ("title", .string(h.title)),
                         ("snippet", .string(SearchRanking.snippet(h.title + " — " + h.body, terms: terms)))])
            }))])
            ctx.console.out(json.text + "\n")
            return ExitCode.ok
        }
        if hits.isEmpty { ctx.console.say(CommandText.noResults); return ExitCode.ok }
        for h in hits {
            let snippet = SearchRanking.snippet(h.body.isEmpty ? h.title : h.body, terms: terms)
            ctx.console.out("[\(ctx.t(h.kind))] \(Terminal.safe(h.ref)) — \(Terminal.safe(h.title))\n    "
                + "\(Terminal.safe(snippet))\n")
        }
        return ExitCode.ok
    }
}
