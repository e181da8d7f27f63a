import Foundation
import LoaCore

/// Today's civil date in Asia/Ho_Chi_Minh, whatever the machine's zone: the only place Loa reads the clock.
public func todayInHanoi() -> Day {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? cal.timeZone
    let c = cal.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
}
