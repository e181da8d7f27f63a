import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// A unit's writes (SPEC §9.3, §9.5), one door for each: save a draft, log an activity, report an urgent issue,
/// send the month's report, send a file. Each checks what it is given, records in one transaction with its audit
/// line, and says what was wrong field by field; no page writes to the store itself.
public enum UnitReports {
    /// Something a unit sent that cannot be recorded, tied to the web field it belongs to.
    public struct Problem: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// What the shared reading and validation said (the same as `loa import`).
            case message(Message)
            /// A question a sent report must answer and did not.
            case unanswered(ReportFormValues.Question)
            /// "No activity" ticked while activities are filled in.
            case noActivityContradiction
            /// The text is longer than the field holds.
            case tooLong(Int)
            /// A month the unit cannot report on the web (before its first expected month, or not begun).
            case monthNotOpen(Month)
        }
        /// The web field (`reporter`, `activity-2-date`, `topic` …); nil for the form as a whole.
        public let field: String?
        public let kind: Kind
        public init(field: String?, _ kind: Kind) { self.field = field; self.kind = kind }
    }

    /// Who owes which month, from the plan and what is recorded.
    public static func expectation(plan: Plan, session s: Session) throws(Failure) -> ReportExpectation {
        let first = try s.read(orEmpty: Month?.none) { try $0.firstReportedPeriod() }
        return ReportExpectation(plan: plan, firstReported: first, today: s.today)
    }

    /// The values of a recorded form text (a draft may be incomplete: whatever reads is kept).
    public static func values(of text: String) -> ReportFormValues? {
        guard let file = try? TextFile.decode(Array(text.utf8), path: "web") else { return nil }
        return FormReader.form(file, diagnostics: Diagnostics()).map(ReportFormValues.init)
    }

    /// The text a unit's values are kept as: a `loa-report/1` form without a date of its own, since the day a web
    /// report counts from is the server's.
    public static func written(_ values: ReportFormValues) -> FormWriter.Written {
        var v = values
        v.submitted = nil
        return FormWriter.markdown(v)
    }

    // MARK: drafts

    /// Keeps the values as the month's draft: it counts nowhere until sent.
    public static func saveDraft(_ values: ReportFormValues, session s: Session) throws(Failure) {
        let text = written(values).text
        try write(s) { w in
            try w.saveDraft(unit: values.unit, period: values.period, content: text, today: s.today)
            try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "web", action: .draftSaved,
                                   subject: "\(values.unit)/\(values.period.iso)", detail: nil))
        }
    }

    /// Logs one activity of an open month into that month's draft (started from the sent report when there is
    /// one). Nothing is recorded when it has problems; the month it went to otherwise.
    public static func logActivity(_ a: ReportFormValues.ActivityValues, unit: UnionUnit, index: WorkspaceIndex,
                                   session s: Session) throws(Failure) -> Result<Month, Problems> {
        let p = "activity-1-"
        let expectation = try expectation(plan: index.workspace.plan, session: s)
        guard let day = Day(iso: a.date.trimmed) else {
            return .failure(Problems([Problem(field: p + "date", .message(.badDate(a.date)))]))
        }
        if day > s.today {
            return .failure(Problems([Problem(field: p + "date", .message(.activityAfterToday(day, today: s.today)))]))
        }
        guard unit.exists(on: day),
              OpenMonths.isOpen(day.monthOfYear, for: unit, expectation: expectation, today: s.today) else {
            return .failure(Problems([Problem(field: p + "date", .monthNotOpen(day.monthOfYear))]))
        }
        let month = day.monthOfYear
        // checked as a one-activity report of its month, by the same reader and validator as `loa import`
        var single = ReportFormValues(unit: unit.code.value, period: month)
        single.activities = [a]
        let one = written(single)
        let problems = fieldProblems(check(one.text, index: index, today: s.today), written: one)
        if !problems.isEmpty { return .failure(Problems(problems)) }
        let code = unit.code.value
        try write(s) { w in
            let r = w.reader
            var draft = try r.draft(unit: code, period: month).flatMap { values(of: $0.content) }
                ?? r.currentForm(unit: code, period: month).flatMap { values(of: $0.content) }
                ?? ReportFormValues(unit: code, period: month)
            draft.activities = draft.filledActivities + [a]
            draft.noActivity = false
            try w.saveDraft(unit: code, period: month, content: written(draft).text, today: s.today)
            try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "web", action: .activityLogged,
                                   subject: "\(code)/\(month.iso)", detail: a.title))
        }
        return .success(month)
    }

    // MARK: urgent issues

    /// Reports a sensitive issue at once (`/unit/issue`): an open alert of the unit for the current month, which
    /// counts once with that month's report. Returns the alert.
    public static func reportUrgentIssue(topic: String, detail: String, unit: UnionUnit,
                                         session s: Session) throws(Failure) -> Result<Int, Problems> {
        let topic = topic.precomposedStringWithCanonicalMapping.trimmed
        let detail = detail.precomposedStringWithCanonicalMapping.trimmed
        var problems: [Problem] = []
        if topic.isEmpty { problems.append(Problem(field: "topic", .message(.emptyValue("topic")))) }
        if topic.count > UrgentIssue.topicLimit { problems.append(Problem(field: "topic",
                                                                          .tooLong(UrgentIssue.topicLimit))) }
        if detail.count > UrgentIssue.detailLimit { problems.append(Problem(field: "detail",
                                                                            .tooLong(UrgentIssue.detailLimit))) }
        for (field, text) in [("topic", topic), ("detail", detail)] {
            if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t"
                || (0x7F...0x9F).contains($0.value) }) {
                problems.append(Problem(field: field, .message(.controlCharacter(bad.value))))
            }
        }
        let month = s.today.monthOfYear
        if !unit.exists(in: month) { problems.append(Problem(field: nil, .message(.unitAbsentInMonth(
            unit.code.value, month)))) }
        if !problems.isEmpty { return .failure(Problems(problems)) }
        let alert = try write(s) { w in
            try w.recordUrgentIssue(unit: unit.code.value, period: month, topic: topic,
                                    detail: detail.isEmpty ? nil : detail, today: s.today, actor: s.actor)
        }
        return .success(alert)
    }

    // MARK: sending

    /// Sends the month's report: it must answer (reporter, mood, an activity or "none": SPEC §9.5), then it is
    /// read, checked and recorded exactly as `loa import` would, counted from the server's today, and its draft
    /// removed — one transaction. Sensitive issues kept hidden on the page come in `values.issues` too.
    public static func submit(_ values: ReportFormValues, index: WorkspaceIndex,
                              session s: Session) throws(Failure) -> Result<ImportOutcome, Problems> {
        var problems = values.unanswered.map { q -> Problem in
            Problem(field: q == .activities ? "no-activity" : q.rawValue, .unanswered(q))
        }
        if values.contradictsNoActivity { problems.append(Problem(field: "no-activity", .noActivityContradiction)) }
        if !problems.isEmpty { return .failure(Problems(problems)) }
        let text = written(values)
        let validator = ReportValidator(index, today: s.today)
        let options = Importing.Options(onlyUnit: values.unit, archiveInbox: false, datedByServer: true)
        let name = "web:\(values.unit)/\(values.period.iso)"
        let result = try write(s) { w -> Importing.FileResult in
            let result = try Importing.recordText(text.text, name: name, options: options, validator: validator, w, s)
            if result.outcome != .rejected { try w.deleteDraft(unit: values.unit, period: values.period) }
            return result
        }
        guard result.outcome != .rejected else {
            return .failure(Problems(fieldProblems(result.errors, written: text)))
        }
        return .success(result.outcome)
    }

    /// A filled form (`.md`) or activity table (`.csv`) a unit sends from its page: imported as `loa import`
    /// would, only if it is the unit's own, counted from the server's today; a table may come as Excel saves it
    /// (UTF-8 with or without BOM, or Windows-1258; dates as dd/mm/yyyy, types by name). The file waits in a
    /// private folder under `folder` while it is read, and is gone when this returns.
    public static func upload(_ bytes: [UInt8], fileName: String, unit: UnitCode, folder: String,
                              workspace ws: Workspace, session s: Session) throws(Failure) -> Upload {
        let name = (fileName as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        var content = bytes
        if ext == "csv" {
            guard let text = SpreadsheetText.utf8(bytes) else {
                var result = Importing.FileResult(shown: name)
                result.errors = [.error(.notSpreadsheetText, at: SourceLocation(path: name, line: 1, column: 1))]
                return Upload(result: result,
                              problems: [FileProblem(line: nil, key: nil, message: .notSpreadsheetText)])
            }
            content = text
        }
        let dir = folder + "/" + randomName()
        let path = dir + "/upload." + ext
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: path, contents: Data(content),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw Failure(.fileUnwritable(path, reason: "create"), exitCode: ExitCode.ioError)
            }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(.fileUnwritable(dir, reason: error.localizedDescription), exitCode: ExitCode.ioError)
        }
        let options = Importing.Options(onlyUnit: unit, archiveInbox: false, datedByServer: true, spreadsheet: true)
        let results = try Importing.importFiles([Importing.Source(path: path, shown: name)], options: options,
                                                workspace: ws, session: s)
        guard let result = results.first else { throw Failure(.verbatim("no result"), exitCode: ExitCode.software) }
        return Upload(result: result, problems: fileProblems(result.errors, content: content, csv: ext == "csv"))
    }

    /// What a sent file did, and its errors placed on lines and keys (or columns) for a page to say in words.
    public struct Upload: Sendable {
        public let result: Importing.FileResult
        public let problems: [FileProblem]
    }

    /// An error of a sent file: its line (nil: the file as a whole), the key or column it is about, and what.
    public struct FileProblem: Sendable, Hashable {
        public let line: Int?
        public let key: String?
        public let message: Message
    }

    /// Each error's line and the key or column it is about: a table's column read from its header, a form's key
    /// from the line's text.
    static func fileProblems(_ errors: [Diagnostic], content: [UInt8], csv: Bool) -> [FileProblem] {
        guard !errors.isEmpty else { return [] }
        var columns: [Int: [Int: String]] = [:]   // line → column → header
        let lines = csv ? [] : String(decoding: content, as: UTF8.self).split(separator: "\n",
                                                                              omittingEmptySubsequences: false)
        if csv, var reader = try? CSVReader(bytes: content, path: "upload"), let header = try? reader.next() {
            let names = header.map { $0.text.trimmed }
            while let row = try? reader.next() {
                for (i, field) in row.enumerated() where i < names.count {
                    columns[field.line, default: [:]][field.column] = names[i]
                }
            }
        }
        return errors.map { d in
            let line = d.location.map(\.line).flatMap { $0 > 0 ? $0 : nil }
            var key: String?
            switch d.message {
            case .csvMissingColumn(let c): key = c
            case .missingKey(let k), .emptyValue(let k): key = k
            default:
                if let at = d.location, csv {
                    key = columns[at.line]?[at.column]
                } else if let line, line <= lines.count {
                    let text = lines[line - 1].drop { $0 == " " || $0 == "-" }
                    key = text.firstIndex(of: ":").map { String(text[..<$0]) }
                }
            }
            return FileProblem(line: line, key: key, message: d.message)
        }
    }

    /// The month's blank form (`loa form`, and a unit's download): only the issues the unit confirmed receiving
    /// are ticked; the others delivered to it are offered for it to add (SPEC §9.5, §10).
    public static func blankForm(unit: UnionUnit, month: Month, workspace ws: Workspace,
                                 session s: Session) throws(Failure) -> String {
        let receipts = try Receipts.receipts(of: unit.code.value, in: month, session: s)
        return FormTemplate.render(unit: unit, month: month,
                                   received: receipts.filter { $0.state == .confirmed }.map(\.slot),
                                   offered: receipts.filter { $0.state != .confirmed }.map(\.slot),
                                   workspace: ws, language: s.language)
    }

    /// An activity table to fill in a spreadsheet: the header `loa import` reads, UTF-8 with a BOM (so Excel
    /// shows Vietnamese right).
    public static func activityTemplate() -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array((FormReader.tableColumns.joined(separator: ",") + "\r\n").utf8)
    }

    // MARK: helpers

    /// Problems of a unit's form, for `Result`.
    public struct Problems: Error, Sendable {
        public let all: [Problem]
        public init(_ all: [Problem]) { self.all = all }
    }

    static func write<T>(_ s: Session, _ body: (StoreWriter) throws -> T) throws(Failure) -> T {
        let store = try s.openStore()
        return try s.guarded { try store.write(body) }
    }

    /// The errors of a form text checked by the same reader and validator as `loa import`.
    static func check(_ text: String, index: WorkspaceIndex, today: Day) -> [Diagnostic] {
        guard let file = try? TextFile.decode(Array(text.utf8), path: "web") else { return [] }
        let d = Diagnostics()
        let validator = ReportValidator(index, today: today)
        if let form = FormReader.form(file, diagnostics: d, checking: validator) {
            d.add(contentsOf: validator.check(form))
        }
        return d.all.filter { $0.severity == .error }
    }

    /// Errors placed on the web fields their lines came from (the form as a whole for the others).
    static func fieldProblems(_ diagnostics: [Diagnostic], written: FormWriter.Written) -> [Problem] {
        diagnostics.filter { $0.severity == .error }.map { d in
            Problem(field: d.location.flatMap { written.fields[$0.line] }, .message(d.message))
        }
    }

    static func randomName() -> String {
        (0..<16).map { _ in String("abcdefghijklmnopqrstuvwxyz0123456789".randomElement() ?? "x") }.joined()
    }
}
