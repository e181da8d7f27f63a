import LoaCore

/// Reads `content/channels.yml` (SPEC §2.4).
enum ChannelReader {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func channels(_ node: YAMLNode, _ d: Diagnostics) -> [Channel] {
        guard case .sequence(let items, _) = node else {
            d.add(.error(.expectedList("channels"), at: node.location))
            return []
        }
        return items.compactMap { item in
            let r = MappingReader(item, name: "channel", into: d)
            defer { r.finish() }
            let id = r.id("id", required: true, as: ChannelID.self)
            let name = r.string("name", required: true)
            let kind = r.choice("kind", ChannelKind.self, required: true)
            let every = r.choice("every", Cadence.self, required: true)
            let on = r.list("on", required: true) ?? []
            let skip = r.bool("skip_weekends") ?? false
            let capacity = r.integer("capacity", required: true)
            let lead = r.integer("lead_days")
            let audiences = r.references("audiences", as: AudienceID.self) ?? []
            let deliver = r.choice("deliver", Medium.self)
            let cover = r.string("cover")
            var scope = UnitScope.all
            if let units = r.list("units"), !(units.count == 1 && units[0].value == "all") { scope = .some(units) }
            var days: [Located<Int>] = []
            for o in on {
                if every == .week {
                    if let w = weekdays.firstIndex(of: o.value.lowercased()) {
                        days.append(Located(w + 1, at: o.location))
                    } else {
                        d.add(.error(.weekdayExpected(o.value), at: o.location))
                    }
                } else if let n = Int(o.value), (1...31).contains(n) {
                    days.append(Located(n, at: o.location))
                } else {
                    d.add(.error(.dayOfMonthExpected(o.value), at: o.location))
                }
            }
            // a channel with a broken field still exists, so items that name it do not cascade into more errors
            guard let id else { return nil }
            return Channel(id: id, name: name?.value ?? id.value.rawValue, kind: kind ?? .newsletter, every: every
                ?? .month,
                           on: days, skipWeekends: skip, capacity: capacity?.value ?? 0, leadDays: lead?.value ?? 0,
                           audiences: audiences, units: scope, deliver: deliver, cover: cover)
        }
    }
}
