import Foundation
import LoaCore
import LoaFormats
import Testing

/// The pieces of a message that libcurl leaves to Loa (RFC 2045, RFC 2047), Zalo's limits, and where plain
/// connections are allowed.
@Suite struct DistributionFormatsTests {
    @Test func aVietnameseSubjectBecomesEncodedWordsThatNeverSplitALetter() throws {
        let subject = "Bản tin Công đoàn Viên chức tỉnh Điện Biên — số 12, 15/12/2026 — Đề án Bảo tàng Đảng"
        let header = MIME.headerText(subject)
        var decoded: [UInt8] = []
        for line in header.components(separatedBy: "\r\n") {
            let word = line.trimmingCharacters(in: .whitespaces)
            #expect(word.count <= 75 && ("Subject: " + word).count <= 78)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let bytes = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // each word is whole UTF-8 on its own
            #expect(String(data: bytes, encoding: .utf8) != nil)
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
        #expect(MIME.headerText("Plain ASCII subject") == "Plain ASCII subject")
    }

    @Test func base64BodiesComeInLinesOfSeventySixWithCRLF() throws {
        let input = (0..<1000).map { UInt8($0 % 251) }
        var out: [UInt8] = []
        MIME.base64(input, into: &out)
        let text = String(decoding: out, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.dropLast().dropLast().allSatisfy { $0.count == 76 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(Data(base64Encoded: lines.joined()) == Data(input))
        for n in 0..<5 {
            var small: [UInt8] = []
            MIME.base64(Array(input.prefix(n)), into: &small, lineLength: 0)
            #expect(String(decoding: small, as: UTF8.self) == Data(input.prefix(n)).base64EncodedString())
        }
    }

    @Test func zaloLimitsCutAtAWordWithAnEllipsis() {
        let text = String(repeating: "Chuyển đổi số trong cơ quan Đảng ", count: 10)
        let cut = ZaloArticle.truncated(text, 150)
        #expect(cut.unicodeScalars.count <= 150)
        #expect(cut.hasSuffix("…") && !cut.hasSuffix(" …"))
        #expect(text.hasPrefix(String(cut.dropLast())))
        #expect(ZaloArticle.truncated("Ngắn", 150) == "Ngắn")
    }

    @Test func plainConnectionsAreForLoopbackOnly() {
        for host in ["localhost", "127.0.0.1", "127.10.0.3", "[::1]", "::1"] { #expect(isLoopback(host: host), "\(host)") }
        for host in ["example.org", "128.0.0.1", "127.0.0", "10.0.0.1", "localhost.example.org", "[::2]"] {
            #expect(!isLoopback(host: host), "\(host)")
        }
    }

    @Test func publicLinksSitUnderTheBaseURL() {
        let links = PublicLinks(base: "https://loa.example.org/")
        #expect(links.file("zalo-oa", "media/ảnh bìa.png") == "https://loa.example.org/p/zalo-oa/media/%E1%BA%A3nh%20b%C3%ACa.png")
        #expect(links.receipt("t") == "https://loa.example.org/r/t")
        #expect(links.host == "loa.example.org")
        #expect(PublicLinks(base: "http://127.0.0.1:8080").host == "127.0.0.1")
    }
}
