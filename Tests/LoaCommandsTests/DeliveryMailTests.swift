import Foundation
import LoaCore
import LoaSecrets
import Testing

/// E-mail through libcurl's SMTP, received by a real SMTP server on loopback (Python's aiosmtpd) and read back
/// with Python's `email` package, as a mail client would.
@Suite struct DeliveryMailTests {
    @Test func aNewsletterGoesAsOneMailPerUnitWithAnAddressOverOneConnection() throws {
        let ws = try TempWorkspace()
        guard let sink = try LoopbackServer.smtp(ws.path("sink")) else { return }
        try ws.novemberConfirmed(picture: true)
        try ws.mailSettings(port: sink.port)
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("ban-tin 13/11/2026 (thư điện tử): 7 đã gửi, 9 lỗi, 0 chờ gửi"))
        #expect(r.stdout.contains("không có địa chỉ e-mail (9): cdcs-ban-qlda, cdcs-bao-tang"))
        let envelopes = sink.envelopes
        #expect(envelopes.compactMap { ($0["to"] as? [String])?.first }.sorted()
                == ["congdoan.bvdk@example.vn", "congdoan.sogddt@example.vn", "congdoan.sokhcn@example.vn",
                    "congdoan.sonv@example.vn", "congdoan.sotc@example.vn", "congdoan.soyte@example.vn",
                    "congdoan.thptchuyen@example.vn"])
        // one connection for all: every message came from the same client port
        #expect(Set(envelopes.compactMap { ($0["peer"] as? [Any])?.last as? Int }).count == 1)
        #expect(envelopes.allSatisfy { $0["from"] as? String == "congdoan@example.org" })

        let key = try ws.serverKey()
        let slot = Slot(channel: "ban-tin", date: try #require(Day(iso: "2026-11-13")))
        for mail in try readMail(sink.messages) {
            #expect(mail["subject"] as? String == "Bản tin Công đoàn Viên chức tỉnh — số 1, 13/11/2026")
            #expect(mail["from"] as? String == "Công đoàn Viên chức tỉnh <congdoan@example.org>")
            #expect(mail["types"] as? [String] == ["multipart/alternative", "text/plain", "multipart/related",
                                                   "text/html", "image/png"])
            #expect((mail["defects"] as? [Any])?.isEmpty == true)
            #expect(mail["crlf"] as? Bool == true)
            #expect((mail["longest_line"] as? Int ?? 999) <= 78)
            let text = try #require(mail["text"] as? String), html = try #require(mail["html"] as? String)
            #expect(text.contains("Vì sao cần xây dựng Bảo tàng Đảng Cộng sản Việt Nam"))
            #expect(html.contains("<h2>Vì sao cần xây dựng Bảo tàng Đảng Cộng sản Việt Nam</h2>"))
            #expect(html.contains("Xác nhận đã nhận"))
            // the picture travels inside the message and the HTML shows it by its Content-ID
            let images = try #require(mail["images"] as? [[String: Any]])
            #expect(images.count == 1)
            #expect(images.first?["disposition"] as? String == "inline")
            #expect(images.first?["size"] as? Int == (try ws.readData("content/media/phoi-canh.png")).count)
            #expect(mail["html_cids"] as? [String] == [try #require(images.first?["cid"] as? String)])
            // the receipt link names the unit the message went to, under the server key
            let to = try #require(mail["to"] as? String)
            let receipt = try #require(mail["receipt"] as? String)
            #expect(receipt.hasPrefix("https://loa.example.org/r/"))
            let (unit, issue) = try #require(ReceiptToken.verify(String(receipt.dropFirst(26)), key: key))
            #expect(issue == slot)
            #expect(try ws.read("content/units.csv").contains("\(unit),") && to.contains(unitAddress(ws, unit)))
            #expect(mail["message_id"] as? String == "<ban-tin.20261113.\(unit)@loa.example.org>")
        }
        let states = try ws.states("ban-tin", "2026-11-13")
        #expect(unitsWithAddress.allSatisfy { states[$0] == "sent" })
        #expect(states["cdcs-cdc"] == "failed|no-address")
        #expect(states.count == 16)
        // nothing sent is sent again; the units without an address are tried (and listed) again
        let again = try ws.run(["deliver"], today: "2026-11-14")
        #expect(again.stdout.contains("ban-tin 13/11/2026 (thư điện tử): 0 đã gửi, 9 lỗi, 0 chờ gửi"))
        #expect(sink.messages.count == 7)
    }

    @Test func aRefusedRecipientOrATimeoutFailsThatUnitAloneAndTheRestGoOn() throws {
        let ws = try TempWorkspace()
        guard let sink = try LoopbackServer.smtp(ws.path("sink"), ["--refuse", "congdoan.soyte@example.vn",
                                                                    "--slow-rcpt", "congdoan.sotc@example.vn:6"])
        else { return }
        try ws.novemberConfirmed()
        try ws.mailSettings(port: sink.port, timeout: 2)
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 74)
        #expect(r.stdout.contains("cdcs-so-yte (CĐCS Sở Y tế): máy chủ thư từ chối người nhận "
                                  + "congdoan.soyte@example.vn, mã 550"))
        #expect(r.stdout.contains("cdcs-so-tc (CĐCS Sở Tài chính): máy chủ không trả lời trong 2 giây"))
        #expect(sink.messages.count == 5)
        var states = try ws.states("ban-tin", "2026-11-13")
        #expect(states["cdcs-so-yte"] == "failed|recipient-refused\tcongdoan.soyte@example.vn\t550")
        #expect(states["cdcs-so-tc"] == "failed|timeout\t2")
        #expect(states["cdcs-so-gddt"] == "sent")
        sink.stop()

        // a server that takes them now: only the two that failed go, once
        guard let second = try LoopbackServer.smtp(ws.path("sink2")) else { return }
        try ws.mailSettings(port: second.port, timeout: 2)
        let retry = try ws.run(["deliver"], today: "2026-11-14")
        #expect(retry.code == 0, "\(retry.stdout)\(retry.stderr)")
        #expect(second.envelopes.compactMap { ($0["to"] as? [String])?.first }.sorted()
                == ["congdoan.sotc@example.vn", "congdoan.soyte@example.vn"])
        states = try ws.states("ban-tin", "2026-11-13")
        #expect(unitsWithAddress.allSatisfy { states[$0] == "sent" })
        let nothing = try ws.run(["deliver", "ban-tin", "2026-11-13"], today: "2026-11-15")
        #expect(nothing.code == 0)
        #expect(second.messages.count == 2)
    }

    @Test func aWrongPasswordFailsEveryMailNamingTheSettingAndNeverShowsThePassword() throws {
        let ws = try TempWorkspace()
        guard let sink = try LoopbackServer.smtp(ws.path("sink"), ["--user", "loa", "--password", "right-horse"])
        else { return }
        try ws.novemberConfirmed()
        try ws.secret("smtp.password", "wrong-battery")
        try ws.mailSettings(port: sink.port, extra: "  user: loa\n  password_file: secrets/smtp.password")
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 74)
        #expect(r.stdout.contains("tên đăng nhập hoặc mật khẩu (smtp.user, smtp.password_file trong distribution.yml)"))
        #expect(!(r.stdout + r.stderr).contains("wrong-battery"))
        #expect(sink.messages.isEmpty)
        let states = try ws.states("ban-tin", "2026-11-13")
        #expect(unitsWithAddress.allSatisfy { states[$0] == "failed|login" })

        try ws.secret("smtp.password", "right-horse")
        let fixed = try ws.run(["deliver"], today: "2026-11-14")
        #expect(fixed.code == 0, "\(fixed.stdout)")
        #expect(sink.messages.count == 7)
    }

    @Test func aMessageLeftSendingIsNeverSentAgainWithoutAPersonsWord() throws {
        let ws = try TempWorkspace()
        // the server takes the message for cdcs-so-gddt but answers too late: it arrived, Loa cannot know
        guard let sink = try LoopbackServer.smtp(ws.path("sink"), ["--slow-data", "congdoan.sogddt@example.vn:5"])
        else { return }
        try ws.novemberConfirmed()
        try ws.mailSettings(port: sink.port, timeout: 2)
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.stdout.contains("1 thư đang gửi dở"))
        #expect(sink.messages.count == 7)
        #expect(try ws.states("ban-tin", "2026-11-13")["cdcs-so-gddt"] == "sending")
        let first = try readMail(sink.messages).first { ($0["to"] as? String)?.contains("sogddt") == true }

        let plain = try ws.run(["deliver"], today: "2026-11-14")
        #expect(plain.code == 0)
        #expect(plain.stdout.contains("1 thư đang gửi dở, không tự gửi lại"))
        #expect(sink.messages.count == 7)
        let listed = try ws.run(["deliver", "--retry"], today: "2026-11-14")
        #expect(listed.stdout.contains("ban-tin 13/11/2026 → cdcs-so-gddt (CĐCS Sở Giáo dục và Đào tạo) (từ 13/11/2026)"))
        #expect(sink.messages.count == 7)

        // a person checked: it never reached the unit; it goes again, with the same Message-ID
        sink.stop()
        guard let second = try LoopbackServer.smtp(ws.path("sink2")) else { return }
        try ws.mailSettings(port: second.port, timeout: 2)
        let resent = try ws.run(["deliver", "ban-tin", "2026-11-13", "--retry", "--unit", "cdcs-so-gddt"],
                                today: "2026-11-15")
        #expect(resent.code == 0, "\(resent.stdout)\(resent.stderr)")
        let again = try readMail(second.messages)
        #expect(again.count == 1)
        #expect(again.first?["message_id"] as? String == first?["message_id"] as? String)
        #expect(again.first?["message_id"] as? String == "<ban-tin.20261113.cdcs-so-gddt@loa.example.org>")
        #expect(try ws.states("ban-tin", "2026-11-13")["cdcs-so-gddt"] == "sent")
        // sent now: asking again sends nothing
        let twice = try ws.run(["deliver", "ban-tin", "2026-11-13", "--retry", "--unit", "cdcs-so-gddt"],
                               today: "2026-11-15")
        #expect(twice.code == 65)
        #expect(second.messages.count == 1)
    }

    @Test func offLoopbackTheServerMustOfferSTARTTLS() throws {
        guard let address = nonLoopbackAddress() else {
            print("SKIPPED: this machine has no address but loopback, so STARTTLS off loopback was not tried")
            return
        }
        let ws = try TempWorkspace()
        guard let sink = try LoopbackServer.smtp(ws.path("sink"), host: address) else { return }
        try ws.novemberConfirmed()
        try ws.mailSettings(port: sink.port, host: address)
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 74)
        #expect(r.stdout.contains("không lập được kết nối mã hóa TLS/STARTTLS"))
        #expect(sink.messages.isEmpty)
        #expect(try ws.states("ban-tin", "2026-11-13")["cdcs-so-gddt"]?.hasPrefix("failed|tls") == true)
    }

    @Test func withoutDistributionNothingLeavesTheMachine() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed(picture: true)
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 0)
        #expect(r.stdout.contains("Chưa có distribution.yml: không gửi gì ra ngoài máy này."))
        #expect(r.stdout.contains("7 thư ghi vào out/outbox/ban-tin/2026-11-13/, chưa gửi đi"))
        let files = unitsWithAddress.map { ws.path("out/outbox/ban-tin/2026-11-13/\($0).eml") }
        guard pythonHas("email", "python3") else { return }
        let mails = try readMail(files)
        #expect(mails.count == 7)
        #expect(mails.allSatisfy { $0["subject"] as? String == "Bản tin Công đoàn Viên chức tỉnh — số 1, 13/11/2026" })
        let states = try ws.states("ban-tin", "2026-11-13")
        #expect(unitsWithAddress.allSatisfy { states[$0] == "pending" })
        // the same day, the same bytes
        let before = try ws.readData("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml")
        #expect(try ws.run(["deliver"], today: "2026-11-13").code == 0)
        #expect(try ws.readData("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml") == before)
        #expect(try ws.states("ban-tin", "2026-11-13")["cdcs-so-gddt"] == "pending")
    }

    func unitAddress(_ ws: TempWorkspace, _ unit: UnitCode) -> String {
        (try? ws.read("content/units.csv"))?.split(separator: "\n").first { $0.hasPrefix("\(unit),") }
            .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[4]) } ?? "?"
    }
}
