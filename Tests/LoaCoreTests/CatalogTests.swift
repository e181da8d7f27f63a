import Foundation
import Testing
import LoaCore

/// Every user-facing text comes from a catalog with Vietnamese and English side by side; these tests render
/// every entry in both languages.
@Suite struct CatalogTests {
    /// Every catalog entry: the generated samples, and the catalogs whose cases can be listed.
    var entries: [(catalog: String, value: any Localizable)] {
        catalogSamples.flatMap { c in c.values.map { (c.catalog, $0) } }
            + PlanRule.allCases.map { ("PlanRule", $0) } + ActivityType.allCases.map { ("ActivityType", $0) }
            + Mood.allCases.map { ("Mood", $0) } + ItemStatus.allCases.map { ("ItemStatus", $0) }
    }

    /// Letters only Vietnamese uses: an English text holding one has Vietnamese left in it.
    static let vietnameseLetters = Set("ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                       + "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")

    @Test func everyEntryRendersInVietnameseAndInEnglish() {
        #expect(entries.count > 400)
        for (catalog, entry) in entries {
            let vi = entry.text(.vi), en = entry.text(.en)
            let name = "\(catalog).\(caseName(entry))"
            #expect(!vi.isEmpty && !en.isEmpty, "\(name) is empty in a language")
            #expect(vi == vi.precomposedStringWithCanonicalMapping, "\(name): Vietnamese is not NFC")
            // the language switch names the other language in its own words; search shows a Vietnamese example
            if !["WebText.switchLanguage", "CommandText.searchSummary", "OfficerText.searchHint"].contains(name) {
                #expect(!en.contains(where: Self.vietnameseLetters.contains), "\(name): English holds Vietnamese: \(en)")
            }
            #expect(!vi.contains("\\(") && !en.contains("\\("), "\(name): an interpolation was not filled")
        }
    }

    @Test func vietnameseTextsAreVietnameseWhereTheyAreWords() {
        // texts that are the same in both languages: codes, names, numbers, what comes from outside Loa
        let same: Set<String> = ["Message.databaseFailed", "Message.verbatim", "WebText.footer", "CommandText.usage",
                                 "DocumentText.nation", "DocumentText.issueNumber", "FormText.heading",
                                 "OfficerText.auditAction", "WebText.urgentEntry", "WebText.appName"]
        for (catalog, entry) in entries {
            let name = "\(catalog).\(caseName(entry))"
            let vi = entry.text(.vi), en = entry.text(.en)
            if vi == en && !same.contains(name) {
                #expect(vi.allSatisfy { !$0.isLetter }, "\(name) reads the same in both languages: \(vi)")
            }
        }
    }

    @Test func everyCaseOfEveryCatalogHasASample() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("Sources/LoaCore/Catalog")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .map { folder.appendingPathComponent($0) } + [root.appendingPathComponent("Sources/LoaCore/Search.swift")]
        var declared = Set<String>()
        for file in files {
            var inCatalog = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.contains("enum "), text.contains("Localizable") { inCatalog = true }
                if text.hasPrefix("public var phrase") { inCatalog = false }
                guard inCatalog, text.hasPrefix("case "), !text.hasPrefix("case ."), !text.contains(":") || text.contains("(") else {
                    continue
                }
                var depth = 0, current = ""
                for c in text.dropFirst(5) + "," {
                    if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                    if c == "," && depth == 0 {
                        let name = current.split(separator: "(")[0].split(separator: "=")[0]
                            .trimmingCharacters(in: .whitespaces)
                        if !name.isEmpty { declared.insert(name) }
                        current = ""
                    } else {
                        current.append(c)
                    }
                }
            }
        }
        let sampled = Set(entries.map { caseName($0.value) })
        let missing = declared.subtracting(sampled).sorted()
        #expect(missing.isEmpty, "no sample for \(missing): run python3 Tests/tools/catalog_samples.py")
    }

    func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value).split(separator: "(")[0].description
    }
}
