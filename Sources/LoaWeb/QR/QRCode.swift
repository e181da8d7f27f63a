import CQRencode
import LoaFormats

/// QR codes drawn as inline SVG from libqrencode's matrix (for the printable sheet of unit links).
public enum QRCode {
    /// The text does not fit in a QR code (or libqrencode failed).
    public struct Failure: Error, Equatable {}

    /// An `<svg>` element of `text` in 8-bit mode with error correction M: one `<path>` of unit
    /// squares, a 4-module quiet zone, `role="img"` and `label` (default: the text) as its
    /// `aria-label`. The same inputs give the same bytes.
    public static func svg(for text: String, moduleSize: Int = 4, label: String? = nil) throws(Failure) -> String {
        let matrix = try modules(for: text)
        let quiet = 4
        let side = matrix.count + 2 * quiet
        var path = ""
        for (y, row) in matrix.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < row.count && row[x + run] { run += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let size = side * max(1, moduleSize)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(size)\" "
            + "height=\"\(size)\" role=\"img\" aria-label=\"\(HTML.escape(label ?? text))\" "
            + "shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// The code's dark (true) and light modules, row by row, without the quiet zone.
    public static func modules(for text: String) throws(Failure) -> [[Bool]] {
        guard !text.contains("\0"), let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw Failure()
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw Failure() }
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }
}
