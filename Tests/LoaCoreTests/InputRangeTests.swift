import Foundation
import Testing
@testable import LoaCore

/// Issue 17.1: dates from text lie in a sane range, and no arithmetic on days or months can trap.
@Suite struct DayRangeTests {
    @Test func datesFromTextAreLimitedToYears1900Through2200() {
        for bad in ["0000-01-01", "9999-12-31", "1899-12-31", "2201-01-01", "0001-01-01"] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
        for good in ["1900-01-01", "2200-12-31", "2026-11-23"] { #expect(Day(iso: good)?.iso == good) }
        #expect(Month(iso: "0000-01") == nil)
        #expect(Month(iso: "9999-12") == nil)
        #expect(Month(iso: "2200-12")?.iso == "2200-12")
        #expect(Day(compact: "00001106") == nil)
        #expect(Day(compact: "99991231") == nil)
        #expect(Day(compact: "18900519")?.iso == "1890-05-19")   // an anniversary in the shipped calendar
        #expect(Day(iso: "0000-11-06", years: Day.representableYears) == nil)
        #expect(Day(iso: "9999-12-31", years: Day.representableYears)?.iso == "9999-12-31")
        #expect(Day.isOutOfRange(iso: "9999-12-31"))
        #expect(!Day.isOutOfRange(iso: "2026-02-30"))
    }

    @Test func arithmeticAtTheEndsOfTheRepresentableYearsStopsThereInsteadOfTrapping() {
        let last = Day(year: 9999, month: 12, day: 31), first = Day(year: 1, month: 1, day: 1)
        #expect(last != nil && first != nil)
        guard let last, let first else { return }
        #expect(last.adding(days: 1) == last)
        #expect(last.adding(days: Int.max) == last)
        #expect(first.adding(days: -1) == first)
        #expect(first.adding(days: Int.min) == first)
        #expect(Day(ordinal: Int.max) == last)
        #expect(Day(ordinal: Int.min) == first)
        #expect(last.monthOfYear.next.iso == "9999-12")
        #expect(first.monthOfYear.previous.iso == "0001-01")
        #expect(Month.range(last.monthOfYear.previous, last.monthOfYear).map(\.iso) == ["9999-11", "9999-12"])
        #expect(Month.range(last.monthOfYear, first.monthOfYear).isEmpty)
        #expect(last.monthOfYear.last == last)
        #expect((1...7).contains(last.weekday) && (1...7).contains(first.weekday))
        #expect(last - first == 3_652_058)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Month(year: Int.max, month: 1) == nil)
    }

    @Test func monthsStepAcrossYears() {
        #expect(Month(iso: "2026-12")?.next.iso == "2027-01")
        #expect(Month(iso: "2027-01")?.previous.iso == "2026-12")
        #expect(Month(iso: "2026-02")?.last.iso == "2026-02-28")
        #expect(Month.range(Month(year: 2026, month: 11)!, Month(year: 2027, month: 2)!).map(\.iso)
                == ["2026-11", "2026-12", "2027-01", "2027-02"])
    }
}

/// Issue 17.12 and 17.5: search folding.
@Suite struct FoldingTests {
    @Test func ethFoldsLikeDWithStroke() {
        #expect("Ðiện Biên".folded == "dien bien")
        #expect("ðoàn".folded == "doan")
        #expect("ĐẢNG".folded == "dang")
    }

    @Test func longTextFoldsTheSameAsInOnePiece() {
        let text = String(repeating: "Chuyển đổi số Ü ǅ e\u{0301}\u{0323} ", count: 400)
        var whole = String.UnicodeScalarView()
        for s in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110, 0x00F0, 0x00D0: whole.append("d")
            default: whole.append(s)
            }
        }
        #expect(text.folded == String(whole))
    }

    /// Folding by the letter table (the fast way for Vietnamese) gives what folding by decomposition gives.
    @Test func everyLatinLetterFoldsByTheTableAsByDecomposition() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            for s in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch s.value {
                case 0x0300...0x036F: continue
                case 0x0111, 0x0110, 0x00F0, 0x00D0: out.append("d")
                default: out.append(s)
                }
            }
            return String(out)
        }
        var checked = 0
        for v in ([0x0020...0x009F] + latinFoldRanges + [0x2000...0x200F]).joined() {
            guard let s = Unicode.Scalar(v) else { continue }
            let text = "Xin chào " + String(s) + " Đảng Ủy e\u{0301}"
            #expect(text.folded == reference(text), "U+\(String(v, radix: 16, uppercase: true))")
            checked += 1
        }
        #expect(checked > 900)
        #expect("Tiếng Việt có dấu: ĂÂĐÊÔƠƯ ăâđêôơư ỹỵ – 5₫".folded == "tieng viet co dau: aadeoou aadeoou yy – 5₫")
    }
}

/// Issue 17.11: one diagnostic is one line, whatever its message quotes.
@Suite struct DiagnosticLineTests {
    @Test func controlCharactersInADiagnosticAreShownEscaped() {
        let d = Diagnostic.error(.invalidDate("1\n2\r3\t4\u{1B}[2K\u{85}\u{2028}"),
                                 at: SourceLocation(path: "a\nb.md", line: 2, column: 3))
        let line = d.rendered(.en)
        #expect(line == "a\\nb.md:2:3: error: invalid date \"1\\n2\\r3\\t4\\u{1B}[2K\\u{85}\\u{2028}\" "
                + "(expected an existing YYYY-MM-DD)")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(Diagnostic.error(.verbatim("Điện Biên"), at: nil).rendered(.vi) == "loa: error: Điện Biên")
    }
}
