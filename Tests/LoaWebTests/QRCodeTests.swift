import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LoaWeb
import Testing

@Suite("QR codes")
struct QRCodeTests {
    let link = "https://loa.example.org/u/3q2-7wEAAAAzLkL0Hk9S_1iGxX3Vv5dZbCkqFh2mW0E"

    /// The dark cells the SVG's path draws, in viewBox units, and the viewBox's side.
    func cells(of svg: String) throws -> (side: Int, dark: Set<[Int]>) {
        let side = try #require(svg.firstMatch(of: /viewBox="0 0 (\d+) \d+"/).flatMap { Int($0.1) })
        let path = try #require(svg.firstMatch(of: /<path d="([^"]*)"/)?.1)
        var dark = Set<[Int]>()
        for run in path.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let x = try #require(Int(run.1)), y = try #require(Int(run.2)), width = try #require(Int(run.3))
            #expect(run.3 == run.4)
            for dx in 0..<width { dark.insert([x + dx, y]) }
        }
        #expect(path.replacing(/M\d+ \d+h\d+v1h-\d+z/, with: "").isEmpty)
        return (side, dark)
    }

    @Test func theSVGDrawsTheMatrixWithAFourModuleQuietZone() throws {
        let svg = try QRCode.svg(for: link, moduleSize: 3)
        let matrix = try QRCode.modules(for: link)
        let (side, dark) = try cells(of: svg)
        #expect(side == matrix.count + 8)
        #expect(svg.contains("width=\"\(side * 3)\" height=\"\(side * 3)\""))
        var expected = Set<[Int]>()
        for (y, row) in matrix.enumerated() {
            for (x, isDark) in row.enumerated() where isDark { expected.insert([x + 4, y + 4]) }
        }
        #expect(dark == expected)
        #expect(svg.contains("role=\"img\""))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func theSVGIsDeterministicAndEscapesItsLabel() throws {
        #expect(try QRCode.svg(for: link) == QRCode.svg(for: link))
        let svg = try QRCode.svg(for: "a\"<b>&'c", label: "CĐCS \"Sở\" <GD&ĐT>")
        #expect(svg.contains("aria-label=\"CĐCS &quot;Sở&quot; &lt;GD&amp;ĐT&gt;\""))
        #expect(!svg.contains("<b>"))
        let parsed = try XMLDocument(xmlString: svg)
        #expect(parsed.rootElement()?.name == "svg")
    }

    @Test func textTooLongForAQRCodeIsRefused() {
        #expect(throws: QRCode.Failure.self) { try QRCode.svg(for: String(repeating: "x", count: 5000)) }
    }

    @Test func zbarReadsTheDrawnCodeBack() throws {
        guard let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            toolMissing("zbarimg (Debian zbar-tools) is not installed")
            return
        }
        for text in [link, "Công đoàn Viên chức tỉnh — CĐCS Sở GD&ĐT"] {
            let (side, dark) = try cells(of: try QRCode.svg(for: text))
            // Rasterise the path's cells (8 pixels each) into a PGM image zbar can read.
            let scale = 8
            var pixels = [UInt8](repeating: 255, count: side * side * scale * scale)
            for cell in dark {
                for dy in 0..<scale {
                    let row = (cell[1] * scale + dy) * side * scale
                    for dx in 0..<scale { pixels[row + cell[0] * scale + dx] = 0 }
                }
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("loa-qr-\(UUID().uuidString).pgm")
            defer { try? FileManager.default.removeItem(at: file) }
            try (Data("P5\n\(side * scale) \(side * scale)\n255\n".utf8) + Data(pixels)).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: zbarimg)
            process.arguments = ["--raw", "-q", "-Sbinary", file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: data, as: UTF8.self) == text)
        }
    }
}

/// A tool a test needs is missing: under `make test` (which installs every tool and sets `LOA_TEST_TOOLS=required`)
/// that is a failure; a bare `swift test` skips with the reason printed.
func toolMissing(_ reason: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["LOA_TEST_TOOLS"] == "required" {
        Issue.record("\(reason) — make test-deps installs it", sourceLocation: sourceLocation)
    } else {
        print("SKIPPED: \(reason) (make test installs it)")
    }
}
