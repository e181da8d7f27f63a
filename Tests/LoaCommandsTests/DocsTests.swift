import Foundation
import Testing
@testable import LoaCommands

/// The README and docs/ are the user's reference: they must describe every command and option, and point only to
/// files that exist in the repository.
@Suite struct DocsTests {
    func read(_ rel: String) throws -> String { try String(contentsOfFile: repositoryRoot + "/" + rel, encoding: .utf8) }

    @Test func everyCommandAndOptionIsDocumented() throws {
        let doc = try read("docs/commands.md")
        for entry in commandTable {
            let commands: [any Command.Type] = switch entry {
            case .command(let c): [c]
            case .group(let g): (g.standalone.map { [$0] } ?? []) + g.children
            }
            for c in commands where c.fullName != "help" {
                #expect(doc.contains("`loa \(c.fullName)"), "docs/commands.md does not describe loa \(c.fullName)")
                for o in c.options {
                    #expect(doc.contains(o.name), "docs/commands.md does not mention \(o.name) of loa \(c.fullName)")
                }
            }
        }
        for o in GlobalOptions.all { #expect(doc.contains(o.name)) }
    }

    @Test func everyLinkOfTheReadmeAndTheDocsResolvesInsideTheRepository() throws {
        for file in ["README.md", "docs/formats.md", "docs/commands.md", "docs/rules.md", "docs/web.md"] {
            let whole = try read(file)
            #expect(!whole.contains("../shared"), "\(file) points outside the repository")
            // examples inside fenced code blocks are not links
            let text = whole.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                .joined(separator: "\n")
            let folder = (file as NSString).deletingLastPathComponent
            let pattern = ##"(\]\(|src=")([^)"#:]+)"##
            let regex = try NSRegularExpression(pattern: pattern)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range(at: 2), in: text) else { continue }
                let target = String(text[r])
                let path = ((folder.isEmpty ? "" : folder + "/") + target as NSString).standardizingPath
                #expect(FileManager.default.fileExists(atPath: repositoryRoot + "/" + path), "\(file) links \(target)")
            }
        }
    }
}
