import Foundation

extension String {
    /// Lowercase, without diacritics, with đ → d: the key that makes "chuyen doi so" find "chuyển đổi số".
    public var folded: String {
        var out = String.UnicodeScalarView()
        for s in self.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x0300...0x036F: continue              // combining marks
            case 0x0111, 0x0110: out.append("d")        // đ Đ
            default: out.append(s)
            }
        }
        return String(out)
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
