import LoaCore
import LoaStore

/// Early warnings (SPEC §5.4) for `loa report warnings`, `loa status`, the dashboard and reports: computed from
/// what is recorded now, never stored.
public enum Warnings {
    /// How many months of moods are read: a unit's last two reported months are looked for this far back.
    public static let monthsRead = 12

    /// Every warning on the session's today.
    public static func current(workspace ws: Workspace, session s: Session) throws(Failure) -> [EarlyWarning] {
        let today = s.today
        let (facts, first) = try s.read(orEmpty: (WarningFacts(), nil as Month?)) { r in
            (try r.warningFacts(moodsFrom: today.monthOfYear.adding(months: -(monthsRead - 1)), to: today.monthOfYear,
                                topicsSince: today.adding(days: -(EarlyWarnings.topicWindowDays - 1)), until: today),
             try r.firstReportedPeriod())
        }
        let units = UnitLookup(ws.units)
        let tracked = ws.plan.trackingFrom ?? first
        return EarlyWarnings.compute(facts, today: today, cluster: { units[$0]?.cluster },
                                     counts: { m in tracked.map { m >= $0 } ?? true })
    }
}
