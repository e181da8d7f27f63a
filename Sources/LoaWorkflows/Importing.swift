import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// `loa import`, the web report form and the web upload: one way to check and record what units send.
public enum Importing {
    /// What happened to one file or web form.
    public struct FileResult: Sendable {
        /// The path as the user names it (relative to the current folder or the workspace).
        public let shown: String
        public var outcome = ImportOutcome.rejected
        public var errors: [Diagnostic] = []
        public var warnings: [Diagnostic] = []
        /// Where an imported inbox file went.
        public var movedTo: String?
        /// The period of an imported form.
        public var period: Month?
    }

    public struct Options: Sendable {
        /// The whole batch is all-or-nothing.
        public var strict = false
        /// Every form and row must be this unit's (a unit's web upload).
        public var onlyUnit: UnitCode?
        /// Move imported files found in `reports/inbox/` to `reports/imported/YYYY-MM/`.
        public var archiveInbox = true
        /// Forms count as submitted on the session's today, whatever date they state (a unit's web form or
        /// upload: SPEC §9.5); the stated date is kept beside it.
        public var datedByServer = false
        /// Activity tables may write dates as dd/mm/yyyy and types by their names (a unit's web upload).
        public var spreadsheet = false
        public init(strict: Bool = false, onlyUnit: UnitCode? = nil, archiveInbox: Bool = true,
                    datedByServer: Bool = false, spreadsheet: Bool = false) {
            self.strict = strict; self.onlyUnit = onlyUnit; self.archiveInbox = archiveInbox
            self.datedByServer = datedByServer; self.spreadsheet = spreadsheet
        }
    }

    struct Rejected: Error {}

    /// A file to import: its path on disk and how it is shown in messages.
    public struct Source: Sendable {
        public let path: String
        public let shown: String
        public init(path: String, shown: String) { self.path = path; self.shown = shown }
    }

    /// How many files go into one transaction at most, and for how long it may hold the write lock.
    static let batchFiles = 1_000
    static let batchSeconds = 0.25
    /// How often (in rows) a large table tells its progress.
    public static let rowsPerProgress = 10_000

    /// Imports files in order: each is all or nothing, a savepoint rolled back whole on any error, inside a
    /// transaction that holds a batch of files (the whole batch with `strict`, which then keeps nothing if any
    /// file is rejected). `progress` is told after each file, `rows` every `rowsPerProgress` rows of a table
    /// (the rows read so far and the fraction of the file read).
    public static func importFiles(_ sources: [Source], options: Options, workspace ws: Workspace, session s: Session,
                                   progress: (Int) -> Void = { _ in },
                                   rows: (Int, Double) -> Void = { _, _ in }) throws(Failure) -> [FileResult] {
        let validator = ReportValidator(ws, today: s.today)
        let store = try s.openStore()
        var results: [FileResult] = []
        results.reserveCapacity(sources.count)
        try s.guarded {
            if options.strict {
                do {
                    try store.write { _ in
                        for source in sources {
                            results.append(try importOne(source, store, validator, options, s, rows))
                            progress(results.count)
                        }
                        if results.contains(where: { $0.outcome == .rejected }) { throw Rejected() }
                    }
                } catch is Rejected {
                    results = results.map { var r = $0; r.outcome = .rejected; return r }  // all or nothing: nothing
                }
            } else {
                // files are committed in batches, so a thousand small forms are not a thousand commits; an error
                // other than a rejected file keeps the files before it, as one transaction per file would
                var failure: (any Error)?
                while results.count < sources.count, failure == nil {
                    try store.write { _ in
                        let started = Date()
                        var inBatch = 0
                        while results.count < sources.count {
                            do {
                                results.append(try importOne(sources[results.count], store, validator, options, s,
                                                             rows))
                            } catch {
                                failure = error
                                return
                            }
                            progress(results.count)
                            inBatch += 1
                            if inBatch >= batchFiles || Date().timeIntervalSince(started) > batchSeconds { return }
                        }
                    }
                }
                if let failure { throw failure }
            }
        }
        if options.archiveInbox {
            let archiver = Archiver(s)
            for n in results.indices { results[n] = archiver.archive(results[n], sources[n]) }
        }
        return results
    }

    /// Checks and records one file in its own transaction (or savepoint).
    static func importOne(_ source: Source, _ store: Store, _ validator: ReportValidator, _ options: Options,
                          _ s: Session, _ rows: (Int, Double) -> Void) throws -> FileResult {
        try recording(source.shown, in: { try store.write($0) }) { w, d, period in
            if source.path.lowercased().hasSuffix(".csv") {
                return try recordTable(source, w, validator, options, s, d, rows)
            }
            let file = try TextFile.decode(try TextFile.readBytes(source.path), path: source.shown)
            return try recordForm(file, w, validator, options, s, d, period: &period)
        }
    }

    /// One file's all-or-nothing work inside `transact` (a transaction, or a savepoint of one): the errors `record`
    /// collects or throws as a `Failure` roll it back and make the file rejected, its diagnostics in order.
    static func recording(_ shown: String, in transact: ((StoreWriter) throws -> ImportOutcome) throws -> ImportOutcome,
                          _ record: (StoreWriter, Diagnostics, inout Month?) throws -> ImportOutcome) throws
        -> FileResult {
        var result = FileResult(shown: shown)
        do {
            result.outcome = try withoutActuallyEscaping(record) { record in
                try transact { w in
                    let d = Diagnostics()
                    defer { result.take(d) }
                    let outcome = try record(w, d, &result.period)
                    if d.hasErrors { throw Rejected() }
                    return outcome
                }
            }
        } catch is Rejected {
            result.outcome = .rejected
        } catch let failure as Failure {
            result.errors = sortedDiagnostics(result.errors + failure.diagnostics)
            result.outcome = .rejected
        }
        return result
    }

    /// A form's text (a file, or a web form written out as Markdown), checked and recorded.
    static func recordForm(_ file: TextFile, _ w: StoreWriter, _ validator: ReportValidator, _ options: Options,
                           _ s: Session, _ d: Diagnostics, period: inout Month?) throws -> ImportOutcome {
        guard let form = FormReader.form(file, diagnostics: d, checking: validator) else { return .rejected }
        d.add(contentsOf: validator.check(form))
        if let only = options.onlyUnit, form.unit.value != only {
            d.add(.error(.unitNotYours(form.unit.value, yours: only), at: form.unit.location))
        }
        if d.hasErrors { return .rejected }
        period = form.period.value
        return try w.record(form: form, source: file.path, today: s.today, actor: s.actor,
                            datedByServer: options.datedByServer)
    }

    /// An activity table, streamed from disk: another thread reads and checks the rows while this one records
    /// them; after the first error nothing more is recorded (the file will be rolled back) but every row is
    /// still checked.
    static func recordTable(_ source: Source, _ w: StoreWriter, _ validator: ReportValidator, _ options: Options,
                            _ s: Session, _ d: Diagnostics, _ rows: (Int, Double) -> Void) throws -> ImportOutcome {
        var table = try w.beginTable(source: source.shown, today: s.today)
        defer { w.close(table) }
        let reader = TableReader(chunks: try ByteChunks(path: source.path), path: source.shown, diagnostics: d,
                                 validator: validator, onlyUnit: options.onlyUnit, spreadsheet: options.spreadsheet)
        let thread = Thread { reader.run() }
        thread.stackSize = 8 << 20
        thread.start()
        var failure: (any Error)?
        var told = 0
        // take() ends only once the reader is done with `d`
        while let batch = reader.pipe.take() {
            if failure == nil {
                do {
                    for row in batch.rows { try w.record(row: row, in: &table) }
                } catch {
                    failure = error
                    reader.pipe.cancel()
                }
            }
            if batch.read / rowsPerProgress > told {
                told = batch.read / rowsPerProgress
                rows(batch.read, batch.fraction)
            }
        }
        if let failure { throw failure }
        if d.hasErrors { return .rejected }
        try w.finish(&table, today: s.today, actor: s.actor)
        return table.added > 0 ? .imported : .unchanged
    }

    /// Reads and checks an activity table on its own thread, handing rows to record over a bounded pipe.
    final class TableReader: @unchecked Sendable {
        let chunks: ByteChunks
        let path: String
        let d: Diagnostics
        let validator: ReportValidator
        let onlyUnit: UnitCode?
        let spreadsheet: Bool
        let pipe = RowPipe()
        static let batchRows = 2_048

        init(chunks: ByteChunks, path: String, diagnostics: Diagnostics, validator: ReportValidator,
             onlyUnit: UnitCode?, spreadsheet: Bool) {
            self.chunks = chunks; self.path = path; self.d = diagnostics; self.validator = validator
            self.onlyUnit = onlyUnit; self.spreadsheet = spreadsheet
        }

        func run() {
            defer { pipe.close() }
            var stager = ActivityStager()
            var batch = RowPipe.Batch()
            do {
                try FormReader.activities(source: chunks, path: path, diagnostics: d, checking: validator,
                                          spreadsheet: spreadsheet) { a in
                    d.add(contentsOf: validator.check(activity: a, checkUnitToo: true))
                    if let onlyUnit, a.unit.value != onlyUnit {
                        d.add(.error(.unitNotYours(a.unit.value, yours: onlyUnit), at: a.unit.location))
                    }
                    if !d.hasErrors { batch.rows.append(stager.stage(a)) }
                    batch.read += 1
                    if batch.rows.count >= Self.batchRows || batch.read % rowsPerProgress == 0 {
                        batch.fraction = Double(chunks.consumed) / Double(max(chunks.total, 1))
                        guard pipe.put(batch) else { throw RowPipe.Cancelled() }
                        batch.rows.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                return  // cancelled: the recording side failed and reports why
            }
            batch.fraction = 1
            _ = pipe.put(batch)
        }
    }

    /// A bounded queue of row batches from one reading thread to one recording thread.
    final class RowPipe: @unchecked Sendable {
        struct Batch {
            var rows: [StagedActivity] = []
            /// Rows read so far (rejected ones too), and the fraction of the file read.
            var read = 0
            var fraction = 0.0
        }
        struct Cancelled: Error {}
        let condition = NSCondition()
        var queue: [Batch] = []
        var closed = false
        var cancelled = false
        static let depth = 4

        /// Waits for room; false once the recording side gave up.
        func put(_ b: Batch) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while queue.count >= Self.depth, !cancelled { condition.wait() }
            if cancelled { return false }
            queue.append(b)
            condition.broadcast()
            return true
        }
        /// The next batch, or nil once the reading side is done.
        func take() -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while queue.isEmpty, !closed { condition.wait() }
            guard !queue.isEmpty else { return nil }
            condition.broadcast()
            return queue.removeFirst()
        }
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }
        func cancel() {
            condition.lock()
            cancelled = true
            queue.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Records a report written on the web: the Markdown text goes through exactly what `loa import` does.
    public static func importText(_ text: String, name: String, options: Options, workspace ws: Workspace,
                                  session s: Session, index: WorkspaceIndex? = nil) throws(Failure) -> FileResult {
        let validator = ReportValidator(index ?? WorkspaceIndex(ws), today: s.today)
        let store = try s.openStore()
        return try s.guarded { try store.write { w in try recordText(text, name: name, options: options,
                                                                     validator: validator, w, s) } }
    }

    /// Checks and records a form's text inside the caller's transaction, as a savepoint of its own: rejected, it
    /// leaves nothing behind.
    static func recordText(_ text: String, name: String, options: Options, validator: ReportValidator,
                           _ w: StoreWriter, _ s: Session) throws -> FileResult {
        try recording(name, in: { try w.savepoint($0) }) { w, d, period in
            let file = try TextFile.decode(Array(text.utf8), path: name)
            return try recordForm(file, w, validator, options, s, d, period: &period)
        }
    }

    /// Moves imported (or already imported) files out of the inbox, to `reports/imported/YYYY-MM/`; folders
    /// made once, names taken remembered.
    final class Archiver {
        let s: Session
        var made: Set<String> = []
        var taken: Set<String> = []
        init(_ s: Session) { self.s = s }

        /// Moves the file under its own name, or the first of `NAME-2.EXT`, `NAME-3.EXT` … that is free.
        func archive(_ r: FileResult, _ source: Source) -> FileResult {
            guard r.outcome != .rejected, source.path.hasPrefix(s.paths.inbox + "/") else { return r }
            let dir = s.paths.imported(r.period ?? s.today.monthOfYear)
            let name = source.path.lastIndex(of: "/").map { String(source.path[source.path.index(after: $0)...]) }
                ?? source.path
            var n = 1
            var target = dir + "/" + name
            var out = r
            do {
                if !made.contains(dir) {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    made.insert(dir)
                }
                while try taken.contains(target) || !moveWithoutReplacing(source.path, to: target) {
                    n += 1
                    target = dir + "/" + (name as NSString).deletingPathExtension + "-\(n)."
                        + (name as NSString).pathExtension
                }
                taken.insert(target)
                out.movedTo = s.paths.relative(target)
            } catch {
                out.warnings.append(.warning(.fileUnwritable(target, reason: error.localizedDescription),
                                             at: SourceLocation(path: r.shown, line: 1, column: 1)))
            }
            return out
        }

        /// Moves `path` to `target` unless something is there already (false then): `renameat2` with
        /// RENAME_NOREPLACE, without looking the name up first; where that is missing or refused, a look-up, then
        /// `rename`, or FileManager across file systems (which also says what went wrong).
        func moveWithoutReplacing(_ path: String, to target: String) throws -> Bool {
            if let renameNoReplace {
                if renameNoReplace(AT_FDCWD, path, AT_FDCWD, target, 1 /* RENAME_NOREPLACE */) == 0 { return true }
                if errno == EEXIST { return false }
            }
            if FileManager.default.fileExists(atPath: target) { return false }
            if rename(path, target) != 0 { try FileManager.default.moveItem(atPath: path, toPath: target) }
            return true
        }
    }

    /// Files and folders to import, expanded to `.md` and `.csv` files in sorted path order.
    public static func expand(_ arguments: [String], relativeTo cwd: String, paths: WorkspacePaths)
        throws(Failure) -> [Source] {
        var out: [String] = []
        for a in arguments {
            let abs = absolutePath(a, relativeTo: cwd)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir) else {
                throw Failure(.fileMissing(a), exitCode: ExitCode.noInput)
            }
            if isDir.boolValue {
                // one walk of the folder for both kinds
                out += WorkspaceLoader.listFiles(abs, extensions: ["md", "csv"])
            } else if isRegularFile(abs) {
                out.append(abs)
            } else {
                // a device or a pipe named on the command line is refused like a missing file: nothing is read
                throw Failure(.notRegularFile(a), exitCode: ExitCode.noInput)
            }
        }
        // one folder or file lists each path once, in order already
        let found = arguments.count == 1 ? out : Array(Set(out)).sorted()
        return found.map { abs in
            let shown = abs.hasPrefix(cwd + "/") ? String(abs.dropFirst(cwd.count + 1)) : paths.relative(abs)
            return Source(path: abs, shown: shown)
        }
    }

    /// The import summary's JSON (SPEC §8).
    public static func json(_ results: [FileResult], language: Language) -> JSON {
        func count(_ o: ImportOutcome) -> Int { results.filter { $0.outcome == o }.count }
        return .object([
            ("imported", .int(count(.imported))), ("unchanged", .int(count(.unchanged))),
            ("corrected", .int(count(.corrected))), ("rejected", .int(count(.rejected))),
            ("files", .array(results.map { r in
                .object([("path", .string(r.shown)), ("result", .string(r.outcome.rawValue)),
                         ("errors", .array(r.errors.map { .string($0.rendered(language)) })),
                         ("warnings", .array(r.warnings.map { .string($0.rendered(language)) })),
                         ("moved_to", r.movedTo.map(JSON.string) ?? .null)])
            })),
        ])
    }
}

extension Importing.FileResult {
    /// Keeps a file's diagnostics in the order of their positions, as the terminal shows them.
    mutating func take(_ d: Diagnostics) {
        errors = sortedDiagnostics(errors + d.all.filter { $0.severity == .error })
        var found = warnings
        if found.isEmpty, !d.all.contains(where: { $0.severity == .error }) {
            found = d.all  // shared, not copied
        } else {
            for w in d.all where w.severity != .error { found.append(w) }
        }
        warnings = []  // a large table's warnings are many: one copy at a time
        warnings = sortedDiagnostics(found)
    }
}

/// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not declare.
private let renameNoReplace: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>,
                                              UInt32) -> Int32)? = dlsym(nil, "renameat2").map {
    unsafeBitCast($0, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>,
                                           UInt32) -> Int32).self)
}

/// Whether `path` names a regular file (following symbolic links).
private func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved.
public func absolutePath(_ path: String, relativeTo cwd: String) -> String {
    ((path.hasPrefix("/") ? path : cwd + "/" + path) as NSString).standardizingPath
}
