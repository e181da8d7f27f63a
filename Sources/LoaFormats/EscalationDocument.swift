import LoaCore

/// The report of a sensitive matter to the competent authority (SPEC §5.4, "Báo cáo vụ việc"): numbered `BC`,
/// addressed to the authority, with the unit, the day and what it reported, what has been done, and what is proposed.
/// A draft until the office gives it a number.
public enum EscalationDocument {
    public static func document(alert: Alert, history: [AlertEvent], to authority: Authority, proposal: String?,
                                workspace ws: Workspace, date: Day, number: String?,
                                language: Language) -> AdminDocument {
        let t = Localizer(language), index = WorkspaceIndex(ws)
        let md = MarkdownRenderer.escape
        let unit = index.unitName(alert.unit)
        var events: [Block] = [.paragraph(md(t(EscalationText.raised(on: t.date(alert.openedOn), unit: unit,
                                                                      month: t.month(alert.period),
                                                                      topic: alert.topic))))]
        if let detail = alert.detail { events.append(.paragraph(md(detail))) }
        let notes = history.filter { $0.action == .note }.compactMap { e in
            e.note.map { md("\(t.date(e.on)): \($0)") }
        }
        var doc = AdminDocument(kind: .report, plan: ws.plan, date: date, title: t(DocumentText.reportTitle),
                                subtitle: t(EscalationText.subtitle(unit: unit)), sections: [
                                    Section(t(EscalationText.sectionEvents), events),
                                    Section(t(EscalationText.sectionDone), notes.isEmpty
                                        ? [.paragraph(t(EscalationText.nothingDoneYet))] : [.bullets(notes)]),
                                    Section(t(EscalationText.sectionProposals),
                                            [.paragraph(proposal.map(md) ?? t(EscalationText.proposalPlaceholder))]),
                                ], language: language)
        doc.addressees = [authority.name]
        doc.number = number
        doc.draft = number == nil
        doc.recipients = [t(EscalationText.asAbove), t(DocumentText.archiveCopy)]
        return doc
    }
}
