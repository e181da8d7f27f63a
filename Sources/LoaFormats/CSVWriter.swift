/// CSV for spreadsheets (RFC 4180 quoting, CRLF), safe to open: a cell a spreadsheet would run as a formula is
/// neutralised (OWASP's list: `=`, `+`, `-`, `@`, TAB, CR at the start), numbers stay numbers.
public enum CSVWriter {
    /// Rows as a UTF-8 document with a BOM, so Excel reads Vietnamese correctly.
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func cell(_ s: String) -> String {
        var v = s.controlsMadeVisible(keepingLayout: true)
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), !isNumber(v) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A plain decimal number, such as `-3` or `0.9375`.
    static func isNumber(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for (i, b) in s.utf8.enumerated() {
            if b >= 48 && b <= 57 { digits += 1 } else if b == 46 { dots += 1 }
                else if !(b == 45 && i == 0) { return false }
        }
        return digits > 0 && dots <= 1
    }
}
