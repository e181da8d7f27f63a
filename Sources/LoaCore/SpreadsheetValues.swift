/// Values as a person types them in a spreadsheet (SPEC §9.5): dates as dd/mm/yyyy, activity types by the names
/// the pages show. Only a unit's web upload reads them; `loa import` keeps the file format's own rules.
extension Day {
    /// `05/11/2026`, `5/11/2026` (also with `-` or `.` between), or `2026-11-05`.
    public init?(spreadsheet text: String) {
        let t = text.trimmed
        if let iso = Day(iso: t) { self = iso; return }
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              let day = Day(iso: "\(y)-\(Day.pad(m, 2))-\(Day.pad(d, 2))") else { return nil }
        self = day
    }
}

extension ActivityType {
    /// The type a code or a name shown on the pages stands for, in either language, with or without diacritics
    /// or capitals: "hoi-nghi", "Hội nghị", "hoi nghi".
    public init?(named text: String) {
        let key = SearchRanking.terms(text).joined(separator: " ")
        guard !key.isEmpty, let found = ActivityType.allCases.first(where: { type in
            [type.rawValue, type.phrase.vi, type.phrase.en].contains { SearchRanking.terms($0).joined(separator: " ")
                == key }
        }) else { return nil }
        self = found
    }
}
