import LoaCore

extension StoreReader {
    /// The day each current form counts as submitted, by unit and month, for the months from `first` to `last`:
    /// what the completeness grid (units × months) is drawn from.
    public func submissions(from first: Month, to last: Month) throws -> [UnitCode: [Month: Day]] {
        var out: [UnitCode: [Month: Day]] = [:]
        try db.query("SELECT unit, period, submitted FROM forms WHERE current = 1 AND period BETWEEN ? AND ?",
                     [first, last]) { r in
            out[try r.id(0), default: [:]][try r.month(1)] = try r.day(2)
        }
        return out
    }
}
