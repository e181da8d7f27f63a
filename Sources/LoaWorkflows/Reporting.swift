import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// `loa report month|phase|unit` and the web's report pages: the same figures, the same documents.
public enum Reporting {
    /// What a report is about and its range.
    public struct Request: Sendable {
        public let subject: ReportSubject
        public let from: Day
        public let to: Day
        /// The file name under `out/reports/` (without extension), and of the officers' text under
        /// `content/reports/`.
        public let name: String
        /// The range starts at the phase's start by default: it moves to the tracking start when that is later.
        public var startsWithTracking = false
        /// The level of the figures by level (`--level`); nil: the deepest with at most about 40 groups.
        public var level: ReportLevel?
    }

    public static func month(_ m: Month) -> Request {
        Request(subject: .month(m), from: m.first, to: m.last, name: "month-\(m.iso)")
    }

    /// A phase report runs by default from the later of the phase's start and the tracking start to today or the
    /// phase's end.
    public static func phase(_ project: Project, _ phase: Phase, from: Day?, to: Day?, today: Day) -> Request {
        let end = phase.to.map { min($0.value, today) } ?? today
        var request = Request(subject: .phase(project: project, phase: phase), from: from ?? phase.from.value,
                              to: to ?? end, name: "phase-\(project.id.value)-\(phase.id.value)")
        request.startsWithTracking = from == nil
        return request
    }

    /// A unit report covers by default the last twelve months up to today.
    public static func unit(_ unit: UnionUnit, from: Day?, to: Day?, today: Day) -> Request {
        var start = today.monthOfYear
        for _ in 0..<11 { start = start.previous }
        return Request(subject: .unit(unit), from: from ?? start.first, to: to ?? today,
            name: "unit-\(unit.code.value)")
    }

    /// The report's figures and findings with the officers' text, ready to render in any format. A phase that has
    /// not started has nothing to report (65); with `final`, every part officers write must be there (65, naming
    /// the file and each missing part).
    public static func presenter(_ request: Request, includeSensitive: Bool, final: Bool = false,
                                 workspace ws: Workspace, session s: Session) throws(Failure) -> ReportPresenter {
        if case .phase(let project, let phase) = request.subject, phase.from.value > s.today {
            throw Failure(.phaseNotStarted(project: project.name, phase: phase.name, starts: phase.from.value))
        }
        let text = try ReportTexts.read(request.name, session: s)
        if final, !text.missing.isEmpty {
            throw Failure(text.missing.map {
                .error(.reportSectionMissing($0.heading), at: SourceLocation(path: text.path,
                                                                             line: text.lines[$0] ?? 1, column: 1))
            })
        }
        var request = request
        if request.startsWithTracking, case .phase(_, let phase) = request.subject {
            let first = try s.read(orEmpty: nil) { try $0.firstReportedPeriod() }
            let start = phase.reportStart(trackingFrom: ws.plan.trackingStart(firstReported: first))
            if start > request.from {
                request = Request(subject: request.subject, from: min(start, request.to), to: request.to,
                                  name: request.name, level: request.level)
            }
        }
        guard request.from <= request.to else {
            throw Failure(.windowReversed(from: request.from, to: request.to), exitCode: ExitCode.usage)
        }
        var units = ws.units, unit: UnitCode?, scope = ThemeScope.all
        switch request.subject {
        case .month: break
        case .phase(let project, let phase):
            scope = .themes(Set(phase.themes.map { ThemeRef(project: project.id.value, phase: phase.id.value,
                theme: $0.id.value) }))
        case .unit(let u):
            units = [u]
            unit = u.code.value
        }
        func tallyRequest(trackingFrom first: Month?) -> ReportRequest {
            ReportRequest(from: request.from, to: request.to, units: units, scope: scope,
                          trackingFrom: ws.plan.trackingStart(firstReported: first), today: s.today,
                          expectation: ReportExpectation(plan: ws.plan, firstReported: first, today: s.today),
                          level: request.level)
        }
        // section I.5: the early warnings on the day the document is dated, worked out before the figures so that
        // their working memory and the tally's are never held at once (a national report's peak)
        let warnings = try Warnings.current(workspace: ws, session: s)
            .filter { w in unit.map { w.units.contains($0) } ?? true }
        let figures: ReportFigures
        if let store = try s.openReader() {
            // forms and activities stream into the tally: nothing grows with the number of rows
            figures = try s.guarded {
                try store.read { r in
                    var tally = ReportTally(request: tallyRequest(trackingFrom: try r.firstReportedPeriod()),
                        plan: ws.plan)
                    try r.forEachReportForm(from: request.from, to: request.to, unit: unit) { unit, period, submitted,
                        mood in
                        tally.addForm(unitUTF8: unit, period: period, submitted: submitted, mood: mood)
                    }
                    try r.forEachCountedActivity(from: request.from, to: request.to, unit: unit,
                                                 scope: scope) { unit, month, type, participants, themeSet in
                        tally.addActivity(unitUTF8: unit, month: month, type: type, participants: participants,
                                          themeSet: themeSet)
                    }
                    return tally.figures(facts: try r.reportFacts(from: request.from, to: request.to, unit: unit),
                                         workspace: ws)
                }
            }
        } else {
            figures = ReportTally(request: tallyRequest(trackingFrom: nil), plan: ws.plan).figures(facts: ReportFacts(),
                                                                                             workspace: ws)
        }
        var presenter = ReportPresenter(figures: figures, workspace: ws, subject: request.subject,
                                        language: s.language, includeSensitive: includeSensitive, today: s.today,
                                        officerText: text)
        presenter.annexName = annexName(request.name)
        presenter.warnings = warnings
        return presenter
    }

    /// `annex`: the per-unit annex, CSV (`ReportPresenter.writeAnnex`).
    public enum Format: String, Sendable, CaseIterable { case md, html, csv, json, annex }

    /// The annex's file name beside the report's documents: `phase-digital-2.1-units.csv`.
    public static func annexName(_ name: String) -> String { name + "-units.csv" }

    public static func render(_ p: ReportPresenter, as format: Format) -> String {
        var text = ""
        emit(p, as: format) { text += $0 }
        return text
    }

    /// The report in `format`, handed to `sink` in chunks as it is written: JSON and CSV are streamed, so a
    /// national report never exists whole in memory (the documents are built whole).
    public static func emit(_ p: ReportPresenter, as format: Format, to sink: (String) -> Void) {
        switch format {
        case .md: sink(MarkdownRenderer.render(p.document()))
        case .html: sink(HTMLRenderer.render(p.document()))
        case .csv: p.writeCSV(to: sink)
        case .annex: p.writeAnnex(to: sink)
        case .json:
            withoutActuallyEscaping(sink) { sink in
                let w = JSONWriter(sink: sink)
                p.writeJSON(to: w)
                w.flush()
            }
            sink("\n")
        }
    }

    /// The report as a Word document (`--format docx`, the web's download).
    public static func docx(_ p: ReportPresenter) throws(Failure) -> [UInt8] { try DocxRenderer.render(p.document()) }

    /// Writes the Markdown, HTML and Word documents under `out/reports/`, and beside them the per-unit annex their
    /// capped lists point to; returns their paths.
    public static func write(_ p: ReportPresenter, name: String, session s: Session) throws(Failure) -> [String] {
        let base = s.paths.report(name)
        var paths = try DocumentFiles.write(p.document(), base: base)
        let annex = (base as NSString).deletingLastPathComponent + "/" + annexName(name)
        var text = ""
        p.writeAnnex { text += $0 }
        try writeFile(annex, text)
        paths.append(annex)
        return paths
    }
}

/// `loa status` and the web dashboard.
public enum Status {
    public static func figures(workspace ws: Workspace, session s: Session) throws(Failure) -> StatusFigures {
        let month = s.today.monthOfYear
        var facts = try s.read(orEmpty: StatusFacts()) { r in
            var f = StatusFacts()
            f.publishedSlots = try r.publishedSlots(from: month.first, to: month.next.last)
            f.deliveriesThisMonth = try r.deliveryCount(from: month.first, to: month.last)
            for m in StatusFigures.overdueMonths(today: s.today,
                plan: ws.plan) { f.reportingUnits[m] = try r.reportingUnits(period: m) }
            f.firstReportedPeriod = try r.firstReportedPeriod()
            f.openAlerts = try r.alerts()
            return f
        }
        facts.entries = try Calendars.entries(of: month, in: s.paths) + Calendars.entries(of: month.next, in: s.paths)
        facts.warnings = try Warnings.current(workspace: ws, session: s)
        return StatusFigures(workspace: ws, facts: facts, today: s.today)
    }
}

/// `loa search` and the web's search box.
public enum Searching {
    public static func search(_ query: String, includeSensitive: Bool, workspace ws: Workspace,
                              session s: Session) throws(Failure) -> [SearchHit] {
        let items = ws.items.map { SearchableItem(id: $0.id.value, title: $0.title,
            text: [$0.summary ?? "", $0.body].joined(separator: "\n")) }
        if let store = try s.openReader() {
            return try s.guarded { try store.read { try $0.search(query, items: items,
                includeSensitive: includeSensitive) } }
        }
        // nothing recorded yet: the items alone, in a database that lives for this search
        return try s.guarded {
            try Store(path: ":memory:").read { try $0.search(query, items: items, includeSensitive: false) }
        }
    }
}
