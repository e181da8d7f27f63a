import LoaCore
import LoaStore

/// Early warnings (SPEC §5.4) for `loa report warnings`, `loa status`, the dashboard and reports: computed from
/// what is recorded now, never stored.
public enum Warnings {
    /// How many months of moods are read: a unit's last two reported months are looked for this far back.
    public static let monthsRead = 12

    /// Every warning on the session's today.
    public static func current(workspace ws: Workspace, session s: Session) throws(Failure) -> [EarlyWarning] {
        let today = s.today, units = UnitLookup(ws.units)
        func tally(first: Month?) -> WarningTally {
            let tracked = ws.plan.trackingStart(firstReported: first)
            return WarningTally(today: today, cluster: { units[$0]?.cluster },
                                counts: { m in tracked.map { m >= $0 } ?? true })
        }
        guard let store = try s.openReader() else { return tally(first: nil).warnings(topics: []) }
        return try s.guarded {
            try store.read { r in
                var t = tally(first: try r.firstReportedPeriod())
                // moods stream into the tally: only each unit's last two months and the clusters' counts are kept
                try r.forEachMood(from: today.monthOfYear.adding(months: -(monthsRead - 1)), to: today.monthOfYear) {
                    t.add($0)
                }
                return t.warnings(topics: try r.raisedTopics(
                    since: today.adding(days: -(EarlyWarnings.topicWindowDays - 1)), until: today))
            }
        }
    }
}
