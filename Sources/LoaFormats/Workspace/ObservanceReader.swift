import LoaCore

/// Reads `calendars/observances.ics` (SPEC §2.7): yearly events, and lunar ones expanded year by year.
public enum ObservanceReader {
    public static func observances(_ file: TextFile) throws(Failure) -> [Observance] {
        var byUID: [String: Observance] = [:]
        var order: [String] = []
        for cal in try ICSReader.parse(file) {
            for ev in cal.children where ev.name == "VEVENT" {
                let at = SourceLocation(path: file.path, line: ev.line, column: 1)
                guard let uid = ev.first("UID")?.value else { throw Failure(.icsMissingProperty("UID"), at: at) }
                guard let start = ev.first("DTSTART") else { throw Failure(.icsMissingProperty("DTSTART"), at: at) }
                guard let day = Day(compact: start.value) else {
                    throw Failure(.icsBadDate(start.value),
                        at: SourceLocation(path: file.path, line: start.line, column: 1))
                }
                var yearly = false
                if let rule = ev.first("RRULE") {
                    guard rule.value.uppercased().contains("FREQ=YEARLY") else {
                        throw Failure(.icsNotYearly(rule.value),
                            at: SourceLocation(path: file.path, line: rule.line, column: 1))
                    }
                    yearly = true
                }
                var dates: [Day] = []
                for r in ev.all("RDATE") {
                    for t in r.value.split(separator: ",") {
                        guard let d = Day(compact: t) else {
                            throw Failure(.icsBadDate(String(t)),
                                at: SourceLocation(path: file.path, line: r.line, column: 1))
                        }
                        dates.append(d)
                    }
                }
                let name = ICSReader.unescape(ev.first("SUMMARY")?.value ?? uid)
                if var existing = byUID[uid] {
                    existing.dates.append(day)
                    existing.dates += dates
                    existing.original = min(existing.original, day)
                    byUID[uid] = existing
                } else {
                    order.append(uid)
                    byUID[uid] = Observance(uid: ObservanceID(uid), name: name, original: day, location: at,
                        dates: dates, yearly: yearly)
                }
            }
        }
        return order.compactMap { byUID[$0] }
    }
}
