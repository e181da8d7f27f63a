import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// Writes results to stdout and diagnostics to stderr.
final class Console: @unchecked Sendable {
    let language: Language
    let quiet: Bool
    init(language: Language, quiet: Bool) { self.language = language; self.quiet = quiet }

    func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    func out(bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    func err(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
    /// A progress or status line that `--quiet` silences.
    func info(_ s: String) { if !quiet { err(s + "\n") } }
    func report(_ ds: [Diagnostic]) {
        guard !ds.isEmpty else { return }
        err(sortedDiagnostics(ds).map { $0.rendered(language) }.joined(separator: "\n") + "\n")
    }
    func say(vi: String, en: String) { out((language == .vi ? vi : en) + "\n") }
}

/// What every command gets: where the workspace is, today, the language, and the console.
struct Context: Sendable {
    let console: Console
    let today: Day
    let workspaceOption: String?
    let environment: [String: String]
    let databaseOption: String?
    var language: Language { console.language }

    init(arguments: ParsedArguments, environment: [String: String], console: Console) throws(Failure) {
        self.console = console
        self.environment = environment
        if let l = arguments.value("--lang"), l != "vi", l != "en" {
            throw Failure(.invalidArgument(l, expected: "vi|en"), exitCode: ExitCode.usage)
        }
        if let t = arguments.value("--today") ?? environment["LOA_TODAY"] {
            guard let d = Day(iso: t) else { throw Failure(.invalidArgument(t, expected: "YYYY-MM-DD"), exitCode: ExitCode.usage) }
            today = d
        } else {
            today = Context.todayInHanoi()
        }
        workspaceOption = arguments.value("--workspace") ?? environment["LOA_WORKSPACE"]
        databaseOption = arguments.value("--db")
    }

    /// Today's civil date in Asia/Ho_Chi_Minh, whatever the machine's zone.
    static func todayInHanoi() -> Day {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let c = cal.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The workspace: `--workspace`, `LOA_WORKSPACE`, or the nearest ancestor holding content/plan.yml.
    func workspacePaths() throws(Failure) -> WorkspacePaths {
        let fm = FileManager.default
        if let w = workspaceOption {
            let abs = Context.absolute(w)
            guard fm.fileExists(atPath: abs + "/content/plan.yml") else {
                throw Failure(.fileMissing(abs + "/content/plan.yml"), exitCode: ExitCode.noInput)
            }
            return WorkspacePaths(root: abs)
        }
        var dir = fm.currentDirectoryPath
        while true {
            if fm.fileExists(atPath: dir + "/content/plan.yml") { return WorkspacePaths(root: dir) }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        throw Failure(.workspaceNotFound, exitCode: ExitCode.noInput)
    }

    static func absolute(_ p: String) -> String {
        let path = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
        return (path as NSString).standardizingPath
    }

    /// Loads and validates the workspace; errors stop the command, warnings and notes are printed.
    func loadWorkspace(reportNotes: Bool = false) throws(Failure) -> (Workspace, WorkspacePaths) {
        let paths = try workspacePaths()
        let diagnostics = Diagnostics()
        let ws = WorkspaceLoader.load(paths, diagnostics: diagnostics)
        if let ws { diagnostics.add(contentsOf: Validator.validate(ws)) }
        let errors = diagnostics.all.filter { $0.severity == .error }
        guard let ws, errors.isEmpty else { throw Failure(diagnostics.all.filter { $0.severity != .note }) }
        if reportNotes { console.report(diagnostics.all) } else {
            console.report(diagnostics.all.filter { $0.severity == .warning })
        }
        return (ws, paths)
    }

    func databasePath(_ paths: WorkspacePaths) -> String {
        databaseOption.map(Context.absolute) ?? paths.defaultDatabase
    }

    /// The shipped workspace: `LOA_HOME`, or the repository the binary was built in.
    func shippedWorkspace() throws(Failure) -> String {
        if let home = environment["LOA_HOME"], FileManager.default.fileExists(atPath: home + "/content/plan.yml") { return home }
        var dir = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        if let exe = Bundle.main.executablePath { dir = (exe as NSString).deletingLastPathComponent }
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir + "/content/plan.yml") { return dir }
            dir = (dir as NSString).deletingLastPathComponent
        }
        throw Failure(.plain(language == .vi ? "không tìm thấy không gian làm việc mẫu; đặt LOA_HOME là thư mục mã nguồn Loa"
                                              : "cannot find the shipped workspace; set LOA_HOME to Loa's source folder"), exitCode: ExitCode.noInput)
    }
}

/// Writes a file atomically (a temporary file renamed over the target), creating folders;
/// failures become exit 74 with the path.
func writeFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
    let dir = (path as NSString).deletingLastPathComponent
    let tmp = path + ".tmp-\(getpid())"
    func fail(_ reason: String) -> Failure { Failure(.fileUnwritable(path, reason: reason), exitCode: ExitCode.ioError) }
    var fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd < 0, errno == ENOENT {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch { throw fail(error.localizedDescription) }
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
    let written = bytes.withUnsafeBytes { buffer -> Int in
        var done = 0
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n <= 0 { return -1 }
            done += n
        }
        return done
    }
    close(fd)
    guard written == bytes.count, rename(tmp, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(tmp)
        throw fail(reason)
    }
}

func writeFile(_ path: String, _ text: String) throws(Failure) { try writeFile(path, Array(text.utf8)) }


extension Context {
    /// Opens the workspace's database, creating and migrating it; SQLite failures become sysexits codes.
    func openStore(_ paths: WorkspacePaths) throws(Failure) -> Store {
        let path = databasePath(paths)
        do { return try Store(path: path) } catch { throw storeFailure(error, path: path) }
    }

    func storeFailure(_ error: any Error, path: String) -> Failure {
        if let f = error as? Failure { return f }
        if case StoreError.tooNew(let v, let known) = error {
            return Failure(.plain2(vi: "\(path): cơ sở dữ liệu phiên bản \(v) mới hơn phiên bản loa này hỗ trợ (\(known)); hãy cập nhật loa",
                                   en: "\(path): database version \(v) is newer than this loa supports (\(known)); update loa"), exitCode: ExitCode.dataError)
        }
        if let e = error as? DatabaseError {
            if e.isBusy {
                return Failure(.plain2(vi: "\(path): cơ sở dữ liệu đang bị khóa bởi tiến trình khác (đã chờ hết thời gian)",
                                       en: "\(path): the database is still locked by another process after the busy timeout"), exitCode: ExitCode.ioError)
            }
            return Failure(.plain("\(path): \(e)"), exitCode: ExitCode.ioError)
        }
        return Failure(.plain("\(error)"), exitCode: ExitCode.software)
    }

    /// A throw-away database, for searching items when no facts are recorded yet.
    func openMemoryStore() throws(Failure) -> Store {
        do { return try Store(path: ":memory:") } catch { throw storeFailure(error, path: ":memory:") }
    }

    /// Runs store work on an open store, mapping its errors like `openStore`.
    func guarded<T>(_ paths: WorkspacePaths, _ body: () throws -> T) throws(Failure) -> T {
        do { return try body() } catch { throw storeFailure(error, path: databasePath(paths)) }
    }

    /// Opens the store for one piece of work.
    func withStore<T>(_ paths: WorkspacePaths, _ body: (Store) throws -> T) throws(Failure) -> T {
        let store = try openStore(paths)
        return try guarded(paths) { try body(store) }
    }

    /// Publications recorded in the store; none when there is no database yet.
    func publicationsIfAny(_ paths: WorkspacePaths) throws(Failure) -> [Publication] {
        guard FileManager.default.fileExists(atPath: databasePath(paths)) else { return [] }
        return try withStore(paths) { try $0.publications() }
    }
}
