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

    /// A number that changes whenever a form is recorded: forms are only ever added (a correction adds a row and
    /// retires the old one in the same transaction), so the largest id tells whether a cached grid is current.
    public func formsVersion() throws -> Int {
        try db.scalarInt("SELECT coalesce(max(id), 0) FROM forms")
    }

    /// Every current form of the months from `first` to `last` as (unit code bytes, month, day submitted), read
    /// off the `forms_period` index without building a string per row: the completeness grid of 100,000 units.
    public func forEachSubmission(from first: Month, to last: Month,
                                  _ body: (UnsafeBufferPointer<UInt8>, Month, Day) throws -> Void) throws {
        try withSmallCache {
            try db.query("SELECT unit, period, submitted FROM forms WHERE period BETWEEN ? AND ? AND current = 1",
                         [first, last]) { r in
                try body(try r.bytes(0), try r.fastMonth(1), try r.fastDay(2))
            }
        }
    }
}
