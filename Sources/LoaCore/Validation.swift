/// Checks what the readers cannot see on their own: duplicate ids and references between files.
public enum Validator {
    public static func validate(_ w: Workspace) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func unique<Tag>(_ ids: [Located<Identifier<Tag>>]) {
            var seen: [Identifier<Tag>: SourceLocation] = [:]
            for id in ids {
                if let first = seen[id.value] {
                    out.append(.error(.duplicateId(Tag.kind, id.value.rawValue, first: "\(first.line):\(first.column)"),
                                      at: id.location))
                } else {
                    seen[id.value] = id.location
                }
            }
        }
        func refer<Tag>(_ ref: Located<Identifier<Tag>>, in known: Set<Identifier<Tag>>) {
            if !known.contains(ref.value) {
                out.append(.error(.unknown(ref.value, among: known), at: ref.location))
            }
        }

        let plan = w.plan
        unique(plan.audiences.map(\.id))
        unique(plan.projects.map(\.id))
        unique(plan.targets.map(\.id))
        unique(plan.authorities.map(\.id))
        unique(w.channels.map(\.id))
        unique(w.units.map(\.code))
        unique(w.items.map(\.id))
        let audienceIds = Set(plan.audiences.map(\.id.value))
        for project in plan.projects {
            unique(project.phases.map(\.id))
            for phase in project.phases {
                unique(phase.themes.map(\.id))
                if let to = phase.to, to.value < phase.from.value {
                    out.append(.error(.phaseReversed(from: phase.from.value, to: to.value), at: phase.from.location))
                }
                for t in phase.themes { for a in t.audiences { refer(a, in: audienceIds) } }
            }
            out += overlapNotes(project)
        }

        let unitCodes = Set(w.units.map(\.code.value.rawValue))
        out += clusterProblems(w)
        let clusters = Set(w.units.compactMap(\.cluster)).union(w.clusters.map(\.code.value))
        for c in w.channels {
            for a in c.audiences { refer(a, in: audienceIds) }
            if case .some(let list) = c.units {
                let known = unitCodes.union(clusters)
                for u in list where !known.contains(u.value) {
                    out.append(.error(.unknownReference(.unit, u.value,
                        suggestion: closest(to: u.value, in: known.sorted())),
                                      at: u.location))
                }
            }
            if c.on.isEmpty { out.append(.error(.channelWithoutSlots(c.id.value), at: c.id.location)) }
        }

        let themeIndex = plan.allThemes.indexed(by: \.ref)
        let themeRefs = Set(themeIndex.keys)
        let channelIds = Set(w.channels.map(\.id.value))
        let observanceIds = Set(w.observances.map(\.uid))
        for item in w.items {
            for t in item.themes where !themeRefs.contains(t.value) {
                out.append(.error(.unknown(t.value, among: themeRefs), at: t.location))
            }
            for c in item.channels { refer(c, in: channelIds) }
            for a in item.audiences { refer(a, in: audienceIds) }
            if let o = item.observance { refer(o, in: observanceIds) }
            if let nb = item.notBefore, let na = item.notAfter, na.value < nb.value {
                out.append(.error(.windowReversed(from: nb.value, to: na.value), at: nb.location))
            }
            // an audience none of the item's themes lists is worth a note, never an error
            for a in item.audiences where audienceIds.contains(a.value) {
                for t in item.themes {
                    if let theme = themeIndex[t.value]?.theme, !theme.audiences.isEmpty,
                       !theme.audiences.contains(where: { $0.value == a.value }) {
                        out.append(.note(.audienceOutsideTheme(item: item.id.value, audience: a.value, theme: t.value),
                                         at: a.location))
                    }
                }
            }
        }
        return out
    }

    /// `clusters.csv`: codes once each, parents that are clusters, no cluster inside itself; once the file names
    /// clusters, every unit's cluster must be one of them.
    static func clusterProblems(_ w: Workspace) -> [Diagnostic] {
        guard !w.clusters.isEmpty else { return [] }
        var out: [Diagnostic] = []
        var byCode: [String: Cluster] = [:]
        for c in w.clusters {
            if let first = byCode[c.code.value] {
                let at = first.code.location
                out.append(.error(.duplicateId(.cluster, c.code.value, first: "\(at.line):\(at.column)"),
                                  at: c.code.location))
            } else {
                byCode[c.code.value] = c
            }
        }
        let codes = byCode.keys.sorted()
        for c in w.clusters {
            if let p = c.parent, byCode[p.value] == nil {
                out.append(.error(.unknownReference(.cluster, p.value, suggestion: closest(to: p.value, in: codes)),
                                  at: p.location))
            }
        }
        // a cycle is reported once, at the first of its clusters in file order
        var reported = Set<String>()
        for c in w.clusters where !reported.contains(c.code.value) {
            var path = [c.code.value]
            var next = c.parent?.value
            while let p = next, let parent = byCode[p] {
                if let start = path.firstIndex(of: p) {
                    let cycle = Array(path[start...]) + [p]
                    if reported.isDisjoint(with: cycle) {
                        out.append(.error(.clusterCycle(cycle), at: byCode[cycle[0]]?.parent?.location))
                    }
                    reported.formUnion(cycle)
                    break
                }
                path.append(p)
                next = parent.parent?.value
            }
        }
        for u in w.units {
            if let cluster = u.cluster, byCode[cluster] == nil {
                out.append(.error(.unknownReference(.cluster, cluster, suggestion: closest(to: cluster, in: codes)),
                                  at: u.code.location))
            }
        }
        return out
    }

    /// Overlapping phases of one project are allowed (the seed's 2.1 and 2.2 share 2028) but worth a note.
    static func overlapNotes(_ project: Project) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, a) in project.phases.enumerated() {
            for b in project.phases.dropFirst(i + 1) {
                let start = max(a.from.value, b.from.value)
                let ends = [a.to?.value, b.to?.value].compactMap { $0 }
                let end = ends.min()
                if end.map({ start <= $0 }) ?? true {
                    out.append(.note(.phasesOverlap(project.id.value, a.id.value, b.id.value, from: start, to: end),
                                     at: b.from.location))
                }
            }
        }
        return out
    }
}

extension Message {
    /// "unknown channel "x"; did you mean "y"?" for any typed id.
    public static func unknown<Tag>(_ id: Identifier<Tag>, among known: some Collection<Identifier<Tag>>) -> Message {
        .unknownReference(Tag.kind, id.rawValue,
            suggestion: closest(to: id.rawValue, in: known.map(\.rawValue).sorted()))
    }

    /// The same for theme references.
    public static func unknown(_ ref: ThemeRef, among known: some Collection<ThemeRef>) -> Message {
        .unknownReference(.theme, ref.description,
            suggestion: closest(to: ref.description, in: known.map(\.description).sorted()))
    }
}
