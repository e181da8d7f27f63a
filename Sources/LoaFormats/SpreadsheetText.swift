import Foundation
import Glibc
import LoaCore

/// Text a spreadsheet saved (SPEC §9.5): UTF-8 with or without a BOM, or Windows-1258 as Excel on Vietnamese
/// Windows writes a plain CSV, decoded with glibc's iconv and made NFC. Anything else (UTF-16, binary) is not
/// read: the caller asks for CSV UTF-8 in words.
public enum SpreadsheetText {
    /// The bytes as UTF-8 in NFC, or nil when they are neither UTF-8 nor Windows-1258 text.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        // UTF-16 (Excel's "Unicode text") starts with its byte-order mark; NUL bytes are never text
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.contains(0) { return nil }
        if TextFile.firstInvalidUTF8(bytes[...]) == nil { return bytes }
        guard let decoded = windows1258(bytes) else { return nil }
        let text = String(decoding: decoded, as: UTF8.self).precomposedStringWithCanonicalMapping
        // control characters other than TAB, CR and LF mean this was never text
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && !["\t", "\r", "\n"].contains($0) })
        else { return nil }
        return Array(text.utf8)
    }

    /// Windows-1258 to UTF-8 through iconv; nil when iconv refuses a byte (five of them are unassigned).
    static func windows1258(_ bytes: [UInt8]) -> [UInt8]? {
        let cd = iconv_open("UTF-8", "CP1258")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        // a byte becomes at most one base letter and one combining mark: 3 + 2 bytes, plus what iconv holds back
        var output = [UInt8](repeating: 0, count: bytes.count * 5 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self) }
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0,
                      iconv(cd, nil, nil, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(output[..<written])
    }
}
