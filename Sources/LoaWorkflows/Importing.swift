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
        public init(strict: Bool = false, onlyUnit: UnitCode? = nil, archiveInbox: Bool = true) {
            self.strict = strict; self.onlyUnit = onlyUnit; self.archiveInbox = archiveInbox
        }
    }

    struct Rejected: Error {}

    /// A file to import: its path on disk and how it is shown in messages.
    public struct Source: Sendable {
        public let path: String
        public let shown: String
        public init(path: String, shown: String) { self.path = path; self.shown = shown }
    }

    /// Imports files in order: each is one transaction (a savepoint of the batch's transaction with `strict`),
    /// rolled back whole on any error. `progress` is told after each file.
    public static func importFiles(_ sources: [Source], options: Options, workspace ws: Workspace, session s: Session,
                                   progress: (Int) -> Void = { _ in }) throws(Failure) -> [FileResult] {
        let validator = ReportValidator(ws, today: s.today)
        let store = try s.openStore()
        var results: [FileResult] = []
        try s.guarded {
            if options.strict {
                do {
                    try store.write { _ in
                        for source in sources {
                            results.append(try importOne(source, store, validator, options, s))
                            progress(results.count)
                        }
                        if results.contains(where: { $0.outcome == .rejected }) { throw Rejected() }
                    }
                } catch is Rejected {
                    results = results.map { var r = $0; r.outcome = .rejected; return r }  // all or nothing: nothing
                }
            } else {
                for source in sources {
                    results.append(try importOne(source, store, validator, options, s))
                    progress(results.count)
                }
            }
        }
        if options.archiveInbox { results = results.map { archive($0, sources, s) } }
        return results
    }

    /// Checks and records one file in its own transaction (or savepoint).
    static func importOne(_ source: Source, _ store: Store, _ validator: ReportValidator, _ options: Options,
                          _ s: Session) throws -> FileResult {
        var result = FileResult(shown: source.shown)
        do {
            result.outcome = try store.write { w in
                let d = Diagnostics()
                defer { result.take(d) }
                let outcome: ImportOutcome
                if source.path.lowercased().hasSuffix(".csv") {
                    outcome = try recordTable(source, w, validator, options, s, d)
                } else {
                    let file = try TextFile.decode(try TextFile.readBytes(source.path), path: source.shown)
                    outcome = try recordForm(file, w, validator, options, s, d, period: &result.period)
                }
                if d.hasErrors { throw Rejected() }
                return outcome
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
        return try w.record(form: form, source: file.path, today: s.today, actor: s.actor)
    }

    /// An activity table, streamed from disk: rows are checked and recorded as they come; after the first error
    /// nothing more is written (the file will be rolled back) but every row is still checked.
    static func recordTable(_ source: Source, _ w: StoreWriter, _ validator: ReportValidator, _ options: Options,
                            _ s: Session, _ d: Diagnostics) throws -> ImportOutcome {
        var table = try w.beginTable(source: source.shown, today: s.today)
        try FormReader.activities(source: try ByteChunks(path: source.path), path: source.shown, diagnostics: d,
                                  checking: validator) { a in
            d.add(contentsOf: validator.check(activity: a, checkUnitToo: true))
            if let only = options.onlyUnit, a.unit.value != only {
                d.add(.error(.unitNotYours(a.unit.value, yours: only), at: a.unit.location))
            }
            if !d.hasErrors { _ = try w.record(row: a, in: &table) }
        }
        if d.hasErrors { return .rejected }
        try w.finish(table, today: s.today, actor: s.actor)
        return table.added > 0 ? .imported : .unchanged
    }

    /// Records a report written on the web: the Markdown text goes through exactly what `loa import` does.
    public static func importText(_ text: String, name: String, options: Options, workspace ws: Workspace,
                                  session s: Session, index: WorkspaceIndex? = nil) throws(Failure) -> FileResult {
        let validator = ReportValidator(index ?? WorkspaceIndex(ws), today: s.today)
        let store = try s.openStore()
        var result = FileResult(shown: name)
        try s.guarded {
            do {
                result.outcome = try store.write { w in
                    let d = Diagnostics()
                    defer { result.take(d) }
                    let file = try TextFile.decode(Array(text.utf8), path: name)
                    let outcome = try recordForm(file, w, validator, options, s, d, period: &result.period)
                    if d.hasErrors { throw Rejected() }
                    return outcome
                }
            } catch is Rejected {
                result.outcome = .rejected
            } catch let failure as Failure {
                result.errors = sortedDiagnostics(result.errors + failure.diagnostics)
                result.outcome = .rejected
            }
        }
        return result
    }

    /// Moves an imported (or already imported) file out of the inbox, to `reports/imported/YYYY-MM/`.
    static func archive(_ r: FileResult, _ sources: [Source], _ s: Session) -> FileResult {
        guard r.outcome != .rejected, let source = sources.first(where: { $0.shown == r.shown }),
              source.path.hasPrefix(s.paths.inbox + "/") else { return r }
        let month = r.period ?? s.today.monthOfYear
        let dir = s.paths.imported(month)
        let name = (source.path as NSString).lastPathComponent
        var target = dir + "/" + name
        let fm = FileManager.default
        var n = 2
        while fm.fileExists(atPath: target) {
            target = dir + "/" + (name as NSString).deletingPathExtension + "-\(n)." + (name as NSString).pathExtension
            n += 1
        }
        var out = r
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try fm.moveItem(atPath: source.path, toPath: target)
            out.movedTo = s.paths.relative(target)
        } catch {
            out.warnings.append(.warning(.fileUnwritable(target, reason: error.localizedDescription),
                                         at: SourceLocation(path: r.shown, line: 1, column: 1)))
        }
        return out
    }

    /// Files and folders to import, expanded to `.md` and `.csv` files in sorted path order.
    public static func expand(_ arguments: [String], relativeTo cwd: String, paths: WorkspacePaths) throws(Failure) -> [Source] {
        var out: [String] = []
        for a in arguments {
            let abs = absolutePath(a, relativeTo: cwd)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir) else {
                throw Failure(.fileMissing(a), exitCode: ExitCode.noInput)
            }
            if isDir.boolValue {
                out += WorkspaceLoader.listFiles(abs, extension: "md") + WorkspaceLoader.listFiles(abs, extension: "csv")
            } else if isRegularFile(abs) {
                out.append(abs)
            } else {
                // a device or a pipe named on the command line is refused like a missing file: nothing is read
                throw Failure(.notRegularFile(a), exitCode: ExitCode.noInput)
            }
        }
        return Array(Set(out)).sorted().map { abs in
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
        warnings = sortedDiagnostics(warnings + d.all.filter { $0.severity != .error })
    }
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
