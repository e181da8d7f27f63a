import Foundation

extension String {
    /// Lowercase, without diacritics, with đ/ð → d: the key that makes "chuyen doi so" find "chuyển đổi số".
    /// `Ð`/`ð` (U+00D0/U+00F0) stand in for `Đ`/`đ` in some fonts and old files, so they fold the same way.
    /// Decomposition runs in short pieces: Foundation's is quadratic on long strings.
    public var folded: String {
        var out = String.UnicodeScalarView()
        for piece in self.lowercased().decompositionPieces() {
            for s in piece.unicodeScalars {
                switch s.value {
                case 0x0300...0x036F: continue                      // combining marks
                case 0x0111, 0x0110, 0x00F0, 0x00D0: out.append("d") // đ Đ ð Ð
                default: out.append(s)
                }
            }
        }
        return String(out)
    }

    /// The string decomposed (NFD) in pieces of about a kilobyte, each cut before a starter
    /// (a scalar of combining class 0), where decomposition cannot reach across the cut.
    func decompositionPieces() -> [String] {
        var pieces: [String] = []
        var piece = String.UnicodeScalarView()
        var size = 0
        for s in unicodeScalars {
            if size >= 1024, s.properties.canonicalCombiningClass == .notReordered {
                pieces.append(String(piece).decomposedStringWithCanonicalMapping)
                piece = String.UnicodeScalarView()
                size = 0
            }
            piece.append(s)
            size += 1
        }
        if !piece.isEmpty { pieces.append(String(piece).decomposedStringWithCanonicalMapping) }
        return pieces
    }

    /// A file-name-safe id from a title: folded, runs of other characters turned into single dashes.
    public var slug: String {
        var out = ""
        var dash = false
        for s in folded.unicodeScalars {
            if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") {
                out.unicodeScalars.append(s)
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
