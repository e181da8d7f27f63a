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
    let progress = Progress(total: files.count * 2, console: ctx.console)

    // parse and check every file first: pure work, nothing written yet
    var parsed: [ParsedImport] = []
    for (n, file) in files.enumerated() {
        parsed.append(parseImport(file, shown: displayPath(file, paths), validator: validator))
        progress.update(n + 1)
    }
    let rejected = parsed.filter { !$0.errors.isEmpty }
    var results: [(ParsedImport, ImportOutcome)] = []
    try ctx.withStore(paths) { _ in
        if args.has("--strict"), !rejected.isEmpty {
            results = parsed.map { ($0, .rejected) }  // all or nothing: nothing
            return
        }
        let write = { (p: ParsedImport) throws -> ImportOutcome in
            if let form = p.form { return try store.record(form: form, sourcePath: p.shown, today: ctx.today) }
            return try store.record(activities: p.activities, sourcePath: p.shown, today: ctx.today) > 0 ? .imported : .unchanged
        }
        if args.has("--strict") {
            try store.db.write {
                for p in parsed {
                    results.append((p, try write(p)))
                    progress.update(files.count + results.count)
                }
            }
        } else {
            for p in parsed {
                if !p.errors.isEmpty { results.append((p, .rejected)) } else { results.append((p, try store.db.write { try write(p) })) }
                progress.update(files.count + results.count)
            }
        }
    }
    progress.finish()
    if args.has("--strict"), !rejected.isEmpty {
        ctx.console.info(ctx.language == .vi ? "--strict: có tệp bị từ chối nên không nhập tệp nào." : "--strict: a file was rejected, so nothing was imported.")
    }
    for (p, _) in results { ctx.console.report(p.errors + p.warnings) }
    func count(_ o: ImportOutcome) -> Int { results.filter { $0.1 == o }.count }
    if format == "json" {
        ctx.console.out(JSON.object([
            ("imported", .int(count(.imported))), ("unchanged", .int(count(.unchanged))),
            ("corrected", .int(count(.corrected))), ("rejected", .int(count(.rejected))),
            ("files", .array(results.map { p, o in
                .object([("path", .string(p.shown)), ("result", .string(o.rawValue)),
                         ("errors", .array(p.errors.map { .string($0.rendered(ctx.language)) })),
                         ("warnings", .array(p.warnings.map { .string($0.rendered(ctx.language)) }))])
            })),
        ]).text + "\n")
    } else {
        ctx.console.say(vi: "Đã nhập \(count(.imported)), không đổi (đã nhập) \(count(.unchanged)), hiệu chỉnh \(count(.corrected)), bị từ chối \(count(.rejected)).",
                        en: "Imported \(count(.imported)), unchanged \(count(.unchanged)), corrected \(count(.corrected)), rejected \(count(.rejected)).")
    }
    return rejected.isEmpty ? ExitCode.ok : ExitCode.dataError
}

struct ParsedImport {
    let shown: String
    var form: ReportForm?
    var activities: [Activity] = []
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []
}

func parseImport(_ path: String, shown: String, validator: ReportValidator) -> ParsedImport {
    var result = ParsedImport(shown: shown)
    let d = Diagnostics()
    do throws(Failure) {
        let bytes = try TextFile.readBytes(path)
        if path.lowercased().hasSuffix(".csv") {
            var rows: [Activity] = []
            FormReader.activities(bytes: bytes, path: shown, diagnostics: d) { rows.append($0) }
            for a in rows { d.add(contentsOf: validator.check(activity: a, checkUnitToo: true)) }
            result.activities = rows
        } else {
            let file = try TextFile.decode(bytes, path: shown)
            result.form = FormReader.form(file, diagnostics: d)
            if let form = result.form { d.add(contentsOf: validator.check(form)) }
        }
    } catch {
        d.add(contentsOf: error.diagnostics)
    }
    result.errors = d.all.filter { $0.severity == .error }
    result.warnings = d.all.filter { $0.severity != .error }
    if !result.errors.isEmpty { result.form = nil; result.activities = [] }
    return result
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
