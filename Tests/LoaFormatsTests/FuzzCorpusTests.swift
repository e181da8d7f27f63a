import Foundation
import Testing

/// Issue 17, "Done when": the damaged-input corpus (`Tests/fuzz/make_corpus.py`, fixed seed, over a thousand
/// report forms and activity tables, every kind of damage the issue names) goes through the real importer —
/// the built `loa` binary, so a crash is a failed run of one process, not of the test — and gives no crash,
/// no hang and no partial write: every file is imported or rejected, every file damaged beyond repair is
/// rejected, every valid file is imported, and rejected files leave the database exactly as it was.
@Suite struct FuzzCorpusTests {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let binary = repositoryRoot + "/.build/debug/loa"
    static let seed = 20_261_106
    static let batchSize = 40
    /// A generous allowance per file (a debug build imports the largest file of the corpus in about a second):
    /// a batch that takes longer is stuck, and is stopped and reported as a hang.
    static let secondsPerFile = 3.0

    struct Entry { let path: String, kind: String, expect: String }
    struct Outcome { var exit: Int32 = 0, signaled = false, timedOut = false, stdout = Data(), stderr = Data() }

    /// Runs a program with a deadline; output is drained while it runs, so a chatty child never blocks.
    static func run(_ executable: String, _ args: [String], in dir: String, timeout: Double) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LOA_LANG": "en"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        nonisolated(unsafe) var outcome = Outcome()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outcome.stdout = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { outcome.stderr = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning, Date() < deadline { usleep(20_000) }
        if p.isRunning {
            outcome.timedOut = true
            kill(p.processIdentifier, SIGKILL)
        }
        p.waitUntilExit()
        group.wait()
        outcome.exit = p.terminationStatus
        outcome.signaled = p.terminationReason == .uncaughtSignal
        return outcome
    }

    /// A fresh copy of the shipped workspace (plan, channels, units, items, observances).
    static func workspace(in dir: String, _ name: String) throws -> String {
        let root = dir + "/" + name
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/calendars", withIntermediateDirectories: true)
        try fm.copyItem(atPath: repositoryRoot + "/content", toPath: root + "/content")
        let observances = "/calendars/observances.ics"
        try fm.copyItem(atPath: repositoryRoot + observances, toPath: root + observances)
        return root
    }

    /// Imports `files` in batches; returns each file's result ("imported", "rejected" …), recording an issue for
    /// every file that crashed, hung or made the importer exit with a code other than 0 or 65.
    static func importAll(_ files: [Entry], into ws: String, corpus: String) throws -> [String: String] {
        var results: [String: String] = [:]
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            start += batchSize
            if let parsed = try importBatch(batch, into: ws, corpus: corpus) {
                results.merge(parsed) { a, _ in a }
                continue
            }
            // the batch failed as a whole: find the files that make the importer fail on their own
            for entry in batch {
                if let one = try importBatch([entry], into: ws, corpus: corpus, reportAs: entry) {
                    results.merge(one) { a, _ in a }
                }
            }
        }
        return results
    }

    static func importBatch(_ batch: [Entry], into ws: String, corpus: String,
                            reportAs culprit: Entry? = nil) throws -> [String: String]? {
        let args = ["--workspace", ws, "--today", "2026-12-06", "import", "--format", "json"]
            + batch.map { corpus + "/" + $0.path }
        let o = try run(binary, args, in: corpus, timeout: 20 + secondsPerFile * Double(batch.count))
        let what = culprit.map { "\($0.path) (\($0.kind))" }
        let tail = String(decoding: o.stderr.suffix(600), as: UTF8.self)
        if o.timedOut {
            if let what { Issue.record("hang: \(what)") }
            return nil
        }
        if o.signaled || ![0, 65].contains(o.exit) {
            if let what { Issue.record("crash or unexpected exit \(o.exit) (signal: \(o.signaled)): \(what)\n\(tail)") }
            return nil
        }
        guard let json = try? JSONSerialization.jsonObject(with: o.stdout) as? [String: Any],
              let files = json["files"] as? [[String: Any]] else {
            if let what { Issue.record("no JSON summary: \(what)\n\(tail)") }
            return nil
        }
        var out: [String: String] = [:]
        for f in files {
            if let path = f["path"] as? String, let result = f["result"] as? String {
                out[(path as NSString).lastPathComponent] = result
            }
        }
        return out
    }

    static func dump(_ database: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return nil }
        let o = try run("/usr/bin/sqlite3", [database, ".dump"], in: "/", timeout: 60)
        return String(decoding: o.stdout, as: UTF8.self)
    }

    @Test func theDamagedInputCorpusNeverCrashesHangsOrWritesPartOfARejectedFile() throws {
        guard FileManager.default.isExecutableFile(atPath: FuzzCorpusTests.binary) else {
            print("skipped: \(FuzzCorpusTests.binary) is missing; run swift build first")
            return
        }
        let temp = NSTemporaryDirectory() + "loa-fuzz-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let corpus = temp + "/corpus"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        let script = FuzzCorpusTests.repositoryRoot + "/Tests/fuzz/make_corpus.py"
        let made = try FuzzCorpusTests.run("/usr/bin/env", ["python3", script, "--seed", String(FuzzCorpusTests.seed),
                                                           "--out", corpus], in: temp, timeout: 120)
        guard made.exit == 0, !made.timedOut else {
            print("skipped: python3 could not write the corpus: " + String(decoding: made.stderr, as: UTF8.self))
            return
        }
        let manifestData = try Data(contentsOf: URL(fileURLWithPath: corpus + "/manifest.json"))
        let manifest = try JSONSerialization.jsonObject(with: manifestData)
        let files = ((manifest as? [String: Any])?["files"] as? [[String: String]] ?? []).compactMap { f -> Entry? in
            guard let p = f["path"], let k = f["kind"], let e = f["expect"] else { return nil }
            return Entry(path: p, kind: k, expect: e)
        }
        let kinds = Set(files.map(\.kind))
        #expect(files.count >= 1000)
        #expect(kinds.count >= 20)

        // two lanes on two cores: files that must be rejected, and the rest
        let mustReject = files.filter { $0.expect == "reject" }, others = files.filter { $0.expect != "reject" }
        let rejectWS = try FuzzCorpusTests.workspace(in: temp, "reject")
        let otherWS = try FuzzCorpusTests.workspace(in: temp, "other")
        nonisolated(unsafe) var laneResults: [[String: String]] = [[:], [:]]
        nonisolated(unsafe) var laneErrors: [Error?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            do {
                laneResults[lane] = try FuzzCorpusTests.importAll(lane == 0 ? mustReject : others,
                                                                 into: lane == 0 ? rejectWS : otherWS, corpus: corpus)
            } catch { laneErrors[lane] = error }
        }
        for case let error? in laneErrors { throw error }
        let results = laneResults[0].merging(laneResults[1]) { a, _ in a }

        for f in files {
            guard let result = results[f.path] else { Issue.record("no result for \(f.path) (\(f.kind))"); continue }
            if f.expect == "reject", result != "rejected" {
                Issue.record("\(f.path) (\(f.kind)) was \(result), not rejected")
            }
            if f.expect == "accept", result == "rejected" { Issue.record("\(f.path) (\(f.kind)) was rejected") }
        }

        // rejected files leave no trace: a database that saw only them equals one that saw a single empty file
        let otherRejected = others.filter { results[$0.path] == "rejected" }
        let lateWS = try FuzzCorpusTests.workspace(in: temp, "late-rejects")
        _ = try FuzzCorpusTests.importAll(otherRejected, into: lateWS, corpus: corpus)
        let referenceWS = try FuzzCorpusTests.workspace(in: temp, "reference")
        try Data("x".utf8).write(to: URL(fileURLWithPath: temp + "/empty.md"))
        _ = try FuzzCorpusTests.run(FuzzCorpusTests.binary, ["--workspace", referenceWS, "import", temp + "/empty.md"],
                                    in: temp, timeout: 60)
        guard let reference = try FuzzCorpusTests.dump(referenceWS + "/loa.sqlite") else {
            print("skipped the database comparison: the sqlite3 tool is not installed")
            return
        }
        #expect(reference.contains("CREATE TABLE"))
        #expect(try FuzzCorpusTests.dump(rejectWS + "/loa.sqlite") == reference,
                "files that must be rejected wrote to the database")
        if !otherRejected.isEmpty {
            #expect(try FuzzCorpusTests.dump(lateWS + "/loa.sqlite") == reference,
                    "rejected files wrote to the database")
        }
        let rejected = results.values.filter { $0 == "rejected" }.count
        print("fuzz corpus: \(files.count) files, \(kinds.count) kinds, \(rejected) rejected")
    }
}
