import Foundation
import Testing
@testable import LoaFormats
import LoaCore

private func at(_ line: Int, _ column: Int) -> LoaCore.SourceLocation {
    LoaCore.SourceLocation(path: "t.csv", line: line, column: column)
}

private func csvFailure(_ bytes: [UInt8]) -> Diagnostic? {
    do {
        var r = try CSVReader(bytes: bytes, path: "t.csv")
        while try r.next() != nil {}
        return nil
    } catch {
        return error.diagnostics.first
    }
}

@Suite struct CSVStrictnessTests {
    /// Issue 13.3: RFC 4180 keeps a quoted field's text as written; unquoted fields are trimmed (Loa's leniency).
    @Test func quotedFieldsKeepTheirSpacesAndUnquotedFieldsAreTrimmed() throws {
        var t = try CSVTable(bytes: Array("code,name,cluster\n  u1  ,\"  Khoảng trắng  \", c \n".utf8), path: "u.csv",
                             required: ["code"], known: UnitReader.columns)
        let row = try t.next()
        #expect(row?.text("code") == "u1")
        #expect(row?.text("name") == "  Khoảng trắng  ")
        #expect(row?.text("cluster") == "c")
    }

    /// Issue 17.3: invalid UTF-8 after a quoted line break used to trap; it is an error at its byte.
    @Test func invalidUTF8AcrossAQuotedLineBreakIsAnErrorAtItsLineAndByteColumn() {
        let header = Array("unit,date,type,title,themes,participants,items\n".utf8)
        let after = header + Array("u,2026-11-05,khac,\"ti\u{EA}u\r\nab".utf8) + [0xE1, 0xBB] + Array("\",,1,\n".utf8)
        #expect(csvFailure(after)?.location == at(3, 3))
        #expect(csvFailure(after)?.message == .invalidUTF8(offset: header.count + 28))
        let before = header + Array("u,\"x".utf8) + [0xFF] + Array("\n\",d\n".utf8)
        #expect(csvFailure(before)?.location == at(2, 5))
        let doubled = header + Array("u,\"a\"\"b\"\"\n".utf8) + [0xC3] + Array("\"\n".utf8)
        #expect(csvFailure(doubled)?.location == at(3, 1))
    }

    @Test func controlCharactersInAFieldAreRefusedAtTheirCharacter() {
        #expect(csvFailure(Array("a,b\nđ,x\u{1B}[2K\n".utf8))?.message == .controlCharacter(0x1B))
        #expect(csvFailure(Array("a,b\nđ,x\u{1B}[2K\n".utf8))?.location == at(2, 4))
        #expect(csvFailure(Array("a,b\n1,\"x\n\u{0}\"\n".utf8))?.location == at(3, 1))
        #expect(csvFailure(Array("a,b\n1,\"x\u{85}\"\n".utf8))?.message == .controlCharacter(0x85))
        #expect(csvFailure(Array("a,b\n1,\"x\ty\"\n".utf8)) == nil)
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(csvFailure(Array("a,b\n1,\"x\"y\n".utf8))?.message == .csvTextAfterQuote)
        #expect(csvFailure(Array("a,b\n1,\"x\"y\n".utf8))?.location == at(2, 6))
        #expect(csvFailure(Array("a,b\n1,\"x\"  \n".utf8)) == nil)
    }

    /// Issue 17.5: fields, rows and field counts have limits with clear errors.
    @Test func aRowWithThreeHundredThousandCommasIsRefusedAtTheFieldOverTheLimit() {
        let d = csvFailure(Array("a,b\n".utf8) + [UInt8](repeating: 44, count: 300_000) + [10])
        #expect(d?.message == .csvTooManyFields(limit: CSVReader.maxFields))
        #expect(d?.location == at(2, CSVReader.maxFields + 1))
    }

    @Test func aFieldLongerThanTheLimitIsRefusedAtItsStart() {
        let long = [UInt8](repeating: 0x61, count: CSVReader.maxFieldBytes + 1)
        let d = csvFailure(Array("a,b\nx,".utf8) + long + [10])
        #expect(d?.message == .csvFieldTooLong(limit: CSVReader.maxFieldBytes))
        #expect(csvFailure(Array("a,b\nx,".utf8) + long + [10])?.location == at(2, 3))
        #expect(csvFailure(Array("a,b\nx,\"".utf8) + long + Array("\"\n".utf8))?.location == at(2, 3))
        #expect(csvFailure(Array("a,b\nx,".utf8) + long.dropLast() + [10]) == nil)
    }

    @Test func aRowLongerThanTheLimitIsRefusedAtItsFirstLine() {
        let field = Array("\"".utf8) + [UInt8](repeating: 0x62, count: 60_000) + Array("\"".utf8)
        let row = Array(repeating: field, count: 20).joined(separator: [44])
        let d = csvFailure(Array("a\n".utf8) + row + [10])
        #expect(d?.message == .csvRowTooLong(limit: CSVReader.maxRowBytes))
        #expect(d?.location == at(2, 1))
    }

    @Test func columnsAfterManyFieldsAndMultiByteTextAreCountedInCharacters() throws {
        var r = try CSVReader(bytes: Array("a;b;c;d\nđề;\"án\nxã\";ê;x\n".utf8), path: "t.csv")
        _ = try r.next()
        let fields = try r.next() ?? []
        #expect(fields.map(\.column) == [1, 4, 5, 7])
        #expect(fields.map(\.line) == [2, 2, 3, 3])
        #expect(fields.map(\.quoted) == [false, true, false, false])
    }

    @Test func limitsAndErrorsAreTheSameWhetherTheFileArrivesWholeOrInChunks() throws {
        let dir = try TempFolder()
        let path = dir.path + "/t.csv"
        let good = Array("a,b\n".utf8) + Array(repeating: Array("x,\"y\r\nz\"\r\n".utf8), count: 110_000).joined()
        for bytes in [good + [0x1B, 10], good + [UInt8](repeating: 44, count: 5_000), good + [34, 0x41, 34, 0x42, 10]] {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var whole = try CSVReader(bytes: bytes, path: "t.csv")
            var chunked = try CSVReader(source: try ByteChunks(path: path), path: "t.csv")
            var a: Diagnostic?, b: Diagnostic?
            do { while try whole.next() != nil {} } catch { a = error.diagnostics.first }
            do { while try chunked.next() != nil {} } catch { b = error.diagnostics.first }
            #expect(a != nil)
            #expect(a == b)
        }
    }
}
