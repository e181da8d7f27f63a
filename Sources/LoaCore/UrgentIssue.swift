/// A sensitive issue a unit reports at once, between its monthly reports (SPEC §9.5, `/unit/issue`): it opens an
/// alert of the unit for the month it is reported in, and counts once with that month's report.
public struct UrgentIssue: Sendable, Hashable {
    public let id: Int
    public let unit: UnitCode
    public let period: Month
    public let topic: String
    /// The detail: only officers with the sensitive permission ever see it.
    public let detail: String?
    public let recordedOn: Day
    public init(id: Int, unit: UnitCode, period: Month, topic: String, detail: String?, recordedOn: Day) {
        self.id = id; self.unit = unit; self.period = period; self.topic = topic; self.detail = detail
        self.recordedOn = recordedOn
    }

    /// The most a topic or a detail may hold, in characters.
    public static let topicLimit = 300, detailLimit = 5_000

    /// The key two wordings of one topic share: its folded words in order ("Tin đồn X." and "tin don x" are the
    /// same topic), so a monthly report that repeats an urgent issue neither opens a second alert nor counts it
    /// twice.
    public static func topicKey(_ topic: String) -> String { SearchRanking.terms(topic).joined(separator: " ") }
}
