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
                                                session: s, progress: progress.update, rows: progress.rows)
        progress.finish()
        let rejected = results.contains { !$0.errors.isEmpty }
        if strictBatch, rejected { ctx.console.info(CommandText.strictNothingImported) }
        for r in results {
            let shown = Array(r.warnings.prefix(Self.warningsShown))
            ctx.console.report(r.errors + shown)
            if r.warnings.count > shown.count {
                ctx.console.report([.note(.moreWarnings(r.warnings.count - shown.count),
                    at: SourceLocation(path: r.shown, line: 1, column: 1))])
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
                ctx.console.say(CommandText.importMoved(count: moved.count,
                    folder: (first as NSString).deletingLastPathComponent))
            }
        }
        return rejected ? ExitCode.dataError : ExitCode.ok
    }
}

/// A progress bar on stderr, only on a terminal: files for a large batch, rows for a large table.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let console: Console
    let terminal: Bool
    let enabled: Bool
    var shown = false
    var last = ""
    var done = 0
    var lastPercent = -1
    init(total: Int, console: Console) {
        self.total = total
        self.console = console
        terminal = isatty(2) == 1 && !console.quiet
        enabled = total >= 200 && terminal
    }
    func update(_ done: Int) {
        self.done = done
        guard enabled else { return }
        let pct = done * 100 / max(total, 1)
        guard pct != lastPercent else { return }
        lastPercent = pct
        draw(pct, "\(done)/\(total)")
    }
    /// A table's rows so far, with the fraction of its file read; told only for a large table.
    func rows(_ rows: Int, _ fraction: Double) {
        guard terminal else { return }
        let files = total > 1 ? "\(done)/\(total) · " : ""
        draw(Int(min(max(fraction, 0), 1) * 100), files + "\(rows) rows")
    }
    func draw(_ pct: Int, _ label: String) {
        let width = 30, filled = pct * width / 100
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + label
        guard line != last else { return }
        let pad = String(repeating: " ", count: max(0, last.count - line.count))
        last = line
        shown = true
        console.err("\r" + line + pad)
    }
    func finish() { if shown { console.err("\n") } }
}
