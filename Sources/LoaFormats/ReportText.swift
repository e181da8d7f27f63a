import LoaCore

/// The officers' own part of a report (SPEC §6.3): `content/reports/NAME.md`, Markdown whose level-2 headings are
/// `## II. Đánh giá` (with `### 1. Ưu điểm` and `### 2. Hạn chế, nguyên nhân`), `## III. Phương hướng, nhiệm vụ
/// thời gian tới` and `## IV. Đề xuất, kiến nghị`. Headings are found by their numbers (II, III, IV; 1 and 2 under
/// II), so a heading's words may vary; text before the first heading is the officer's own note and prints nowhere.
public struct ReportText: Sendable, Equatable {
    /// The parts officers write, in document order.
    public enum Part: String, Sendable, CaseIterable {
        case assessment, strengths, weaknesses, nextSteps, proposals

        /// The heading as the file writes it, and as a message names a missing part.
        public var heading: String {
            switch self {
            case .assessment: return "## II. Đánh giá"
            case .strengths: return "### 1. Ưu điểm"
            case .weaknesses: return "### 2. Hạn chế, nguyên nhân"
            case .nextSteps: return "## III. Phương hướng, nhiệm vụ thời gian tới"
            case .proposals: return "## IV. Đề xuất, kiến nghị"
            }
        }

        /// Whether a final report needs the part: the text directly under `## II.` is optional, the rest is not.
        public var required: Bool { self != .assessment }
    }

    /// Each part's Markdown, trimmed; a part with no words is absent.
    public private(set) var parts: [Part: String] = [:]
    /// Where each part's heading is, for messages.
    public private(set) var lines: [Part: Int] = [:]
    public let path: String

    public init(path: String, parts: [Part: String] = [:]) {
        self.path = path
        self.parts = parts.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// Reads the officers' text (NFC, LF or CRLF).
    public init(_ file: TextFile) {
        path = file.path
        var current: Part?
        var buffers: [Part: [Substring]] = [:]
        for (n, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let part = ReportText.part(heading: line, under: current) {
                current = part
                lines[part] = lines[part] ?? n + 1
                continue
            }
            if let current { buffers[current, default: []].append(line) }
        }
        for (part, body) in buffers {
            let text = body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { parts[part] = text }
        }
    }

    /// The part a heading line opens: `## II.`, `## III.`, `## IV.`, and `### 1.` or `### 2.` inside II.
    static func part(heading line: Substring, under current: Part?) -> Part? {
        func number(after marks: String) -> String? {
            guard line.hasPrefix(marks + " ") else { return nil }
            let rest = line.dropFirst(marks.count + 1).drop { $0 == " " }
            guard let dot = rest.firstIndex(of: ".") else { return nil }
            return rest[..<dot].uppercased()
        }
        if let n = number(after: "##") {
            switch n {
            case "II": return .assessment
            case "III": return .nextSteps
            case "IV": return .proposals
            default: return nil
            }
        }
        if let n = number(after: "###"), [.assessment, .strengths, .weaknesses].contains(current) {
            return n == "1" ? .strengths : n == "2" ? .weaknesses : nil
        }
        return nil
    }

    /// The parts a final report needs and this text lacks, in order.
    public var missing: [Part] { Part.allCases.filter { $0.required && parts[$0] == nil } }

    /// The text as a file: the parts present, each under its heading, in order. What the web's editor saves.
    public var markdown: String {
        var out = ""
        for part in Part.allCases {
            let body = parts[part]
            if part == .assessment, body == nil, parts[.strengths] != nil || parts[.weaknesses] != nil {
                out += part.heading + "\n\n"
            }
            guard let body else { continue }
            out += part.heading + "\n\n" + body + "\n\n"
        }
        return out
    }
}
