/// Checks what the readers cannot see on their own: duplicate ids and references between files.
public enum Validator {
    public static func validate(_ w: Workspace) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func unique<S: Sequence>(_ kind: EntityKind, _ ids: S) where S.Element == Located<String> {
            var seen: [String: SourceLocation] = [:]
            for id in ids {
                if let first = seen[id.value] {
                    out.append(.error(.duplicateId(kind, id.value, first: "\(first.line):\(first.column)"), at: id.location))
                } else {
                    seen[id.value] = id.location
                }
            }
        }
        func refer(_ kind: EntityKind, _ ref: Located<String>, in known: Set<String>) {
            if !known.contains(ref.value) {
                out.append(.error(.unknownReference(kind, ref.value, suggestion: closest(to: ref.value, in: known.sorted())), at: ref.location))
            }
        }

        let plan = w.plan
        unique(.audience, plan.audiences.map(\.id))
        unique(.project, plan.projects.map(\.id))
        unique(.target, plan.targets.map(\.id))
        unique(.channel, w.channels.map(\.id))
        unique(.unit, w.units.map(\.code))
        unique(.item, w.items.map(\.id))
        let audienceIds = Set(plan.audiences.map(\.id.value))
        for project in plan.projects {
            unique(.phase, project.phases.map(\.id))
            for phase in project.phases {
                unique(.theme, phase.themes.map(\.id))
                if let to = phase.to, to.value < phase.from.value {
                    out.append(.error(.phaseReversed(from: phase.from.value.iso, to: to.value.iso), at: phase.from.location))
                }
                for t in phase.themes { for a in t.audiences { refer(.audience, a, in: audienceIds) } }
            }
            // overlapping phases are allowed (the seed's 2.1 and 2.2 share 2028) but worth a note
            for (i, a) in project.phases.enumerated() {
                for b in project.phases.dropFirst(i + 1) {
                    let start = max(a.from.value, b.from.value)
                    let endA = a.to?.value, endB = b.to?.value
                    let end: Day? = switch (endA, endB) {
                    case let (x?, y?): min(x, y)
                    case let (x?, nil): x
                    case let (nil, y?): y
                    case (nil, nil): nil
                    }
                    if end.map({ start <= $0 }) ?? true {
                        out.append(.note(.phasesOverlap("\(project.id.value)/\(a.id.value)", "\(project.id.value)/\(b.id.value)",
                                                        from: start.iso, to: end?.iso ?? "…"), at: b.from.location))
                    }
                }
            }
        }

        let unitCodes = Set(w.units.map(\.code.value))
        let clusters = Set(w.units.compactMap(\.cluster))
        for c in w.channels {
            for a in c.audiences { refer(.audience, a, in: audienceIds) }
            if case .some(let list) = c.units {
                for u in list where !unitCodes.contains(u.value) && !clusters.contains(u.value) {
                    out.append(.error(.unknownReference(.unit, u.value, suggestion: closest(to: u.value, in: (unitCodes.union(clusters)).sorted())), at: u.location))
                }
            }
            if c.on.isEmpty { out.append(.error(.channelWithoutSlots(c.id.value), at: c.id.location)) }
        }

        let themeIndex = Dictionary(plan.allThemes.map { ($0.ref.description, $0.theme) }, uniquingKeysWith: { a, _ in a })
        let themeKeys = themeIndex.keys.sorted()
        let channelIds = Set(w.channels.map(\.id.value))
        let observanceIds = Set(w.observances.map(\.uid))
        for item in w.items {
            for t in item.themes {
                if ThemeRef(parsing: t.value) == nil {
                    out.append(.error(.malformedThemeRef(t.value), at: t.location))
                } else if themeIndex[t.value] == nil {
                    out.append(.error(.unknownReference(.theme, t.value, suggestion: closest(to: t.value, in: themeKeys)), at: t.location))
                }
            }
            for c in item.channels { refer(.channel, c, in: channelIds) }
            for a in item.audiences { refer(.audience, a, in: audienceIds) }
            if let o = item.observance { refer(.observance, o, in: observanceIds) }
            if let nb = item.notBefore, let na = item.notAfter, na.value < nb.value {
                out.append(.error(.windowReversed(from: nb.value.iso, to: na.value.iso), at: nb.location))
            }
            // an audience none of the item's themes lists is worth a note, never an error
            for a in item.audiences where audienceIds.contains(a.value) {
                for t in item.themes {
                    if let theme = themeIndex[t.value], !theme.audiences.isEmpty, !theme.audiences.contains(where: { $0.value == a.value }) {
                        out.append(.note(.audienceOutsideTheme(item: item.id.value, audience: a.value, theme: t.value), at: a.location))
                    }
                }
            }
        }
        return out
    }
}
