import Foundation
import Testing
@testable import LoaFormats
import LoaCore

/// The rule of SPEC §2.2 ("a strict subset"): whatever Loa's YAML reader accepts, PyYAML's `safe_load`
/// (BaseLoader, every scalar a string) reads as the same strings. Checked on thousands of generated documents
/// built from the characters YAML treats as syntax, and on every shipped YAML file and front matter.
@Suite struct YAMLAgreementTests {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Pieces of values: text, YAML indicators, quotes, escapes, white space and line breaks.
    static let pieces = [
        "a", "b c", "é", "Điện Biên", "1.1", "x:y", "http://x", ": ", ":", " #", "#", "#x", "-", "- ", "-x", "?", "? ",
        "[", "]", ",", ", ", "{", "}", "'", "\"", "\\", "\t", "  ", "&", "*", "!", "|", "|-", ">", "%", "@", "`",
        "'it''s'", "\"q\\\"\"", "\"\\u00e9\"", "\"a\\tb\"", "\"x\\\n  y\"", "'multi\n  line'", "\"two\n\n  para\"",
        "\n", "\n  ", "\n\n  ", "\n   ", "--- ", "...", "[a, b]", "[a,\n  b]", "[]", "\"\"", "''", "~", "null",
    ]

    static let templates = [
        "k: {V}\n", "k: {V}\nz: 1\n", "l:\n  - {V}\n  - x\n", "k: [{V}, b]\n", "k: {V}\n  {W}\nz: 1\n",
        "- k: {V}\n  z: {W}\n", "k:\n  {V}\n", "k: |\n  {V}\n   {W}\n\nz: 1\n", "k: \"{V}\"\n", "k: '{V}'\n",
        "{V}: 1\n", "k:\n- {V}\n- {W}\n", "a:\n  b: {V}\n  c: {W}\n", "k: [{V},\n  {W}]\n", "k: {V} # c\n",
        "- {V}\n- - {W}\n", "k: |+\n  {V}\n\n\n", "k: >\n  {V}\n",
    ]

    /// Deterministic documents: each template filled with one to four random pieces per slot.
    static func generated(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        func value() -> String { (0...next(4)).map { _ in pieces[next(pieces.count)] }.joined() }
        return (0..<count).map { _ in
            templates[next(templates.count)].replacingOccurrences(of: "{V}", with: value())
                .replacingOccurrences(of: "{W}", with: value())
        }
    }

    static func json(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s, _): return jsonString(s)
        case .sequence(let items, _): return "[" + items.map(json).joined(separator: ",") + "]"
        case .mapping(let entries, _):
            return "{" + entries.map { jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The documents PyYAML refuses or reads differently from Loa, as JSON lines; nil when PyYAML is missing.
    static func disagreements(_ accepted: [(yaml: String, tree: YAMLNode)]) throws -> String? {
        let input = accepted.map { "{\"yaml\":\(jsonString($0.yaml)),\"loa\":\(json($0.tree))}\n" }.joined()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repositoryRoot + "/Tests/tools/yaml_agree.py"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 3 { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func everyGeneratedDocumentLoaAcceptsReadsTheSameInPyYAML() throws {
        var accepted: [(yaml: String, tree: YAMLNode)] = []
        var refused = 0
        for doc in YAMLAgreementTests.generated(count: 6000, seed: 17) {
            do throws(Failure) {
                if let node = try YAMLParser.parse(TextFile(path: "g.yml", text: doc)) { accepted.append((doc, node)) }
            } catch {
                refused += 1
            }
        }
        // both outcomes must be well represented, or the generator tests nothing
        #expect(accepted.count > 1000)
        #expect(refused > 1000)
        guard let report = try YAMLAgreementTests.disagreements(accepted) else {
            print("skipped: PyYAML is not installed (python3 -m pip install pyyaml)")
            return
        }
        #expect(report.isEmpty, "Loa accepts YAML that PyYAML reads differently:\n\(report.prefix(4000))")
    }

    @Test func everyShippedYAMLFileAndFrontMatterReadsTheSameInPyYAML() throws {
        let root = YAMLAgreementTests.repositoryRoot
        var accepted: [(yaml: String, tree: YAMLNode)] = []
        var files = ["content/plan.yml", "content/channels.yml"].map { root + "/" + $0 }
        for dir in ["content/items", "reports/samples", "Tests/Fixtures"] {
            files += WorkspaceLoader.listFiles(root + "/" + dir, extension: "md")
            files += WorkspaceLoader.listFiles(root + "/" + dir, extension: "yml")
        }
        for path in files {
            let file = try TextFile.read(path)
            let yamlLines: ArraySlice<Substring>
            yamlLines = path.hasSuffix(".md") ? try FrontMatter.split(file).yaml : file.lines[...]
            let text = yamlLines.joined(separator: "\n") + "\n"
            let node = try YAMLParser.parse(lines: yamlLines, path: path)
            if let node { accepted.append((text, node)) }
        }
        #expect(accepted.count > 40)
        guard let report = try YAMLAgreementTests.disagreements(accepted) else {
            print("skipped: PyYAML is not installed (python3 -m pip install pyyaml)")
            return
        }
        #expect(report.isEmpty, "shipped YAML that PyYAML reads differently:\n\(report.prefix(4000))")
    }
}
