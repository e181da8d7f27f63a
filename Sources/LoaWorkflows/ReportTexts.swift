import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// The officers' own part of a report (sections II–IV, `content/reports/NAME.md`): the one door through which the
/// command line reads it and a web editor reads and saves it. `NAME` is the report's file name (`month-2026-12`,
/// `phase-museum-1.1`, `unit-cdcs-so-gddt`, as `Reporting.Request.name`).
public enum ReportTexts {
    /// The text officers wrote for the report `name`; an empty text when there is no file yet.
    public static func read(_ name: String, session s: Session) throws(Failure) -> ReportText {
        let path = try file(name, s)
        let shown = s.paths.relative(path)
        guard FileManager.default.fileExists(atPath: path) else { return ReportText(path: shown) }
        return ReportText(try TextFile.decode(try TextFile.readBytes(path, shownAs: shown), path: shown))
    }

    /// Saves the text officers wrote for the report `name` (Markdown with the headings of `ReportText.Part`): the
    /// file is replaced atomically inside the transaction that records who saved it, so a file that cannot be
    /// written records nothing. The same text again changes nothing.
    public static func save(_ markdown: String, for name: String, session s: Session) throws(Failure)
        -> Editorial.Outcome {
        let path = try file(name, s)
        let shown = s.paths.relative(path)
        // the same checks as reading it back: UTF-8, no control characters, NFC, the size limit
        let text = try TextFile.decode(Array(markdown.utf8), path: shown).text
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        if let old = FileManager.default.contents(atPath: path), [UInt8](old) == bytes { return .unchanged }
        let parts = ReportText(TextFile(path: shown, text: text)).parts.keys.count
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "report text",
                                       action: .reportTextSaved, subject: "report \(name)",
                                       detail: "\(parts) parts"))
                try writeFile(path, bytes)
            }
        }
        return .changed(path: path)
    }

    /// The file of a report's text; a name that is not a report's (a path, a dot-dot) is refused.
    static func file(_ name: String, _ s: Session) throws(Failure) -> String {
        let kinds = ["month-", "phase-", "unit-"]
        guard kinds.contains(where: name.hasPrefix), !name.contains(".."),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                  || $0 == "." }) else {
            throw Failure(.invalidArgument(name, expected: "month-YYYY-MM | phase-PROJECT-PHASE | unit-CODE"),
                          exitCode: ExitCode.usage)
        }
        return s.paths.reportText(name)
    }
}
