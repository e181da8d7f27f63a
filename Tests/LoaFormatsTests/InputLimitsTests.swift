import Foundation
import Testing
@testable import LoaFormats
import LoaCore

private func at(_ path: String, _ line: Int, _ column: Int) -> LoaCore.SourceLocation {
    LoaCore.SourceLocation(path: path, line: line, column: column)
}

/// A temporary folder removed when the value goes away.
final class TempFolder {
    let path = NSTemporaryDirectory() + "loa-formats-" + UUID().uuidString
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Issue 17.9 and 17.5: text input refuses control characters and oversized files.
@Suite struct TextInputLimitsTests {
    @Test func controlCharactersOtherThanTabLineFeedAndCarriageReturnAreRefusedWithTheirPosition() {
        let cases: [([UInt8], UInt32, Int)] = [([0x1B, 0x5B, 0x32, 0x4B], 0x1B, 5), ([0x00], 0x00, 5),
                                               ([0x7F], 0x7F, 5), ([0xC2, 0x85], 0x85, 5),
                                               ([0xC3, 0xA9, 0xC2, 0x9B], 0x9B, 6)]
        for (bytes, code, column) in cases {
            do {
                _ = try TextFile.decode(Array("ok\na x ".utf8) + bytes + [10], path: "f.md")
                Issue.record("accepted U+\(String(code, radix: 16))")
            } catch {
                #expect(error.diagnostics.first?.message == .controlCharacter(code))
                #expect(error.diagnostics.first?.location == at("f.md", 2, column))
            }
        }
        #expect((try? TextFile.decode(Array("a\tb\r\nc\n".utf8), path: "f.md")) != nil)
    }

    @Test func aTextLargerThanTheLimitIsRefusedBeforeDecoding() {
        do {
            _ = try TextFile.decode([UInt8](repeating: 0x61, count: TextFile.maxBytes + 1), path: "big.md")
            Issue.record("accepted")
        } catch {
            let expected = Message.fileTooLarge(size: TextFile.maxBytes + 1, limit: TextFile.maxBytes)
            #expect(error.diagnostics.first?.message == expected)
            #expect(error.diagnostics.first?.location == at("big.md", 1, 1))
        }
        #expect((try? TextFile.decode([UInt8](repeating: 0x61, count: TextFile.maxBytes), path: "ok.md")) != nil)
    }

    @Test func readingAFileOverTheLimitNamesItAsTheUserWroteIt() throws {
        let dir = try TempFolder()
        let path = dir.path + "/big.md"
        try Data(repeating: 0x61, count: 2000).write(to: URL(fileURLWithPath: path))
        do {
            _ = try TextFile.read(path, shownAs: "inbox/big.md", limit: 1000)
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.message == .fileTooLarge(size: 2000, limit: 1000))
            #expect(error.diagnostics.first?.location == at("inbox/big.md", 1, 1))
        }
        #expect(try TextFile.read(path, limit: 2000).text.count == 2000)
    }

    /// Issue 17.11: a FIFO, a folder or a device is "not a regular file", read from never (so never hangs).
    @Test func pipesFoldersAndDevicesAreNotRegularFilesAndAreNeverReadFrom() throws {
        let dir = try TempFolder()
        let fifo = dir.path + "/pipe.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, dir.path, "/dev/zero", "/dev/null"] {
            let readers: [() throws -> Void] = [{ _ = try TextFile.readBytes(path) },
                                                { _ = try ByteChunks(path: path) }]
            for read in readers {
                do {
                    try read()
                    Issue.record("read \(path)")
                } catch let failure as Failure {
                    #expect(failure.diagnostics.first?.message == .notRegularFile(path))
                    #expect(failure.exitCode == ExitCode.noInput)
                }
            }
        }
        do {
            _ = try TextFile.readBytes(dir.path + "/missing.md")
            Issue.record("read a missing file")
        } catch {
            #expect(error.exitCode == ExitCode.noInput)
            #expect(error.diagnostics.first?.message == .fileMissing(dir.path + "/missing.md"))
        }
    }

    @Test func longDecomposedTextIsNormalisedToTheSameNFCAsInOnePiece() {
        let word = "Đa\u{0323}ng vie\u{0302}\u{0323}c tuye\u{0302}n truye\u{0302}\u{0300}n "
        let long = String(repeating: word, count: 500)
        #expect(long.nfc == long.precomposedStringWithCanonicalMapping)
        #expect(long.nfc.unicodeScalars.count < long.unicodeScalars.count)
        #expect("\u{2000}".nfc == "\u{2002}")
    }
}

/// Issue 17.10: ids are slugs; phase ids are dot-separated slugs.
@Suite struct IdTests {
    @Test func idsAreSlugs() {
        for good in ["museum", "a", "1", "cdcs-so-gddt", "x-", "ho-tay-3"] { #expect(isValidId(good), "\(good)") }
        for bad in ["", ".", "..", "-x", "a_b", "A", "a.b", "1.1", "a b", "đ", "a/b"] {
            #expect(!isValidId(bad), "\(bad)")
        }
        for good in ["1.1", "2.2.1", "a.b", "10"] { #expect(isValidPhaseId(good), "\(good)") }
        for bad in ["", ".", "..", "1.", ".1", "1..1", "-1", "1.-2", "1_1"] { #expect(!isValidPhaseId(bad), "\(bad)") }
    }
}
