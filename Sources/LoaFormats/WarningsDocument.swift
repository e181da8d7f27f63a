import LoaCore

/// `loa report warnings`: the early warnings of a day as a document for officers and as JSON (SPEC §5.4).
public struct WarningsPresenter: Sendable {
    public let warnings: [EarlyWarning]
    public let workspace: Workspace
    public let today: Day
    public let language: Language
    /// Whether the reader may see sensitive topics.
    public let includeSensitive: Bool

    public init(warnings: [EarlyWarning], workspace: Workspace, today: Day, language: Language,
                includeSensitive: Bool) {
        self.warnings = warnings; self.workspace = workspace; self.today = today; self.language = language
        self.includeSensitive = includeSensitive
    }

    /// The warnings as sentences, in the order they were computed.
    public func sentences(_ index: WorkspaceIndex) -> [String] {
        let t = Localizer(language)
        return warnings.map {
            MarkdownRenderer.escape($0.sentence(index, showSensitive: includeSensitive, t: t))
        }
    }

    /// A report of the issuer, one section per kind of warning.
    public func document() -> AdminDocument {
        let t = Localizer(language), index = WorkspaceIndex(workspace)
        let text = zip(warnings, sentences(index))
        func section(_ title: WarningText, _ kind: (EarlyWarning) -> Bool) -> Section {
            let lines = text.filter { kind($0.0) }.map(\.1)
            return Section(t(title), [lines.isEmpty ? .paragraph(t(WarningText.none)) : .bullets(lines)])
        }
        return AdminDocument(kind: .report, plan: workspace.plan, date: today, title: t(DocumentText.reportTitle),
                             subtitle: t(WarningText.reportSubtitle(date: t.date(today))), sections: [
                                section(.unitsHeading) { if case .unitConcern = $0 { true } else { false } },
                                section(.clustersHeading) { if case .clusterConcern = $0 { true } else { false } },
                                section(.topicsHeading) { if case .sharedTopic = $0 { true } else { false } },
                             ], language: language)
    }

    /// `{"today", "warnings": [{"kind", "units", "months" | "topic", "since", …}]}`; a sensitive topic is null
    /// unless the reader may see it.
    public func json() -> JSON {
        .object([("today", .string(today.iso)),
                 ("warnings", .array(warnings.map { Self.json($0, includeSensitive: includeSensitive) }))])
    }

    /// One warning as JSON, the same in `loa report warnings` and in the reports' `feedback.warnings`.
    public static func json(_ w: EarlyWarning, includeSensitive: Bool) -> JSON {
        let units = JSON.array(w.units.map { .string($0.rawValue) })
        var fields: [(String, JSON)] = [("kind", .string(w.kind))]
        switch w {
        case .unitConcern(_, let months):
            fields += [("units", units), ("months", .array(months.map { .string($0.iso) }))]
        case .clusterConcern(let cluster, let months, let shares, _):
            fields += [("cluster", .string(cluster)), ("units", units),
                       ("months", .array(months.map { .string($0.iso) })), ("shares", .array(shares.map(JSON.share)))]
        case .sharedTopic(let topic, _, let since, let sensitive):
            fields += [("units", units), ("topic", sensitive && !includeSensitive ? .null : .string(topic)),
                       ("since", .string(since.iso)), ("sensitive", .bool(sensitive))]
        }
        return .object(fields)
    }
}
