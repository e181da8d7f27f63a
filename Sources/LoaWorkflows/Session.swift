import Foundation
import LoaCore
import LoaFormats
import LoaStore
import Synchronization

/// Everything a use case needs to know about where and when it runs: the workspace, the database, today,
/// the language, and who acts. The command line and the web front each build one per invocation or request.
public struct Session: Sendable {
    public let paths: WorkspacePaths
    public let databasePath: String
    public let today: Day
    public let language: Language
    public let actor: Actor
    /// The database was named explicitly (`--db`): readers then insist that it exists, so a typo is not taken
    /// for an empty record.
    public let databaseNamed: Bool
    /// A long-running process (the web server) keeps each thread's connections open and reuses them: opening one
    /// costs a file open and a schema check, and closing the last one checkpoints the WAL to disk.
    public var reusesConnections = false

    public init(paths: WorkspacePaths, databasePath: String? = nil, today: Day, language: Language, actor: Actor) {
        self.paths = paths
        self.databasePath = databasePath ?? paths.defaultDatabase
        self.databaseNamed = databasePath != nil
        self.today = today; self.language = language; self.actor = actor
    }

    /// The same session for another person or day (on the same connections: a web request's transaction stays
    /// the one it writes in).
    public func with(actor: Actor? = nil, today: Day? = nil, language: Language? = nil) -> Session {
        var s = Session(paths: paths, databasePath: databaseNamed ? databasePath : nil, today: today ?? self.today,
                        language: language ?? self.language, actor: actor ?? self.actor)
        s.reusesConnections = reusesConnections
        return s
    }

    public var databaseExists: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// Loads and validates the workspace; errors stop the use case, warnings come back to be shown. With `bodies`
    /// false, items come without their Markdown bodies, which planning never reads (each file is still read whole
    /// and checked, so the same files fail the same way).
    public func loadWorkspace(bodies: Bool = true) throws(Failure) -> (workspace: Workspace, warnings: [Diagnostic]) {
        let diagnostics = Diagnostics()
        let ws = WorkspaceLoader.load(paths, diagnostics: diagnostics, bodies: bodies)
        if let ws { diagnostics.add(contentsOf: Validator.validate(ws)) }
        guard let ws, !diagnostics.hasErrors else { throw Failure(diagnostics.all.filter { $0.severity != .note }) }
        return (ws, diagnostics.all.filter { $0.severity == .warning })
    }

    /// Opens the database for writing, creating and migrating it.
    public func openStore() throws(Failure) -> Store {
        do {
            guard reusesConnections else { return try Store(path: databasePath) }
            return try ThreadConnections.store(databasePath) {
                try Store(path: databasePath, writers: ThreadConnections.writers(databasePath))
            }
        } catch { throw storeFailure(error) }
    }

    /// Opens the database read-only: never waits for writers, works on a copy it may not write.
    /// With `required`, a missing database is an error (exit 66); otherwise it gives nil.
    public func openReader(required: Bool = false) throws(Failure) -> ReadOnlyStore? {
        guard databaseExists else {
            if required || databaseNamed { throw Failure(.databaseMissing(databasePath), exitCode: ExitCode.noInput) }
            return nil
        }
        do {
            guard reusesConnections else { return try ReadOnlyStore(path: databasePath) }
            return try ThreadConnections.store(databasePath + "#read") { try ReadOnlyStore(path: databasePath) }
        } catch { throw storeFailure(error) }
    }

    /// Reads from the database when it exists; `empty` otherwise (nothing recorded yet).
    public func read<T>(orEmpty empty: T, _ body: (StoreReader) throws -> T) throws(Failure) -> T {
        guard let store = try openReader() else { return empty }
        return try guarded { try store.read(body) }
    }

    /// Runs store work, turning SQLite's errors into sysexits failures.
    public func guarded<T>(_ body: () throws -> T) throws(Failure) -> T {
        do { return try body() } catch { throw storeFailure(error) }
    }

    public func storeFailure(_ error: any Error) -> Failure {
        if let f = error as? Failure { return f }
        switch error {
        case StoreError.tooNew(let v, let known):
            return Failure(.databaseTooNew(databasePath, version: v, known: known), exitCode: ExitCode.dataError)
        case StoreError.missing(let p):
            return Failure(.databaseMissing(p), exitCode: ExitCode.noInput)
        case StoreError.needsMigration(let p):
            return Failure(.databaseFailed(p, reason: "read-only database needs migrating"), exitCode: ExitCode.ioError)
        case let e as DatabaseError where e.isBusy:
            return Failure(.databaseBusy(databasePath), exitCode: ExitCode.ioError)
        case let e as DatabaseError:
            return Failure(.databaseFailed(databasePath, reason: e.description), exitCode: ExitCode.ioError)
        default:
            return Failure(.verbatim("\(error)"), exitCode: ExitCode.software)
        }
    }
}

/// Connections kept per thread and database for a long-running process: a thread uses its own, one request at a
/// time, so a connection is never shared between threads.
enum ThreadConnections {
    /// One lock per database file for the whole process: its writers queue here rather than in SQLite's sleeping
    /// busy handler (other processes still meet the busy timeout).
    private static let locks = Mutex<[String: NSLock]>([:])

    static func writers(_ path: String) -> NSLock {
        locks.withLock { table in
            if let lock = table[path] { return lock }
            let lock = NSLock()
            table[path] = lock
            return lock
        }
    }

    static func store<T: AnyObject>(_ key: String, open: () throws -> T) throws -> T {
        let dictionary = Thread.current.threadDictionary
        if let kept = dictionary[key] as? T { return kept }
        let made = try open()
        dictionary[key] = made
        return made
    }
}

/// Writes a file atomically (a temporary file renamed over the target), creating folders; failures are exit 74.
public func writeFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
    let dir = (path as NSString).deletingLastPathComponent
    let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    func fail(_ reason: String) -> Failure { Failure(.fileUnwritable(path, reason: reason),
        exitCode: ExitCode.ioError) }
    var fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0, errno == ENOENT {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw fail(error.localizedDescription)
        }
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }
    guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
    let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = write(fd, base + done, buffer.count - done)
            if n < 0, errno == EINTR { continue }
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

public func writeFile(_ path: String, _ text: String) throws(Failure) { try writeFile(path, Array(text.utf8)) }
