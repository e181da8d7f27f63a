import Foundation
import Testing
@testable import LoaFormats
import LoaCore

func yaml(_ text: String) throws(Failure) -> YAMLNode? {
    try YAMLParser.parse(TextFile(path: "t.yml", text: text))
}

func failure(_ text: String) -> Diagnostic? {
    do { _ = try yaml(text); return nil } catch { return error.diagnostics.first }
}

func scalar(_ node: YAMLNode?, _ path: String...) -> String? {
    var n = node
    for key in path {
        if case .mapping(let entries, _)? = n { n = entries.first { $0.key == key }?.value }
        else if case .sequence(let items, _)? = n, let i = Int(key), i < items.count { n = items[i] }
        else { return nil }
    }
    if case .scalar(let s, _)? = n { return s }
    return nil
}

@Suite struct YAMLSubsetTests {
    @Test func scalarsStayTextUntilASchemaTypesThem() throws {
        let n = try yaml("a: 1.1\nb: \"1.1\"\nc: no\nd: 'it''s'\ne: \"x\\ty\\u00e9\"\nf: plain # comment\n")
        #expect(scalar(n, "a") == "1.1")
        #expect(scalar(n, "b") == "1.1")
        #expect(scalar(n, "c") == "no")
        #expect(scalar(n, "d") == "it's")
        #expect(scalar(n, "e") == "x\tyé")
        #expect(scalar(n, "f") == "plain")
    }

    @Test func nestedSequencesOfMappingsAndFlowLists() throws {
        let n = try yaml("projects:\n  - id: m\n    phases:\n    - id: \"1.1\"\n      tags: [a, 'b c', \"d\"]\n  - id: n\n")
        #expect(scalar(n, "projects", "0", "id") == "m")
        #expect(scalar(n, "projects", "0", "phases", "0", "id") == "1.1")
        #expect(scalar(n, "projects", "0", "phases", "0", "tags", "1") == "b c")
        #expect(scalar(n, "projects", "1", "id") == "n")
    }

    @Test func literalBlockScalarsKeepLines() throws {
        let n = try yaml("body: |\n  line one\n    indented\n\n  # not a comment\nnext: x\n")
        #expect(scalar(n, "body") == "line one\n  indented\n\n# not a comment\n")
        #expect(scalar(n, "next") == "x")
    }

    @Test func unsupportedFeaturesAreErrorsWithPositions() {
        #expect(failure("a: &x 1\n")?.location == SourceLocation(path: "t.yml", line: 1, column: 4))
        #expect(failure("a: 1\nb: *x\n")?.location == SourceLocation(path: "t.yml", line: 2, column: 4))
        #expect(failure("a: !!str 1\n")?.location == SourceLocation(path: "t.yml", line: 1, column: 4))
        #expect(failure("a: {b: 1}\n")?.location == SourceLocation(path: "t.yml", line: 1, column: 4))
        #expect(failure("a:\n\tb: 1\n")?.message == .yamlTab)
        #expect(failure("a:\n  \tb: 1\n")?.location == SourceLocation(path: "t.yml", line: 2, column: 3))
        #expect(failure("a: \"open\n")?.message == .yamlUnterminatedQuote)
        #expect(failure("a: 1\na: 2\n")?.message == .yamlDuplicateKey("a"))
        #expect(failure("a: 1\n   b: 2\n")?.location == SourceLocation(path: "t.yml", line: 2, column: 4))
        #expect(failure("a: [x, y\n")?.message == .yamlUnterminatedFlow)
        #expect(failure("just text\n")?.message == .yamlExpectedKey)
    }

    @Test func positionsCountCharactersNotBytes() throws {
        let n = try yaml("tiêu: [đề, án]\n")
        guard case .mapping(let e, _)? = n, case .sequence(let items, _) = e[0].value else { Issue.record("shape"); return }
        #expect(items[1].location.column == 12)
    }
}

@Suite struct TextInputTests {
    @Test func bomIsDroppedCRLFSplitAndTextNormalisedToNFC() throws {
        let decomposed = "Đa\u{0323}ng"  // "Đạng" written with a combining dot below
        let f = try TextFile.decode([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: \(decomposed)\r\n".utf8), path: "x")
        #expect(f.lines.count == 2)
        #expect(f.lines[0] == "a: 1")
        #expect(f.lines[1] == "b: Đạng")
        #expect(f.lines[1].unicodeScalars.count == 7)
    }

    @Test func invalidUTF8NamesLineByteColumnAndOffset() {
        do {
            _ = try TextFile.decode(Array("ab\ncd".utf8) + [0xFF], path: "x")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics[0].location == SourceLocation(path: "x", line: 2, column: 3))
            #expect(error.diagnostics[0].message == .invalidUTF8(offset: 5))
        }
        // an overlong encoding and a lone continuation byte are invalid too
        #expect(TextFile.firstInvalidUTF8([0x41, 0xC0, 0x80][...]) == 1)
        #expect(TextFile.firstInvalidUTF8([0x80][...]) == 0)
        #expect(TextFile.firstInvalidUTF8(Array("Điện Biên".utf8)[...]) == nil)
    }
}

@Suite struct CSVTests {
    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        var r = try CSVReader(bytes: Array("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n".utf8), path: "t.csv")
        #expect(try r.next()?.map(\.text) == ["a", "b"])
        #expect(try r.next()?.map(\.text) == ["x, \"y\"", "two\nlines"])
        #expect(try r.next() == nil)
    }

    @Test func delimiterIsDetectedFromTheHeader() throws {
        #expect(try CSVReader(bytes: Array("a;b;c\n1,5;2;3\n".utf8), path: "t").delimiter == UInt8(ascii: ";"))
        #expect(try CSVReader(bytes: Array("a\tb\n".utf8), path: "t").delimiter == 9)
        #expect(try CSVReader(bytes: Array("a,b\n".utf8), path: "t").delimiter == UInt8(ascii: ","))
    }

    @Test func anUnterminatedQuoteIsAnErrorAtItsStart() {
        do {
            var r = try CSVReader(bytes: Array("a,b\n1,\"open\n".utf8), path: "t.csv")
            _ = try r.next(); _ = try r.next()
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics[0].location == SourceLocation(path: "t.csv", line: 2, column: 3))
        }
    }

    @Test func unknownColumnsGetASuggestion() {
        do {
            _ = try CSVTable(bytes: Array("code,nmae\n".utf8), path: "u.csv", required: ["code", "name"], known: UnitReader.columns)
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.contains { $0.message == .csvUnknownColumn("nmae", suggestion: "name") })
            #expect(error.diagnostics.contains { $0.message == .csvMissingColumn("name") })
        }
    }
}

@Suite struct ChunkedCSVTests {
    @Test func recordsCutByChunkBoundariesParseTheSameAsInOnePiece() throws {
        var text = "unit;title;note\n"
        var n = 0
        while text.utf8.count < 3 * ByteChunks.chunkSize {
            text += "u\(n);\"Tiêu đề \(n); có \"\"nháy\"\"\";\"dòng một\r\ndòng hai \(n)\"\r\n"
            n += 1
        }
        let path = NSTemporaryDirectory() + "loa-chunks-\(n).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var whole = try CSVReader(bytes: Array(text.utf8), path: "x")
        var chunked = try CSVReader(source: try ByteChunks(path: path), path: "x")
        var count = 0
        while let a = try whole.next() {
            let b = try chunked.next()
            #expect(a.map(\.text) == b?.map(\.text))
            #expect(a.map(\.line) == b?.map(\.line))
            count += 1
        }
        #expect(try chunked.next() == nil)
        #expect(count == n + 1)
    }
}
