import Foundation
import Testing
@testable import LoaFormats
import LoaCore

/// The shortcuts that make `loa import` of many small forms fast give what the plain ways give.
@Suite struct FormReadingShortcutsTests {
    /// Scalars on both sides of every edge of the NFC-stable ranges, alone and among Vietnamese text.
    static let edges: [UInt32] = [0x41, 0x7F, 0x80, 0xE9, 0x1B0, 0x2FF, 0x300, 0x301, 0x323, 0x1E9F, 0x1EA0, 0x1EA1,
                                  0x1EDD, 0x1EF9, 0x1EFA, 0x2000, 0x2001, 0x2002, 0x2013, 0x203F, 0x2040, 0x206F,
                                  0x2070, 0x20AA, 0x20AB, 0x20AC, 0x212B, 0xAC00, 0xFB01, 0x1F600]

    @Test func nfcStabilityReadFromBytesAgreesWithScalars() {
        for v in Self.edges {
            let s = Unicode.Scalar(v)!
            for text in ["\(s)", "Người báo cáo \(s) x", "a\(s)\u{301}", "e\u{301}\(s)"] {
                let bytes = Array(text.utf8)[...]
                #expect(TextFile.isStableInNFC(bytes) == !text.unicodeScalars.contains { !$0.isStableInNFC },
                        "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test func decodedTextIsNFCWhateverTheShortcut() throws {
        for text in ["Đoàn viên đồng tình.", "Hoa\u{300} Bi\u{300}nh", "Å \u{212B} ﬁ", "x\u{2001}y", "plain"] {
            let file = try TextFile.decode(Array(text.utf8), path: "f.md")
            #expect(file.text == text.precomposedStringWithCanonicalMapping)
            #expect(Array(file.text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
        }
    }

    @Test func notesAreTrimmedAsFoundationTrimsThem() {
        let cases = ["", " ", "\n\nGhi chú.\n", "\u{A0}x\u{2003}", "\u{85}a b\u{2028}", "\t\r\nx y\u{3000}",
                     "\u{1F600} ", "a", " \u{301}a"]
        for text in cases {
            #expect(FormReader.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func contentIsTheLinesJoinedByLineFeeds() {
        let cases = ["", "\n", "a", "a\n", "a\n\n", "a\nb", "a\r\nb\r\n", "a\rb\n", "\r\n", "x\n\r\ny\n"]
        for text in cases {
            let file = TextFile(path: "f.md", text: text)
            // every tail of the lines (a body after its front matter), the whole file among them
            for start in 0...file.lines.count {
                let range = start..<file.lines.count
                #expect(file.joinedLines(range) == file.lines[range].joined(separator: "\n"), "\(text.debugDescription)")
            }
        }
    }

    @Test func aFileIsReadWholeWhateverItsSize() throws {
        let folder = try TempFolder()
        for size in [0, 1, 300, 65_536, 65_537, 200_000] {
            let path = folder.path + "/f\(size).md"
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try TextFile.readBytes(path) == bytes)
        }
    }

    @Test func aMappingWithManyKeysStillFindsADuplicate() throws {
        for count in [2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "k\($0): v" } + ["k\(count - 1): again"]
            let file = TextFile(path: "f.yaml", text: keys.joined(separator: "\n") + "\n")
            do {
                _ = try YAMLParser.parse(file)
                Issue.record("a duplicate key among \(count) accepted")
            } catch {
                #expect(error.diagnostics.first?.message == .yamlDuplicateKey("k\(count - 1)"))
                #expect(error.diagnostics.first?.location?.line == count + 1)
            }
            let unique = TextFile(path: "f.yaml", text: keys.dropLast().joined(separator: "\n") + "\n")
            #expect(try YAMLParser.parse(unique) != nil)
        }
    }
}
