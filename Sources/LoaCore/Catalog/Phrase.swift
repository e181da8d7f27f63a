/// A piece of user-facing text in both languages, Vietnamese first.
///
/// Every string a user reads comes from a catalog type conforming to `Localizable`, whose `phrase` puts the
/// Vietnamese and English side by side; nothing outside the catalogs chooses a language.
public struct Phrase: Sendable, Hashable {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    /// The same text in both languages (numbers, codes, names).
    public init(both text: String) { vi = text; en = text }

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return vi
        case .en: return en
        }
    }

    public static func + (a: Phrase, b: Phrase) -> Phrase { Phrase(vi: a.vi + b.vi, en: a.en + b.en) }
    public static let empty = Phrase(both: "")
}

/// A catalog entry: a case whose `phrase` gives its text in both languages.
public protocol Localizable: Sendable {
    var phrase: Phrase { get }
}

extension Localizable {
    public func text(_ language: Language) -> String { phrase.text(language) }
}

public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// Renders catalog entries, dates and numbers in one language: what documents, commands and pages hold.
public struct Localizer: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public func callAsFunction(_ entry: some Localizable) -> String { entry.text(language) }
    public func callAsFunction(_ phrase: Phrase) -> String { phrase.text(language) }

    /// A day as people write it: "05/01/2027" in Vietnamese, "5 January 2027" in English.
    public func date(_ d: Day) -> String {
        switch language {
        case .vi: return "\(Day.pad(d.day, 2))/\(Day.pad(d.month, 2))/\(d.year)"
        case .en: return "\(d.day) \(Localizer.englishMonths[d.month - 1]) \(d.year)"
        }
    }

    /// A day with its weekday: "Thứ Hai, 14/12/2026", "Monday 14 December 2026".
    public func weekdayDate(_ d: Day) -> String {
        switch language {
        case .vi: return "\(Localizer.vietnameseWeekdays[d.weekday - 1]), \(date(d))"
        case .en: return "\(Localizer.englishWeekdays[d.weekday - 1]) \(date(d))"
        }
    }

    /// A short day for tables and charts: "14/12", "14 Dec".
    public func shortDate(_ d: Day) -> String {
        switch language {
        case .vi: return "\(Day.pad(d.day, 2))/\(Day.pad(d.month, 2))"
        case .en: return "\(d.day) \(Localizer.englishMonths[d.month - 1].prefix(3))"
        }
    }

    /// "tháng 12/2026", "December 2026".
    public func month(_ m: Month) -> String {
        switch language {
        case .vi: return "tháng \(m.month)/\(m.year)"
        case .en: return "\(Localizer.englishMonths[m.month - 1]) \(m.year)"
        }
    }

    /// "12/2026", "Dec 2026": a month in a table cell or a chart label.
    public func shortMonth(_ m: Month) -> String {
        switch language {
        case .vi: return "\(m.month)/\(m.year)"
        case .en: return "\(Localizer.englishMonths[m.month - 1].prefix(3)) \(m.year)"
        }
    }

    /// A number with up to `decimals` decimals, the separator of the language (0,5 / 0.5).
    public func number(_ x: Double, decimals: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let v = (x * scale).rounded() / scale
        let s = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        return language == .vi ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// A share as a percentage with one decimal: "93,8%".
    public func percent(_ share: Double) -> String { number(share * 100, decimals: 1) + "%" }

    /// A whole number with thousands grouped as the language does: "1.204" / "1,204".
    public func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Joins a list the way the language does: "a, b và c" / "a, b and c".
    public func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + (language == .vi ? " và " : " and ") + last
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let vietnameseWeekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
}
