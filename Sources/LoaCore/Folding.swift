import Foundation

extension String {
    /// Lowercase, without diacritics, with đ/ð → d: the key that makes "chuyen doi so" find "chuyển đổi số".
    /// `Ð`/`ð` (U+00D0/U+00F0) stand in for `Đ`/`đ` in some fonts and old files, so they fold the same way.
    /// Decomposition runs in short pieces: Foundation's is quadratic on long strings.
    public var folded: String {
        // Vietnamese and other Latin text folds letter by letter from a table; anything else takes the general way
        var fast = String.UnicodeScalarView()
        var simple = true
        for s in unicodeScalars {
            let v = s.value
            if v < 0x80 {
                fast.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 32)) : s)
            } else if (0x0300...0x036F).contains(v) {
                continue
            } else if let letter = latinFolds[v] {
                fast.append(letter)
            } else {
                simple = false
                break
            }
        }
        return simple ? String(fast) : foldedByDecomposition
    }

    /// The general way to fold: lowercase, decompose (NFD), drop the combining marks, đ/ð → d.
    var foldedByDecomposition: String {
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

/// Where text beyond ASCII usually comes from: Latin-1 to Latin Extended-B, Latin Extended Additional (which holds
/// the Vietnamese letters), general punctuation (dashes, quotes, ellipsis) and currency signs (₫).
let latinFoldRanges: [ClosedRange<UInt32>] = [0x00A0...0x024F, 0x1E00...0x1EFF, 0x2010...0x206F, 0x20A0...0x20CF]

/// Each scalar of `latinFoldRanges` that folds to a single scalar, and that scalar: built once from the general
/// way, so both ways always agree.
private let latinFolds: [UInt32: Unicode.Scalar] = {
    var table: [UInt32: Unicode.Scalar] = [:]
    for v in latinFoldRanges.joined() {
        guard let s = Unicode.Scalar(v) else { continue }
        var folded = String.UnicodeScalarView()
        for f in String(s).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch f.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110, 0x00F0, 0x00D0: folded.append("d")
            default: folded.append(f)
            }
        }
        if folded.count == 1, let only = folded.first { table[v] = only }
    }
    return table
}()
