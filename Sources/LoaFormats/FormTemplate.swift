import LoaCore

/// The text of a pre-filled report form (SPEC §5.1), with commented examples of every field; it imports as written.
public enum FormTemplate {
    /// `received` are the issues the unit confirmed receiving (ticked); `offered` the others delivered to it,
    /// listed in a comment for the unit to add.
    public static func render(unit: UnionUnit, month: Month, received: [Slot], offered: [Slot] = [],
                              workspace ws: Workspace, language: Language) -> String {
        let t = Localizer(language)
        let active = PhaseIndex(ws.plan).themes(activeBetween: month.first, and: month.last)
        let index = WorkspaceIndex(ws)
        let example = active.first?.description ?? "museum/1.1/a"
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s
            + String(repeating: " ", count: n - s.count) }
        var s = "---\n"
        s += "# " + t(FormText.heading(month: t.month(month), unit: unit.name)) + "\n"
        s += "# " + t(FormText.fillIn) + "\n"
        s += "form: \(FormReader.formVersion)\n"
        s += "unit: \(unit.code.value)\n"
        s += "period: \(month.iso)\n"
        s += pad("submitted:", 22) + "# " + t(FormText.submitted(example: month.next.first.adding(days: 2).iso)) + "\n"
        s += pad("reporter:", 22) + "# " + t(FormText.reporter) + "\n"
        s += "# " + t(FormText.received) + "\n"
        if !offered.isEmpty {
            s += "# " + t(DeliveryText.formOffered) + "\n"
            s += "#   " + offered.map(\.description).joined(separator: ", ") + "\n"
        }
        s += "received: [\(received.map(\.description).joined(separator: ", "))]\n"
        s += "# " + t(FormText.noActivity) + "\n"
        s += "# " + t(FormText.activitiesHowTo) + "\n"
        s += "activities:\n"
        s += "#  - date: \(month.first.adding(days: 11).iso)\n"
        s += "#    type: hoi-nghi\n"
        s += "#    title: \"\(t(FormText.exampleTitle))\"\n"
        s += "#    themes: [\(example)]\n"
        s += "#    participants: \(max(1, unit.members / 2))\n"
        s += "#    items: []\n"
        s += "# " + t(FormText.typeIsOneOf) + "\n"
        for type in ActivityType.allCases { s += "#   " + pad(type.rawValue, 22) + t(type) + "\n" }
        s += "# " + t(FormText.activeThemes) + "\n"
        for ref in active { s += "#   " + pad(ref.description, 16) + index.themeTitle(ref) + "\n" }
        s += "feedback:\n"
        s += "  " + pad("mood:", 20) + "# " + t(FormText.mood) + "\n"
        s += "  " + pad("summary:", 20) + "# " + t(FormText.summary) + "\n"
        s += "  issues:\n"
        s += "#    - topic: …\n#      detail: …\n"
        s += "#      sensitive: true   # " + t(FormText.sensitive) + "\n"
        s += "---\n\n"
        s += t(FormText.notes) + "\n"
        return s
    }
}
