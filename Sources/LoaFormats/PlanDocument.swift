import LoaCore

/// Builds the month plan document (kế hoạch tuyên truyền tháng) from a schedule.
public enum PlanDocument {
    /// The plan sent to units: its schedule, observances, themes, the reports units owe and who does what. While
    /// some entry is only proposed the plan is a draft ("DỰ THẢO"), which also carries the office's working notes
    /// (themes without content, slots with room, passed slots, items waiting); the confirmed plan leaves them out.
    public static func build(_ s: Schedule, workspace ws: Workspace, today: Day, language: Language) -> AdminDocument {
        let t = Localizer(language)
        let index = WorkspaceIndex(ws)
        func md(_ text: String) -> String { MarkdownRenderer.escape(text) }
        func theme(_ r: ThemeRef) -> String { md(index.themeName(r)) }
        let m = s.month
        let draft = s.entries.isEmpty || s.entries.contains { !$0.confirmed }
        var sections: [Section] = []

        // I. the schedule: the item in bold over its themes, so that the title and the themes read together
        let rows = s.entries.map { e -> [String] in
            let themes = (index.items[e.item]?.themeRefs ?? []).map(theme).joined(separator: "; ")
            let row = [t.weekdayDate(e.date), md(index.channelName(e.channel)),
                       "**" + md(index.itemTitle(e.item)) + "**" + (themes.isEmpty ? "" : "\n" + themes)]
            return draft ? row + [t(e.confirmed ? DocumentText.confirmed : DocumentText.proposed)] : row
        }
        let header = [t(DocumentText.date), t(DocumentText.channel), t(DocumentText.itemAndThemes)]
            + (draft ? [t(DocumentText.status)] : [])
        sections.append(Section(t(DocumentText.sectionSchedule), [
            .paragraph(t(DocumentText.scheduleIntro(month: t.month(m), placements: s.entries.count,
                                                    channels: Set(s.entries.map(\.channel)).count,
                                                    slots: Set(s.entries.map(\.slot)).count))),
            rows.isEmpty ? .paragraph(t(DocumentText.nothingScheduled))
                : .table(Table(header: header, rows: rows, unbroken: draft ? [3] : [])),
        ]))

        // II. observances
        sections.append(Section(t(DocumentText.sectionObservances), s.observances.isEmpty
            ? [.paragraph(t(DocumentText.noObservances))]
            : [.table(Table(header: [t(DocumentText.date), t(DocumentText.observance), t(DocumentText.anniversary)],
                            rows: s.observances.map {
                                [t.weekdayDate($0.date), md($0.observance.name), anniversaryLabel($0, t)]
                            }))]))

        // III. coverage of active themes
        var count: [ThemeRef: Int] = [:]
        for e in s.entries { for r in index.items[e.item]?.themeRefs ?? [] { count[r, default: 0] += 1 } }
        let covered = s.activeThemes.filter { (count[$0] ?? 0) > 0 }.count
        sections.append(Section(t(DocumentText.sectionCoverage), [
            .paragraph(t(DocumentText.coverageSummary(covered: covered, active: s.activeThemes.count))),
            .table(Table(header: [t(DocumentText.theme), t(DocumentText.placements)],
                         rows: s.activeThemes.map { [theme($0), t.count(count[$0] ?? 0)] }, numeric: [1])),
        ]))

        // IV. the reports units owe from the plan's date on: last month's while its deadline is ahead, and this
        // month's; a deadline already passed is never given as an instruction
        var dueBlocks: [Block] = []
        for month in [m.previous, m] {
            let due = ws.plan.reportDueDate(for: month)
            guard due >= today, month == m || due.monthOfYear == m else { continue }
            let expected = ws.units.filter { $0.exists(in: month) }.count
            dueBlocks.append(.paragraph(t(DocumentText.reportsDue(month: t.month(month), due: t.weekdayDate(due),
                                                                  units: expected))))
        }
        if dueBlocks.isEmpty { dueBlocks.append(.paragraph(t(DocumentText.noReportsDue))) }
        sections.append(Section(t(DocumentText.sectionReportsDue), dueBlocks))

        // V. who does what
        let ready = Set(ws.items.filter { $0.status == .approved }.flatMap(\.themeRefs))
        let noContent = s.activeThemes.filter { !ready.contains($0) }
        let empty = s.emptySlots
        sections.append(Section(t(DocumentText.sectionImplementation), [
            .paragraph("1. " + t(DocumentText.implementationOffice(themes: noContent.count, slots: empty.count))),
            .paragraph("2. " + t(DocumentText.implementationUnits)),
        ]))

        // the draft's working notes
        if draft {
            var notes: [Block] = [.paragraph(t(DocumentText.draftNotesIntro)),
                                  .subheading(t(DocumentText.themesWithoutContent))]
            notes.append(noContent.isEmpty ? .paragraph(t(DocumentText.none)) : .bullets(noContent.map(theme)))
            notes.append(.subheading(t(DocumentText.slotsWithRoom)))
            notes.append(empty.isEmpty ? .paragraph(t(DocumentText.none))
                : .table(Table(header: [t(DocumentText.date), t(DocumentText.channel), t(DocumentText.free)],
                               rows: empty.map {
                                   [t.weekdayDate($0.slot.date), md(index.channelName($0.slot.channel)),
                                    t.count($0.free)]
                               },
                               numeric: [2])))
            if !s.passedSlots.isEmpty {
                notes.append(.subheading(t(DocumentText.passedSlots)))
                notes.append(.paragraph(t(DocumentText.passedSlotsNote)))
                notes.append(.bullets(s.passedSlots.map {
                    "\(t.weekdayDate($0.date)) — \(md(index.channelName($0.channel)))"
                }))
            }
            if !s.waiting.isEmpty {
                notes.append(.subheading(t(DocumentText.waitingItems)))
                notes.append(.bullets(s.waiting.map { w in
                    let title = md(index.itemTitle(w.item))
                    guard let o = w.observance else { return title }
                    return "\(title) — \(md(o.observance.name)) (\(t.date(o.date)))"
                }))
            }
            sections.append(Section(t(DocumentText.draftNotes), notes))
        }

        var doc = AdminDocument(kind: .plan, plan: ws.plan, date: today, title: t(DocumentText.planTitle),
                                subtitle: t(DocumentText.planSubtitle(month: t.month(m))), sections: sections,
                                language: language)
        doc.opening = DocumentOpening.plan(ws.plan, month: m, language: language)
        doc.draft = draft
        return doc
    }

    /// "96 năm (1930 - 2026) — năm chẵn"; lunar observances carry no number.
    static func anniversaryLabel(_ o: ObservanceDay, _ t: Localizer) -> String {
        guard let n = o.anniversary, n > 0 else { return t(DocumentText.lunar) }
        var s = "\(t(DocumentText.anniversaryYears(n))) (\(o.observance.original.year) - \(o.date.year))"
        if o.roundness == 10 {
            s += t(DocumentText.roundTen)
        } else if o.roundness == 5 {
            s += t(DocumentText.roundFive)
        }
        return s
    }
}
