import Foundation
import LoaCore
import LoaStore
import LoaWorkflows

/// `loa import PATH…`: report forms and activity tables, each file all or nothing.
struct ImportCommand: Command {
    enum Format: String, CaseIterable, Sendable { case json }
    static let path = ["import"]
    static let usage = "PATH…"
    static let summary = CommandText.importSummary
    static let details: CommandText? = .importDetails
    static let strict = Option<Bool>.flag("--strict", help: .optStrict)
    static let format = Option<Format>.choice("--format", help: .optJSON)
    static let options = [strict.spec, format.spec]
    static let arity = 1...Int.max
    /// Warnings shown per file; the rest are counted.
    static let warningsShown = 20
    let arguments: [String]
    let strictBatch: Bool
    let output: Format?

    init(parsing args: ParsedArguments) throws(Failure) {
        arguments = args.positional
        strictBatch = args.has(Self.strict)
        output = try args.value(Self.format)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let sources = try Importing.expand(arguments, relativeTo: ctx.currentDirectory, paths: s.paths)
        if sources.isEmpty { ctx.console.info(CommandText.nothingToImport) }
        let progress = ProgressBar(total: sources.count, console: ctx.console)
        let results = try Importing.importFiles(sources, options: Importing.Options(strict: strictBatch), workspace: ws,
                                                session: s, progress: progress.update)
        progress.finish()
        let rejected = results.contains { !$0.errors.isEmpty }
        if strictBatch, rejected { ctx.console.info(CommandText.strictNothingImported) }
        for r in results {
            let shown = Array(r.warnings.prefix(Self.warningsShown))
            ctx.console.report(r.errors + shown)
            if r.warnings.count > shown.count {
                ctx.console.report([.note(.moreWarnings(r.warnings.count - shown.count), at: SourceLocation(path: r.shown, line: 1, column: 1))])
            }
        }
        if output == .json {
            ctx.console.out(Importing.json(results, language: ctx.language).text + "\n")
        } else {
            func count(_ o: ImportOutcome) -> Int { results.filter { $0.outcome == o }.count }
            ctx.console.say(CommandText.importDone(imported: count(.imported), unchanged: count(.unchanged),
                                                   corrected: count(.corrected), rejected: count(.rejected)))
            let moved = results.filter { $0.movedTo != nil }
            if !moved.isEmpty, let first = moved.first?.movedTo {
                ctx.console.say(CommandText.importMoved(count: moved.count, folder: (first as NSString).deletingLastPathComponent))
            }
        }
        return rejected ? ExitCode.dataError : ExitCode.ok
    }
}

/// A progress bar on stderr, only on a terminal and for a large batch.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let console: Console
    let enabled: Bool
    var last = -1
    init(total: Int, console: Console) {
        self.total = total
        self.console = console
        enabled = total >= 200 && isatty(2) == 1 && !console.quiet
    }
    func update(_ done: Int) {
        guard enabled else { return }
        let pct = done * 100 / max(total, 1)
        guard pct != last else { return }
        last = pct
        let width = 30, filled = pct * width / 100
        console.err("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)")
    }
    func finish() { if enabled { console.err("\n") } }
}
