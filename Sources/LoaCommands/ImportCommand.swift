import Foundation
import LoaCore
import LoaFormats
import LoaStore

let importCommand = CommandSpec(
    name: "import", usage: "import PATH…",
    vi: "Nhập báo cáo (.md) và bảng hoạt động (.csv) từ tệp hoặc thư mục, theo thứ tự đường dẫn.\nMỗi tệp nhập trọn vẹn hoặc không; --strict: cả lô trọn vẹn hoặc không. Mã thoát 65 khi có tệp bị từ chối.",
    en: "Import report forms (.md) and activity tables (.csv) from files or folders, in path order.\nEach file is all-or-nothing; --strict makes the batch all-or-nothing. Exit 65 when any file was rejected.",
    options: [
        OptionSpec(name: "--strict", value: nil, vi: "cả lô trọn vẹn hoặc không", en: "the whole batch is all-or-nothing"),
        OptionSpec(name: "--format", value: "json", vi: "in kết quả dạng JSON", en: "print the result as JSON"),
    ],
    minArguments: 1, maxArguments: Int.max
) { ctx, args in
    let format = try outputFormat(args, allowed: ["json"])
    let (ws, paths) = try ctx.loadWorkspace()
    let files = try expandImportPaths(args.positional)
    let validator = ReportValidator(ws, today: ctx.today)
    let store = try ctx.openStore(paths)
    let progress = Progress(total: files.count, console: ctx.console)
    let strict = args.has("--strict")
    var results: [ImportResult] = []
    struct Rejected: Error {}

    // Each file is one transaction (a savepoint inside the batch's transaction with --strict): a file with
    // any error is rolled back whole; CSV rows stream from disk into the database as they are checked.
    try ctx.guarded(paths) {
        let importFile = { (file: String) throws -> ImportResult in
            var result = ImportResult(shown: displayPath(file, paths))
            do {
                result.outcome = try store.db.savepoint {
                    let outcome = try importOne(file, &result, validator: validator, store: store, today: ctx.today)
                    if !result.errors.isEmpty { throw Rejected() }
                    return outcome
                }
            } catch is Rejected {
                result.outcome = .rejected
            }
            return result
        }
        if strict {
            do {
                try store.db.write {
                    for file in files { results.append(try importFile(file)); progress.update(results.count) }
                    if results.contains(where: { $0.outcome == .rejected }) { throw Rejected() }
                }
            } catch is Rejected {
                results = results.map { var r = $0; r.outcome = .rejected; return r }   // all or nothing: nothing
            }
        } else {
            for file in files {
                results.append(try store.db.write { try importFile(file) })
                progress.update(results.count)
            }
        }
    }
    progress.finish()
    let rejected = results.contains { !$0.errors.isEmpty }
    if strict, rejected {
        ctx.console.info(ctx.language == .vi ? "--strict: có tệp bị từ chối nên không nhập tệp nào." : "--strict: a file was rejected, so nothing was imported.")
    }
    for r in results {
        // a large table can warn on many rows: show the first few, count the rest
        let shown = Array(r.warnings.prefix(20))
        ctx.console.report(r.errors + shown)
        if r.warnings.count > shown.count {
            ctx.console.report([.note(.plain2(vi: "còn \(r.warnings.count - shown.count) cảnh báo khác trong tệp này", en: "\(r.warnings.count - shown.count) more warnings in this file"),
                                      at: SourceLocation(path: r.shown, line: 1, column: 1))])
        }
    }
    func count(_ o: ImportOutcome) -> Int { results.filter { $0.outcome == o }.count }
    if format == "json" {
        ctx.console.out(JSON.object([
            ("imported", .int(count(.imported))), ("unchanged", .int(count(.unchanged))),
            ("corrected", .int(count(.corrected))), ("rejected", .int(count(.rejected))),
            ("files", .array(results.map { r in
                .object([("path", .string(r.shown)), ("result", .string(r.outcome.rawValue)),
                         ("errors", .array(r.errors.map { .string($0.rendered(ctx.language)) })),
                         ("warnings", .array(r.warnings.map { .string($0.rendered(ctx.language)) }))])
            })),
        ]).text + "\n")
    } else {
        ctx.console.say(vi: "Đã nhập \(count(.imported)), không đổi (đã nhập) \(count(.unchanged)), hiệu chỉnh \(count(.corrected)), bị từ chối \(count(.rejected)).",
                        en: "Imported \(count(.imported)), unchanged \(count(.unchanged)), corrected \(count(.corrected)), rejected \(count(.rejected)).")
    }
    return rejected ? ExitCode.dataError : ExitCode.ok
}

struct ImportResult {
    let shown: String
    var outcome = ImportOutcome.rejected
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    mutating func take(_ d: Diagnostics) {
        errors += d.all.filter { $0.severity == .error }
        warnings += d.all.filter { $0.severity != .error }
    }
}

/// Checks and records one file; errors land in `result` (the caller rolls the file back when there are any).
func importOne(_ path: String, _ result: inout ImportResult, validator: ReportValidator, store: Store, today: Day) throws -> ImportOutcome {
    let d = Diagnostics()
    defer { result.take(d) }
    do {
        if path.lowercased().hasSuffix(".csv") {
            let importId = try store.beginTable(sourcePath: result.shown, today: today)
            var added = 0
            try FormReader.activities(source: try ByteChunks(path: path), path: result.shown, diagnostics: d) { a in
                let problems = validator.check(activity: a, checkUnitToo: true)
                d.add(contentsOf: problems)
                // once a row is wrong the file will be rolled back: keep checking, stop writing
                if !d.hasErrors, try store.record(tableRow: a, importId: importId) { added += 1 }
            }
            if d.hasErrors { return .rejected }
            try store.finishTable(importId: importId, added: added, sourcePath: result.shown, today: today)
            return added > 0 ? .imported : .unchanged
        }
        let file = try TextFile.decode(try TextFile.readBytes(path), path: result.shown)
        guard let form = FormReader.form(file, diagnostics: d) else { return .rejected }
        d.add(contentsOf: validator.check(form))
        if d.hasErrors { return .rejected }
        return try store.record(form: form, sourcePath: result.shown, today: today)
    } catch let failure as Failure {
        d.add(contentsOf: failure.diagnostics)
        return .rejected
    }
}

/// Files and folders to import, expanded to `.md` and `.csv` files in sorted path order.
func expandImportPaths(_ args: [String]) throws(Failure) -> [String] {
    var out: [String] = []
    for a in args {
        let abs = Context.absolute(a)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir) else { throw Failure(.fileMissing(a), exitCode: ExitCode.noInput) }
        if isDir.boolValue {
            out += WorkspaceLoader.listFiles(abs, extension: "md") + WorkspaceLoader.listFiles(abs, extension: "csv")
        } else {
            out.append(abs)
        }
    }
    return Array(Set(out)).sorted()
}

func displayPath(_ abs: String, _ paths: WorkspacePaths) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if abs.hasPrefix(cwd + "/") { return String(abs.dropFirst(cwd.count + 1)) }
    return paths.relative(abs)
}

/// A progress bar on stderr, only when it is a terminal and the batch is large.
final class Progress {
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
