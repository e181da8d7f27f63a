import Foundation
import Testing

// Issue 17, "Never crash, never stall, never let one bad form poison the reports", point by point through the
// built `loa` binary. The parsers' own limits are tested in LoaFormatsTests (InputLimitsTests, CSVStrictnessTests,
// YAMLStrictnessTests, FuzzCorpusTests) and LoaCoreTests (InputRangeTests); here a user meets them.

/// What a process did within its deadline.
struct TimedRun {
    let result: RunResult
    /// Still running at the deadline, and killed.
    let timedOut: Bool
    /// Ended by a signal (a trap is SIGILL or SIGTRAP, a stack overflow SIGSEGV).
    let signaled: Bool
}

/// Runs a program with a deadline (so a hang fails the test instead of stalling the suite), draining its output.
func runProcess(_ executable: String, _ arguments: [String], env: [String: String] = [:],
                timeout: Double = 60) throws -> TimedRun {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                       "LOA_HOME": repositoryRoot]
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning, Date() < deadline { usleep(10_000) }
    let timedOut = p.isRunning
    if timedOut { kill(p.processIdentifier, SIGKILL) }
    p.waitUntilExit()
    group.wait()
    let result = RunResult(code: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    return TimedRun(result: result, timedOut: timedOut, signaled: p.terminationReason == .uncaughtSignal)
}

/// Control characters a terminal would act on (line feeds aside): what `loa` must never print raw.
func terminalControls(_ s: String) -> [Unicode.Scalar] {
    s.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
}

/// 17.1: dates outside 1900–2200 are input errors wherever they come from, never a trap.
@Suite struct DateRangeCommandTests {
    @Test func datesOutsideTheSaneYearsAreUsageErrorsOnTheCommandLine() throws {
        let ws = try TempWorkspace()
        let commands: [[String]] = [
            ["--today", "9999-12-31", "status"], ["--today", "0000-01-01", "status"],
            ["report", "phase", "museum", "1.1", "--from", "0000-01-01", "--format", "json"],
            ["report", "unit", "cdcs-cdc", "--to", "9999-12-31", "--format", "json"],
            ["plan", "9999-12"], ["report", "month", "0000-01"],
        ]
        for args in commands {
            let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05"] + args)
            #expect(r.result.code == 64 && !r.signaled, "\(args): exit \(r.result.code) \(r.result.stderr)")
            #expect(r.result.stderr.hasPrefix("loa: error: "), "\(args): \(r.result.stderr)")
            if args.contains(where: { $0.count == 10 && ($0.hasPrefix("0000") || $0.hasPrefix("9999")) }) {
                #expect(r.result.stderr.contains("nằm ngoài khoảng năm 1900–2200"), "\(args): \(r.result.stderr)")
            }
        }
        let env = try runProcess(loaBinary, ["--workspace", ws.root, "status"], env: ["LOA_TODAY": "9999-12-31"])
        #expect(env.result.code == 64 && !env.signaled, "\(env.result.stderr)")
    }

    @Test func datesOutsideTheSaneYearsInFormsTablesAndItemsAreErrorsAtTheirPosition() throws {
        let ws = try TempWorkspace()
        try ws.write("in/d.csv", "unit,date,type,title,themes,participants,items\ncdcs-cdc,0000-11-06,khac,X,,3,\n")
        try ws.write("in/d.md", sampleForm(date: "9999-11-12"))
        let r = try ws.run(["import", ws.path("in"), "--format", "json"], today: "2026-12-05")
        #expect(r.code == 65, "\(r.stderr)")
        #expect(r.stderr.contains("in/d.csv:2:10: error: "), "\(r.stderr)")
        #expect(r.stderr.contains("in/d.md:9:11: error: \"9999-11-12\" nằm ngoài khoảng năm"), "\(r.stderr)")
        #expect(r.stderr.contains("error: \"0000-11-06\" nằm ngoài khoảng năm"), "\(r.stderr)")
        #expect(try jsonObject(r)["rejected"] as? Int == 2)
        let recorded = "SELECT (SELECT count(*) FROM forms) + (SELECT count(*) FROM activities)"
        #expect(try sqlite(ws.path("loa.sqlite"), recorded) == "0")
        try ws.edit(museumItemPath, replacing: "approved: 2026-10-20", with: "approved: 0000-10-20")
        let check = try runProcess(loaBinary, ["--workspace", ws.root, "check"])
        #expect(check.result.code == 65 && !check.signaled, "\(check.result.stderr)")
        #expect(check.result.stderr.contains(museumItemPath + ":8:11: error: "), "\(check.result.stderr)")
    }
}

/// The shipped item some tests edit.
let museumItemPath = "content/items/bao-tang/bao-tang-vi-sao-can-xay.md"

/// 17.2 and 17.3: input built to overflow the stack or trap the CSV reader is an error with a position.
@Suite struct DamagedInputCommandTests {
    @Test func fiftyThousandNestedDashesAreAClearErrorInAFormAndInAnItem() throws {
        let ws = try TempWorkspace()
        let deep = String(repeating: "- ", count: 50_000) + "x\n"
        try ws.write("deep.md", "---\nform: loa-report/1\nunit: cdcs-cdc\nperiod: 2026-11\nactivities:\n"
                     + deep + "---\n")
        let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "--lang", "en",
                                           "import", ws.path("deep.md")])
        #expect(r.result.code == 65 && !r.signaled, "exit \(r.result.code): \(r.result.stderr.prefix(300))")
        #expect(r.result.stderr.contains("deep.md:6:"), "\(r.result.stderr.prefix(300))")
        #expect(r.result.stderr.contains("nesting deeper than"), "\(r.result.stderr.prefix(300))")
        try ws.write("content/items/deep.md", "---\ntitle: X\nthemes:\n" + deep + "---\nBody.\n")
        let check = try runProcess(loaBinary, ["--workspace", ws.root, "--lang", "en", "check"])
        #expect(check.result.code == 65 && !check.signaled, "exit \(check.result.code)")
        #expect(check.result.stderr.contains("content/items/deep.md:4:"), "\(check.result.stderr.prefix(300))")
        #expect(check.result.stderr.contains("nesting deeper than"))
    }

    @Test func invalidUTF8AcrossAQuotedLineBreakIsAnErrorNotATrap() throws {
        let ws = try TempWorkspace()
        let bytes = Array("unit,date,type,title,themes,participants,items\ncdcs-cdc,2026-11-03,khac,\"Dòng một\n".utf8)
            + [0xE1, 0x80] + Array(" hai\",,3,\n".utf8)
        try ws.write("bad.csv", bytes: bytes)
        let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "--lang", "en",
                                           "import", ws.path("bad.csv")])
        #expect(r.result.code == 65 && !r.signaled, "exit \(r.result.code): \(r.result.stderr)")
        #expect(r.result.stderr.contains("bad.csv:3:1: error: invalid UTF-8"), "\(r.result.stderr)")
    }
}

/// 17.4: numbers have bounds at input, and sums over what is already recorded never trap.
@Suite struct ParticipantBoundsTests {
    @Test func anImplausibleParticipantCountIsRefusedAtImportWithItsPosition() throws {
        let ws = try TempWorkspace()
        try ws.write("in/a.md", sampleForm(participants: "9999999999"))
        try ws.write("in/b.csv", "unit,date,type,title,themes,participants,items\n"
                     + "cdcs-cdc,2026-11-03,khac,X,,1000000,\ncdcs-cdc,2026-11-04,khac,Y,,99999999999999999999999,\n")
        let r = try ws.run(["import", ws.path("in"), "--lang", "en"], today: "2026-12-05")
        #expect(r.code == 65)
        #expect(r.stderr.contains("in/a.md:13:19: error: 9999999999 participants is not plausible"), "\(r.stderr)")
        #expect(r.stderr.contains("in/b.csv:2:29: error: 1000000 participants is not plausible"), "\(r.stderr)")
        #expect(r.stderr.contains("in/b.csv:3:29: error: "), "\(r.stderr)")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM activities") == "0")
        // below the bound it is recorded, with a warning when far above the unit's members
        try ws.write("ok.csv", "unit,date,type,title,themes,participants,items\ncdcs-cdc,2026-11-03,khac,X,,999999,\n")
        let ok = try ws.run(["import", ws.path("ok.csv"), "--lang", "en"], today: "2026-12-05")
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("ok.csv:2:29: warning: 999999 participants"), "\(ok.stderr)")
    }

    @Test func aDatabasePoisonedByAnOlderLoaStillGivesEveryReportWithoutATrap() throws {
        guard toolAvailable("sqlite3", for: "poisoning a database") else { return }
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm())
        try ws.write("t.csv", "unit,date,type,title,themes,participants,items\n"
                     + "cdcs-cdc,2026-11-03,khac,X,museum/1.1/b,3,\ncdcs-cdc,2026-11-04,khac,Y,museum/1.1/b,4,\n")
        #expect(try ws.run(["import", ws.path("a.md"), ws.path("t.csv")], today: "2026-12-05").code == 0)
        // what an older binary let in: participants at the top of SQLite's integers, three times over
        let db = ws.path("loa.sqlite")
        let poison = try runTool(["sqlite3", db, "UPDATE activities SET participants = 9223372036854775807"])
        #expect(poison.code == 0, "\(poison.stderr)")
        let reports: [[String]] = [
            ["report", "month", "2026-11", "--format", "json"], ["report", "month", "2026-11", "--format", "md"],
            ["report", "month", "2026-11", "--format", "html"], ["report", "month", "2026-11", "--format", "csv"],
            ["report", "month", "2026-11"], ["report", "phase", "museum", "1.1", "--format", "json"],
            ["report", "phase", "museum", "1.1"], ["report", "unit", "cdcs-cdc", "--format", "html"], ["status"],
        ]
        for args in reports {
            let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-08"] + args)
            #expect(r.result.code == 0 && !r.signaled, "\(args): exit \(r.result.code) \(r.result.stderr)")
        }
        let month = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-08", "report", "month",
                                               "2026-11", "--format", "json"])
        #expect(month.result.stdout.contains("\"participants\": 9223372036854775807"), "the sum saturates")
    }
}

/// 17.5: parsing is linear and inputs have limits; what is over a limit is refused with the limit named.
@Suite struct InputSizeCommandTests {
    @Test func aFormOverTheSizeLimitAndARowOfThreeHundredThousandCommasAreRefusedWithTheirLimit() throws {
        let ws = try TempWorkspace()
        let sentence = "Đoàn viên đồng tình, quan tâm tiến độ xây dựng Bảo tàng. "
        let long = String(repeating: sentence, count: 2_000_000 / sentence.utf8.count)
        try ws.write("big.md", sampleForm().replacingOccurrences(of: "summary: Đoàn viên đồng tình",
                                                                  with: "summary: \(long)Đoàn viên đồng tình"))
        try ws.write("wide.csv", "unit,date,type,title,themes,participants,items\ncdcs-cdc,2026-11-03,khac,X"
                     + String(repeating: ",", count: 300_000) + "\n")
        let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "--lang", "en",
                                           "import", ws.path("big.md"), ws.path("wide.csv")])
        #expect(r.result.code == 65 && !r.timedOut, "exit \(r.result.code): \(r.result.stderr.prefix(400))")
        #expect(r.result.stderr.contains("big.md:1:1: error: file too large"), "\(r.result.stderr.prefix(400))")
        #expect(r.result.stderr.contains("wide.csv:2:"), "\(r.result.stderr.prefix(400))")
        #expect(r.result.stderr.contains("row has more than 1000 fields"), "\(r.result.stderr.prefix(400))")
        // just under the limit, a long Vietnamese summary is read and recorded whole
        let fits = String(repeating: sentence, count: 900_000 / sentence.utf8.count)
        try ws.write("fits.md", sampleForm().replacingOccurrences(of: "summary: Đoàn viên đồng tình",
                                                                   with: "summary: \(fits)Đoàn viên đồng tình"))
        let ok = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "import",
                                            ws.path("fits.md")])
        #expect(ok.result.code == 0 && !ok.timedOut, "\(ok.result.stderr.prefix(400))")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT length(feedback_summary) FROM forms")
                == String(fits.count + "Đoàn viên đồng tình, quan tâm tiến độ xây dựng Bảo tàng.".count))
    }
}

/// 17.6 and 17.7, "readers run beside a long import without waiting": while an import holds the write lock,
/// search, reports, status, alerts and a backup all finish — and the backup is a consistent snapshot.
@Suite struct ReadersBesideALongImportTests {
    /// Large enough that a debug build imports it for over a minute, so the readers finish long before.
    static let rows = 300_000

    @Test func searchReportStatusAlertsAndBackupFinishWhileALongImportHoldsTheWriteLock() throws {
        guard toolAvailable("sqlite3", for: "watching the write lock") else { return }
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm(sensitive: true))
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let db = ws.path("loa.sqlite")
        let recorded = try sqlite(db, "SELECT count(*) FROM activities")
        let units = ["cdcs-so-gddt", "cdcs-so-yte", "cdcs-so-tc", "cdcs-cdc", "cdcs-so-nv"]
        var csv = "unit,date,type,title,themes,participants,items\n"
        csv.reserveCapacity(Self.rows * 64)
        for i in 0..<Self.rows {
            csv += units[i % units.count] + ",2026-11-" + (i % 28 < 9 ? "0" : "") + String(i % 28 + 1)
                + ",khac,Sinh hoạt số " + String(i) + ",museum/1.1/a,5,\n"
        }
        try ws.write("big.csv", csv)

        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: loaBinary)
        importer.arguments = ["--workspace", ws.root, "--today", "2026-12-05", "import", ws.path("big.csv")]
        importer.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        defer {
            if importer.isRunning { kill(importer.processIdentifier, SIGKILL) }
            importer.waitUntilExit()
        }
        /// Another writer is refused at once: the import holds the write lock.
        func writerHoldsTheLock() -> Bool {
            guard let r = try? runTool(["sqlite3", db, "BEGIN IMMEDIATE; ROLLBACK;"]) else { return false }
            return r.code != 0 && r.stderr.contains("locked")
        }
        let deadline = Date().addingTimeInterval(60)
        while importer.isRunning, !writerHoldsTheLock(), Date() < deadline { usleep(50_000) }
        try #require(importer.isRunning && writerHoldsTheLock(), "the import never held the write lock")

        let backup = ws.path("copy.sqlite")
        let readers: [([String], String)] = [
            (["search", "hoi nghi quan triet"], "cdcs-so-gddt 2026-11-12"),
            (["report", "month", "2026-11"], "out/reports/month-2026-11.html"),
            (["status"], "#1"), (["alerts"], "Tin đồn thất thiệt trên mạng"), (["backup", backup], backup),
        ]
        for (args, expected) in readers {
            let r = try ws.run(args, today: "2026-12-06")
            #expect(r.code == 0, "loa \(args.joined(separator: " ")) beside the import: exit \(r.code) \(r.stderr)")
            #expect(r.stdout.contains(expected), "loa \(args.joined(separator: " ")): \(r.stdout)")
        }
        let stillImporting = importer.isRunning && writerHoldsTheLock()
        #expect(stillImporting,
                "the import ended before the readers were done: make the table (\(Self.rows) rows) larger")

        #expect(try sqlite(backup, "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(backup, "SELECT count(*) FROM activities") == recorded)   // a snapshot without the import
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(db, "SELECT count(*) FROM activities") == recorded)
    }
}

/// 17.8: a workspace the user may read but not write (a mounted copy, an auditor's account) serves every reader.
@Suite struct ReadOnlyWorkspaceTests {
    /// How to run `loa` as a user who cannot write the workspace: as root, `nobody` through setpriv (root writes
    /// anywhere); otherwise this user, once the folder is made read-only. Nil, with the reason printed, when the
    /// tool is missing.
    static func unprivileged() -> [String]? {
        guard geteuid() == 0 else { return [] }
        for path in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: path) {
            return [path, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        toolMissing("running loa as nobody: setpriv (util-linux) is not installed")
        return nil
    }

    /// Takes write access away (everyone may still read); gives it back to the owner when the value goes away.
    final class ReadOnly {
        let path: String
        init(_ path: String) throws {
            self.path = path
            let mode = geteuid() == 0 ? "a+rX,go-w" : "a+rX,a-w"
            #expect(try runTool(["chmod", "-R", mode, path]).code == 0)
        }
        deinit { _ = try? runTool(["chmod", "-R", "u+w", path]) }
    }

    /// A folder anyone may write, for what a read-only user produces.
    final class Scratch {
        let path = NSTemporaryDirectory() + "loa-scratch-" + UUID().uuidString
        init() throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o777])
            chmod(path, 0o777)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func run(_ prefix: [String], _ root: String, _ args: [String]) throws -> TimedRun {
        let argv = ["--workspace", root, "--today", "2026-12-08"] + args
        if prefix.isEmpty { return try runProcess(loaBinary, argv) }
        return try runProcess(prefix[0], Array(prefix.dropFirst()) + [loaBinary] + argv)
    }

    static func listing(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func reportAlertsStatusSearchAndBackupWorkInAWorkspaceTheUserCannotWrite() throws {
        guard let prefix = Self.unprivileged(), toolAvailable("sqlite3", for: "checking the backup") else { return }
        let ws = try TempWorkspace()
        let imported = try ws.run(["import", ws.path("reports/samples")], today: "2026-12-08")
        #expect(imported.code == 0, "\(imported.stderr)")
        let expected = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08").stdout
        let forms = try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM forms")
        let before = Self.listing(ws.root)
        let scratch = try Scratch()
        let locked = try ReadOnly(ws.root)
        let readers: [([String], String)] = [
            (["report", "month", "2026-11", "--format", "json"], "\"reporting\""),
            (["report", "phase", "museum", "1.1", "--format", "md", "-o", scratch.path + "/phase.md"], ""),
            (["alerts", "--include-sensitive"], "#1"), (["status"], "#1"), (["search", "chuyen doi so"], "[bài]"),
            (["search", "bao tang"], "[hoạt động]"), (["backup", scratch.path + "/copy.sqlite"], "copy.sqlite"),
        ]
        for (args, output) in readers {
            let r = try Self.run(prefix, ws.root, args)
            #expect(r.result.code == 0, "loa \(args.joined(separator: " ")): exit \(r.result.code) \(r.result.stderr)")
            #expect(output.isEmpty ? r.result.stdout.isEmpty : r.result.stdout.contains(output),
                    "loa \(args.joined(separator: " ")): \(r.result.stdout.prefix(300))")
        }
        let month = try Self.run(prefix, ws.root, ["report", "month", "2026-11", "--format", "json"])
        #expect(month.result.stdout == expected)
        #expect(try sqlite(scratch.path + "/copy.sqlite", "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(scratch.path + "/copy.sqlite", "SELECT count(*) FROM forms") == forms)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/phase.md"))
        #expect(Self.listing(ws.root) == before, "a reader wrote into the read-only workspace")
        withExtendedLifetime(locked) {}
    }

    @Test func aCopyWhoseWriteAheadLogCameWithoutItsIndexReadsEverythingTheLogHolds() throws {
        guard let prefix = Self.unprivileged(), toolAvailable("sqlite3", for: "holding the database open") else {
            return
        }
        let ws = try TempWorkspace()
        #expect(try ws.run(["import", ws.path("reports/samples/2026-10")], today: "2026-12-08").code == 0)
        // a second connection keeps the log from being folded into the file when loa closes
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", ws.path("loa.sqlite")]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        input.fileHandleForWriting.write(Data("SELECT count(*) FROM forms;\n".utf8))
        let answered = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { _ = output.fileHandleForReading.availableData; answered.signal() }
        try #require(answered.wait(timeout: .now() + 30) == .success, "sqlite3 did not open the database")
        #expect(try ws.run(["import", ws.path("reports/samples/2026-11")], today: "2026-12-08").code == 0)
        // the copy: files, the database and its -wal, but not the -shm index
        let copy = try TempWorkspace()
        let fm = FileManager.default
        try fm.copyItem(atPath: ws.path("loa.sqlite"), toPath: copy.path("loa.sqlite"))
        try fm.copyItem(atPath: ws.path("loa.sqlite-wal"), toPath: copy.path("loa.sqlite-wal"))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        let expected = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08").stdout
        // the file alone does not hold November: only the log does
        let fileAlone = try sqlite("file:" + copy.path("loa.sqlite") + "?immutable=1",
                                   "SELECT count(*) FROM forms WHERE period = '2026-11'")
        #expect(fileAlone == "0", "the log holds nothing the file lacks, so this test checks nothing")
        let locked = try ReadOnly(copy.root)
        let month = try Self.run(prefix, copy.root, ["report", "month", "2026-11", "--format", "json"])
        #expect(month.result.code == 0, "\(month.result.stderr)")
        #expect(month.result.stdout == expected, "a read-only copy left out what its -wal holds")
        #expect(!fm.fileExists(atPath: copy.path("loa.sqlite-shm")))
        withExtendedLifetime(locked) {}
    }
}

/// 17.9: text recorded before control characters were refused never reaches the terminal raw.
@Suite struct TerminalEscapeTests {
    @Test func escapeSequencesAlreadyInTheDatabaseComeOutEscapedFromAlertsAndSearch() throws {
        guard toolAvailable("sqlite3", for: "recording text as an older loa did") else { return }
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm())
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let sql = """
            INSERT INTO alerts (unit, period, topic, detail, opened_on) VALUES ('cdcs-cdc', '2026-11',
              'Tin' || char(27) || '[2K' || char(13) || 'Giả mạo', 'Chi tiết' || char(27) || ']0;x' || char(7),
              '2026-12-01');
            INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded) VALUES ('feedback',
              'cdcs-cdc' || char(27) || '[1A', NULL, 0, 'Tiêu đề' || char(27) || '[31m',
              'Nội dung' || char(27) || '[2J' || char(8) || char(155) || 'x', 'zzdauhieu');
            """
        let poison = try runTool(["sqlite3", ws.path("loa.sqlite"), sql])
        #expect(poison.code == 0, "\(poison.stderr)")
        let commands: [[String]] = [["alerts"], ["alerts", "--include-sensitive"], ["alerts", "--all"],
                                    ["alerts", "--format", "json", "--include-sensitive"], ["search", "zzdauhieu"],
                                    ["search", "zzdauhieu", "--format", "json"]]
        for args in commands {
            let r = try ws.run(args, today: "2026-12-08")
            #expect(r.code == 0, "\(args): \(r.stderr)")
            #expect(terminalControls(r.stdout).isEmpty, "\(args): raw \(terminalControls(r.stdout)) in \(r.stdout)")
        }
        let alerts = try ws.run(["alerts", "--include-sensitive"], today: "2026-12-08").stdout
        #expect(alerts.contains("Tin\\u{1B}[2K\\u{D}Giả mạo"), "\(alerts)")
        #expect(alerts.contains("Chi tiết\\u{1B}]0;x\\u{7}"), "\(alerts)")
        let search = try ws.run(["search", "zzdauhieu"], today: "2026-12-08").stdout
        #expect(search.contains("cdcs-cdc\\u{1B}[1A — Tiêu đề\\u{1B}[31m"), "\(search)")
        #expect(search.contains("\\u{9B}"), "\(search)")
    }
}

extension TerminalEscapeTests {
    @Test func controlCharactersAlreadyInTheDatabaseComeOutVisibleInEveryReportFormat() throws {
        guard toolAvailable("sqlite3", for: "recording text as an older loa did") else { return }
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm(sensitive: true))
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let sql = """
            UPDATE activities SET title = 'Hội' || char(27) || '[2K' || char(155) || 'nghị';
            UPDATE feedback_issues SET topic = 'Chủ đề' || char(27) || ']0;x' || char(7) || char(127),
              detail = 'Chi' || char(133) || 'tiết';
            """
        let poison = try runTool(["sqlite3", ws.path("loa.sqlite"), sql])
        #expect(poison.code == 0, "\(poison.stderr)")
        for report in [["month", "2026-11"], ["unit", "cdcs-so-gddt"], ["phase", "museum", "1.1"]] {
            for format in ["md", "html", "csv", "json"] {
                let args = ["report"] + report + ["--format", format, "--include-sensitive"]
                let r = try ws.run(args, today: "2026-12-08")
                #expect(r.code == 0, "\(args): \(r.stderr)")
                let raw = terminalControls(r.stdout).filter { $0 != "\r" && $0 != "\t" }
                #expect(raw.isEmpty, "\(args): raw \(raw)")
            }
        }
        let md = try ws.run(["report", "month", "2026-11", "--format", "md", "--include-sensitive"],
                            today: "2026-12-08").stdout
        #expect(md.contains("Chủ đề\\\\u{1B}\\]0;x\\\\u{7}\\\\u{7F}"), "\(md)")
        let json = try ws.run(["report", "month", "2026-11", "--format", "json", "--include-sensitive"],
                              today: "2026-12-08").stdout
        #expect(json.contains("Chủ đề\\u001b]0;x\\u0007\\u007f"), "\(json)")
    }
}

/// 17.10: ids are slugs everywhere, so no id can name a path outside its folder.
@Suite struct SlugIdCommandTests {
    @Test func dotAndDotDotAreRefusedAsChannelUnitAndItemIds() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/channels.yml", replacing: "- id: ban-tin\n", with: "- id: \"..\"\n")
        let units = try ws.read("content/units.csv")
        try ws.write("content/units.csv", units + ".,CĐCS chấm,cum-y-te,10,,,\n")
        let unitLine = units.split(separator: "\n").count + 1
        try ws.write("content/items/cham.md", "---\nid: ..\ntitle: X\nthemes: [museum/1.1/a]\nchannels: [website]\n"
                     + "status: draft\n---\nB\n")
        try ws.write("content/items/cham-don.md", "---\nid: .\ntitle: Y\nthemes: [museum/1.1/a]\nchannels: [website]\n"
                     + "status: draft\n---\nB\n")
        let r = try ws.run(["check", "--lang", "en"])
        #expect(r.code == 65)
        for expected in ["content/channels.yml:2:7: error: id \"..\" may hold only a-z, 0-9 and -",
                         "content/units.csv:\(unitLine):1: error: id \".\" may hold only",
                         "content/items/cham.md:2:5: error: id \"..\" may hold only",
                         "content/items/cham-don.md:2:5: error: id \".\" may hold only"] {
            #expect(r.stderr.contains(expected), "\(expected)\n\(r.stderr)")
        }
    }

    @Test func publishingToDotDotWritesNothingOutsideOutIssues() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        let before = ReadOnlyWorkspaceTests.listing(ws.root)
        for channel in ["..", ".", "../..", "../issues", "ban-tin/../..", "/tmp"] {
            let r = try ws.run(["publish", channel, "2026-12-15"], today: "2026-12-15")
            #expect(r.code != 0, "publish \(channel): \(r.stdout)")
        }
        #expect(ReadOnlyWorkspaceTests.listing(ws.root) == before)
        // a channel named ".." in channels.yml stops every command before anything is written
        try ws.edit("content/channels.yml", replacing: "- id: ban-tin\n", with: "- id: \"..\"\n")
        try ws.write("calendars/2026-12.ics", try ws.read("calendars/2026-12.ics")
            .replacingOccurrences(of: "X-LOA-CHANNEL:ban-tin", with: "X-LOA-CHANNEL:.."))
        let listed = ReadOnlyWorkspaceTests.listing(ws.root)
        let r = try ws.run(["publish", "..", "2026-12-15"], today: "2026-12-15")
        #expect(r.code == 65, "\(r.stderr)")
        #expect(ReadOnlyWorkspaceTests.listing(ws.root) == listed)
        #expect(!ws.exists("out/2026-12-15.html") && !ws.exists("2026-12-15.html"))
    }
}

/// 17.11: what comes from forms is escaped in documents; diagnostics stay one line; a wrong `--db` or a file that
/// is not a file is said plainly.
@Suite struct InjectionAndInputPathTests {
    @Test func rawHTMLFromAFormNeverReachesAMarkdownOrHTMLReport() throws {
        let ws = try TempWorkspace()
        let extra = "  issues:\n    - topic: <img src=x onerror=alert(1)> Tin\n"
            + "    - topic: <script>alert(2)</script> Nhạy cảm\n      detail: <iframe src=x></iframe>\n"
            + "      sensitive: true\n"
        let form = sampleForm()
            .replacingOccurrences(of: "title: Hội nghị quán triệt", with: "title: <script>alert(3)</script> Hội nghị")
            .replacingOccurrences(of: "summary: Đoàn viên đồng tình",
                                  with: "summary: <b onclick=x>Đoàn viên</b> đồng tình")
            .replacingOccurrences(of: "---\nGhi chú.", with: extra + "---\n<script>alert(4)</script> Ghi chú.")
        try ws.write("a.md", form)
        let imported = try ws.run(["import", ws.path("a.md")], today: "2026-12-05")
        #expect(imported.code == 0, "\(imported.stderr)")
        var shown = 0
        for report in [["month", "2026-11"], ["phase", "museum", "1.1"], ["unit", "cdcs-so-gddt"]] {
            for format in ["md", "html"] {
                for sensitive in [[], ["--include-sensitive"]] {
                    let args = ["report"] + report + ["--format", format] + sensitive
                    let r = try ws.run(args, today: "2026-12-08")
                    #expect(r.code == 0, "\(args): \(r.stderr)")
                    for raw in ["<script", "<img", "<iframe", "<b onclick"] {
                        #expect(!r.stdout.contains(raw), "\(args): raw \(raw)")
                    }
                    if r.stdout.contains("onerror=alert(1)") { shown += 1 }
                }
            }
        }
        #expect(shown > 0, "the topic never appeared in a report, so this test checks nothing")
    }

    @Test func aDiagnosticQuotingANewlineStaysOnOneLine() throws {
        let ws = try TempWorkspace()
        try ws.write("nl.md", sampleForm(unit: "\"cdcs-so\\nx\"", participants: "\"4\\n2\"", type: "\"hoi\\nnghi\""))
        let r = try ws.run(["import", ws.path("nl.md"), "--format", "json"], today: "2026-12-05")
        #expect(r.code == 65)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(r.stderr)")
        for line in lines {
            #expect(line.range(of: #"^nl\.md:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(r.stderr.contains("\"cdcs-so\\nx\""), "\(r.stderr)")
        let errors = try #require((try jsonObject(r)["files"] as? [[String: Any]])?.first?["errors"] as? [String])
        #expect(errors.count == 3 && errors.allSatisfy { !$0.contains("\n") }, "\(errors)")
    }

    @Test func aDatabaseNamedWithDbThatDoesNotExistIsExit66ForEveryReader() throws {
        let ws = try TempWorkspace()
        let missing = ws.path("loa-typo.sqlite")
        let readers: [[String]] = [
            ["report", "month", "2026-11", "--format", "json"], ["report", "month", "2026-11"],
            ["report", "phase", "museum", "1.1", "--format", "md"], ["report", "unit", "cdcs-cdc", "--format", "csv"],
            ["status"], ["alerts"], ["search", "dang"], ["backup", ws.path("copy.sqlite")],
        ]
        for args in readers {
            let r = try ws.run(["--db", missing, "--lang", "en"] + args, today: "2026-12-08")
            #expect(r.code == 66, "\(args): exit \(r.code)")
            #expect(r.stderr.contains("\(missing): no such database"), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args) printed a report of nothing: \(r.stdout.prefix(200))")
        }
        #expect(!ws.exists("loa-typo.sqlite") && !ws.exists("copy.sqlite") && !ws.exists("out"))
    }

    @Test func aPipeOrADeviceGivenToImportIsNotARegularFileAndNeverHangs() throws {
        let ws = try TempWorkspace()
        let fifo = ws.path("pipe.md"), tableFifo = ws.path("pipe.csv")
        #expect(mkfifo(fifo, 0o600) == 0 && mkfifo(tableFifo, 0o600) == 0)
        for path in ["/dev/zero", "/dev/urandom", fifo, tableFifo] {
            let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "--lang", "en",
                                               "import", path], timeout: 30)
            #expect(!r.timedOut, "loa import \(path) hung")
            #expect(r.result.code == 66, "\(path): exit \(r.result.code)")
            #expect(r.result.stderr.contains("\(path) is not a regular file"), "\(path): \(r.result.stderr)")
        }
        // found inside a folder, a pipe is that file's error and the rest of the folder is imported
        try ws.write("in/ok.md", sampleForm())
        #expect(mkfifo(ws.path("in/pipe.md"), 0o600) == 0)
        let r = try runProcess(loaBinary, ["--workspace", ws.root, "--today", "2026-12-05", "--lang", "en",
                                           "import", ws.path("in"), "--format", "json"], timeout: 30)
        #expect(!r.timedOut && r.result.code == 65, "exit \(r.result.code): \(r.result.stderr)")
        #expect(r.result.stderr.contains("pipe.md is not a regular file"), "\(r.result.stderr)")
        #expect(r.result.stdout.hasPrefix("{\"imported\": 1, "), "\(r.result.stdout)")
    }
}

/// 17.12: search folds Ð (U+00D0, an old stand-in for Đ) as it folds Đ.
@Suite struct EthSearchTests {
    @Test func anEthInAnItemOrAQueryFindsWhatDWithStrokeFinds() throws {
        let ws = try TempWorkspace()
        try ws.write("content/items/eth.md", "---\ntitle: Ðoàn viên với Ðiện Biên\nthemes: [museum/1.1/a]\n"
                     + "channels: [website]\nstatus: draft\n---\nBody.\n")
        let plain = try ws.run(["search", "doan vien dien bien"])
        #expect(plain.stdout.contains("eth — Ðoàn viên với Ðiện Biên"), "\(plain.stdout)")
        let stroke = try ws.run(["search", "Đoàn viên Điện Biên", "--format", "json"])
        let eth = try ws.run(["search", "Ðoàn viên Ðiện Biên", "--format", "json"])
        #expect(stroke.stdout.contains("\"ref\": \"eth\""), "\(stroke.stdout)")
        let found = try jsonObject(eth)["results"] as? [[String: String]]
        #expect(found == (try jsonObject(stroke)["results"] as? [[String: String]]))
    }
}
