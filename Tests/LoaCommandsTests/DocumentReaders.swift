import Foundation
import Testing

// Readers Loa did not write, for the documents it writes: poppler (pdftotext, pdfinfo, pdffonts), LibreOffice
// headless (Word to PDF) and python-docx (Tests/tools/read_docx.py). Each returns nil, with the reason printed (a
// failure under `make test`), when its tool is missing.

struct ToolOutput {
    let code: Int32
    let text: String
}

/// Runs a tool through `env`; nil (with the reason printed) when it is not installed.
func tool(_ name: String, _ args: [String], in dir: String? = nil) throws -> ToolOutput? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [name] + args
    if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus == 127 {
        toolMissing("\(name) is not installed, so no document was read with it")
        return nil
    }
    return ToolOutput(code: p.terminationStatus, text: String(decoding: data, as: UTF8.self))
}

/// The pages of a PDF as pdftotext lays them out (`-layout`), page 1 first.
func pdfPages(_ pdf: String) throws -> [String]? {
    guard let out = try tool("pdftotext", ["-layout", pdf, "-"]) else { return nil }
    var pages = out.text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
}

/// The first line of a page that holds anything.
func firstLine(_ page: String) -> String {
    page.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
}

/// Word documents converted to PDF by LibreOffice headless, all in one start (it is slow to start), each under the
/// name of its key. LibreOffice runs with a profile of its own, so that parallel tests never share one.
func libreOfficePDFs(_ documents: [String: String], in dir: String) throws -> [String: String]? {
    let input = dir + "/docx", output = dir + "/pdf"
    let fm = FileManager.default
    try fm.createDirectory(atPath: input, withIntermediateDirectories: true)
    for (key, path) in documents { try fm.copyItem(atPath: path, toPath: input + "/" + key + ".docx") }
    let keys = documents.keys.sorted()
    guard let r = try tool("libreoffice", ["-env:UserInstallation=file://" + dir + "/profile", "--headless",
                                           "--convert-to", "pdf", "--outdir", output]
                                          + keys.map { input + "/" + $0 + ".docx" }) else { return nil }
    #expect(r.code == 0, "libreoffice: \(r.text)")
    return Dictionary(uniqueKeysWithValues: keys.map { ($0, output + "/" + $0 + ".pdf") })
}

/// What python-docx reads in each Word document (see Tests/tools/read_docx.py), by path.
func pythonDocx(_ files: [String]) throws -> [String: [String: Any]]? {
    guard let r = try tool("python3", [repositoryRoot + "/Tests/tools/read_docx.py"] + files) else { return nil }
    if r.text.hasPrefix("SKIPPED:") {
        toolMissing(String(r.text.dropFirst(9)).trimmingCharacters(in: .whitespacesAndNewlines))
        return nil
    }
    #expect(r.code == 0, "read_docx.py: \(r.text)")
    return (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [String: [String: Any]]
}

/// Every code of a workspace a reader must never meet in a document: units, clusters, channels and items with a
/// dash in them (a code without one, `website`, is also a plain word), and theme references.
func workspaceCodes(_ root: String) throws -> [String] {
    func lines(_ rel: String) -> [Substring] {
        ((try? String(contentsOfFile: root + "/" + rel, encoding: .utf8)) ?? "").split(separator: "\n")
    }
    var codes = lines("content/units.csv").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    codes += lines("content/units.csv").dropFirst().compactMap { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return fields.count > 2 && !fields[2].isEmpty ? String(fields[2]) : nil
    }
    codes += lines("content/channels.yml").filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) }
    let items = FileManager.default.enumerator(atPath: root + "/content/items")
    while let f = items?.nextObject() as? String {
        if f.hasSuffix(".md") { codes.append(((f as NSString).lastPathComponent as NSString).deletingPathExtension) }
    }
    return Array(Set(codes.filter { $0.contains("-") })).sorted()
}

/// The codes a text shows: any of `codes`, or a theme reference (`museum/1.1/a`).
func codesShown(in text: String, codes: [String]) -> [String] {
    var found = codes.filter { code in
        text.range(of: "(?<![\\p{L}\\p{N}-])" + NSRegularExpression.escapedPattern(for: code) + "(?![\\p{L}\\p{N}-])",
                   options: .regularExpression) != nil
    }
    if let r = text.range(of: #"\b[a-z][a-z-]*/[0-9][0-9.]*/[a-z]\b"#, options: .regularExpression) {
        found.append(String(text[r]))
    }
    return found
}
