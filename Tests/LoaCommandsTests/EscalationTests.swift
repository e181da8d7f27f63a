import Foundation
import Testing

/// Reporting a sensitive issue to the competent authority and following it up (SPEC §5.4), through the binary.
@Suite struct EscalationTests {
    /// The shipped workspace with one unit's November report raising a sensitive issue: alert #1.
    func workspaceWithAlert() throws -> TempWorkspace {
        let ws = try TempWorkspace()
        try ws.write("inbox/a.md", EarlyWarningCommandTests.form(
            "cdcs-so-yte", "2026-11", submitted: "2026-12-02", mood: "lo-ngai",
            issues: [("Tin đồn cắt giảm phụ cấp chống dịch", true)]))
        #expect(try ws.run(["import", ws.path("inbox")], today: "2026-12-03").code == 0)
        return ws
    }

    func alerts(_ ws: TempWorkspace, _ extra: [String] = [], today: String) throws -> [[String: Any]] {
        let r = try ws.run(["alerts", "--all", "--format", "json"] + extra, today: today)
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        return try #require(json["alerts"] as? [[String: Any]])
    }

    @Test func anEscalationWritesTheReportForSigningAndGoesIntoTheHistory() throws {
        let ws = try workspaceWithAlert()
        let r = try ws.run(["alerts", "escalate", "1", "--to", "ldld-tinh", "--note", "Đề nghị có văn bản trả lời."],
                           today: "2026-12-04", env: ["LOA_USER": "lan"])
        #expect(r.code == 0, "\(r.stderr)")
        for ext in ["md", "html", "docx"] { #expect(ws.exists("out/reports/alert-1.\(ext)"), "\(ext)") }
        let md = try ws.read("out/reports/alert-1.md")
        for expected in ["Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên", "CĐCS Sở Y tế",
                         "Ngày 03/12/2026", "Tin đồn cắt giảm phụ cấp chống dịch", "Đề nghị có văn bản trả lời.",
                         "DỰ THẢO", "Số:"] {
            #expect(md.contains(expected), "the report lacks \(expected)")
        }
        #expect(!md.contains("cdcs-so-yte") && !md.contains("ldld-tinh"), "a code in the report")
        // a reader Loa did not write finds the same in the Word file
        if let docx = try pythonDocx([ws.path("out/reports/alert-1.docx")]),
           let doc = docx[ws.path("out/reports/alert-1.docx")] {
            let text = ((doc["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
                .joined(separator: "\n")
            #expect(text.contains("Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên") && text.contains("CĐCS Sở Y tế")
                    && text.contains("Tin đồn cắt giảm phụ cấp chống dịch"))
        }
        #expect(try ws.run(["alerts", "note", "1", "--note", "Đã gặp đoàn viên, giải thích chính sách."],
                           today: "2026-12-05", env: ["LOA_USER": "lan"]).code == 0)
        let signed = try ws.run(["alerts", "issued", "1", "--number", "17", "--date", "2026-12-05"], today: "2026-12-06",
                                env: ["LOA_USER": "binh"])
        #expect(signed.code == 0, "\(signed.stderr)")
        let final = try ws.read("out/reports/alert-1.md")
        #expect(final.contains("Số: 17/BC-CĐVC") && final.contains("ngày 05 tháng 12 năm 2026") && !final.contains("DỰ THẢO"))
        #expect(final.contains("Đã gặp đoàn viên, giải thích chính sách."), "what was done is in the signed report")
        #expect(try ws.run(["alerts", "resolve", "1", "--note", "Đã ổn định."], today: "2026-12-10",
                           env: ["LOA_USER": "lan"]).code == 0)

        let history = try #require(try alerts(ws, ["--include-sensitive"], today: "2026-12-10").first?["history"]
            as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["opened", "escalated", "note", "issued", "resolved"])
        #expect(history.map { $0["at"] as? String } == ["2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06",
                                                        "2026-12-10"])
        #expect(history[1]["by"] as? String == "lan" && history[1]["to"] as? String == "ldld-tinh")
        #expect(history[3]["number"] as? String == "17" && history[3]["issued_on"] as? String == "2026-12-05")
        #expect(history[2]["note"] as? String == "Đã gặp đoàn viên, giải thích chính sách.")
        // without the permission, no note's text
        let hidden = try #require(try alerts(ws, today: "2026-12-10").first?["history"] as? [[String: Any]])
        #expect(hidden.allSatisfy { $0["note"] is NSNull })
        // the text listing names the authority
        let listing = try ws.run(["alerts", "--all"], today: "2026-12-10").stdout
        #expect(listing.contains("gửi Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"))
    }

    @Test func aWrongAuthorityOrAClosedAlertChangesNothing() throws {
        let ws = try workspaceWithAlert()
        let typo = try ws.run(["alerts", "escalate", "1", "--to", "ldld-tnh"], today: "2026-12-04")
        #expect(typo.code == 64 && typo.stderr.contains("\"ldld-tinh\""))
        let unsigned = try ws.run(["alerts", "issued", "1", "--number", "3"], today: "2026-12-04")
        #expect(unsigned.code == 65, "a report never escalated cannot be signed")
        #expect(try ws.run(["alerts", "note", "1", "--note", "  "], today: "2026-12-04").code == 64)
        #expect(try ws.run(["alerts", "resolve", "1", "--note", "xong"], today: "2026-12-04").code == 0)
        let closed = try ws.run(["alerts", "escalate", "1", "--to", "ldld-tinh"], today: "2026-12-05")
        #expect(closed.code == 65 && closed.stderr.contains("#1"))
        #expect(try ws.run(["alerts", "escalate", "9", "--to", "ldld-tinh"], today: "2026-12-05").code == 65)
        #expect(!ws.exists("out/reports/alert-1.md"))
        let history = try #require(try alerts(ws, today: "2026-12-05").first?["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["opened", "resolved"])
    }

    @Test func authoritiesAreCheckedLikeEveryOtherPartOfThePlan() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/plan.yml", replacing: "    email: tuyengiaodanvan@example.vn",
                    with: "    email: tuyengiao danvan.example.vn")
        try ws.edit("content/plan.yml", replacing: "  - id: tuyen-giao-dan-van", with: "  - id: ldld-tinh")
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("content/plan.yml:") && r.stderr.contains("tuyengiao danvan.example.vn"))
        #expect(r.stderr.contains("\"ldld-tinh\""))
    }
}

/// The notice an authority gets when a report is on its way (SPEC §5.4), received by a real SMTP server on loopback
/// and read back with Python's `email` package: never the unit, the topic or the detail.
@Suite struct EscalationNoticeTests {
    @Test func theAuthorityIsToldAReportIsComingAndNothingOfTheMatter() throws {
        let ws = try EscalationTests().workspaceWithAlert()
        guard let sink = try LoopbackServer.smtp(ws.path("sink")) else { return }
        try ws.mailSettings(port: sink.port)
        let r = try ws.run(["alerts", "escalate", "1", "--to", "ldld-tinh"], today: "2026-12-04")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Đã gửi thư báo trước đến bantuyengiao.ldld@example.vn."))
        #expect(sink.envelopes.compactMap { ($0["to"] as? [String])?.first } == ["bantuyengiao.ldld@example.vn"])
        let mail = try #require(try readMail(sink.messages).first)
        #expect(mail["subject"] as? String
                == "Công đoàn Viên chức tỉnh Điện Biên: báo cáo vụ việc sẽ gửi đến quý cơ quan (04/12/2026)")
        #expect((mail["defects"] as? [Any])?.isEmpty == true && mail["crlf"] as? Bool == true)
        let text = try #require(mail["text"] as? String)
        #expect(text.contains("Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"))
        for secret in ["Tin đồn", "phụ cấp", "Sở Y tế", "cdcs-so-yte", "Chi tiết"] {
            #expect(!text.contains(secret), "the notice gives away \(secret)")
        }
    }

    @Test func withoutMailSettingsTheNoticeIsWrittenAndNothingLeaves() throws {
        let ws = try EscalationTests().workspaceWithAlert()
        let r = try ws.run(["alerts", "escalate", "1", "--to", "ldld-tinh"], today: "2026-12-04")
        #expect(r.code == 0 && r.stdout.contains("out/outbox/alerts/alert-1-ldld-tinh.eml"), "\(r.stdout)")
        let eml = try ws.read("out/outbox/alerts/alert-1-ldld-tinh.eml")
        #expect(eml.contains("To: =?UTF-8?B?") && eml.contains("bantuyengiao.ldld@example.vn"))
        // an authority without an address gets no notice, and the escalation stands
        try ws.edit("content/plan.yml", replacing: "    email: tuyengiaodanvan@example.vn\n", with: "")
        try ws.write("inbox/b.md", EarlyWarningCommandTests.form(
            "cdcs-so-tc", "2026-11", submitted: "2026-12-02", mood: "lo-ngai", issues: [("Việc khác", true)]))
        #expect(try ws.run(["import", ws.path("inbox")], today: "2026-12-03").code == 0)
        let none = try ws.run(["alerts", "escalate", "2", "--to", "tuyen-giao-dan-van"], today: "2026-12-04")
        #expect(none.code == 0 && none.stdout.contains("chưa có địa chỉ thư điện tử"))
    }
}
