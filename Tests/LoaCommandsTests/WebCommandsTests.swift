import Foundation
import Testing

@Suite struct WebCommandsTests {
    @Test func linksAreStableUntilRotatedAndRotationChangesOnlyThatUnit() throws {
        let ws = try TempWorkspace()
        let first = try ws.run(["links", "--base-url", "https://loa.example.vn/"])
        #expect(first.code == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}code,name,url")
        #expect(lines.count == 1 + 16)
        // a unit that has left gets no link
        let later = try ws.run(["links"], today: "2026-12-11")
        #expect(later.stdout.split(separator: "\r\n").count == 1 + 15 && !later.stdout.contains("cdcs-ban-qlda"))
        #expect(lines.dropFirst().allSatisfy {
            $0.range(of: #",https://loa\.example\.vn/u/[A-Za-z0-9_-]{43}$"#, options: .regularExpression) != nil
        })
        #expect(try ws.run(["links", "--base-url", "https://loa.example.vn/"]).stdout == first.stdout)
        // the key file is the owner's alone, and the database holds no token
        let mode = try #require(FileManager.default.attributesOfItem(atPath: ws.path("loa.key"))[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
        let token = try #require(lines[1].components(separatedBy: "/u/").last)
        #expect(!(try ws.readData("loa.sqlite")).contains(Data(token.utf8)))

        let rotated = try ws.run(["links", "--base-url", "https://loa.example.vn/", "--rotate", "cdcs-so-gddt"])
        #expect(rotated.code == 0)
        let changed = zip(first.stdout.split(separator: "\r\n"), rotated.stdout.split(separator: "\r\n")).filter { $0 != $1 }
        #expect(changed.count == 1 && changed.first?.0.hasPrefix("cdcs-so-gddt,") == true)
        let all = try ws.run(["links", "--base-url", "https://loa.example.vn/", "--rotate", "--all"])
        #expect(zip(rotated.stdout.split(separator: "\r\n"), all.stdout.split(separator: "\r\n")).dropFirst()
            .allSatisfy { $0 != $1 })
        let typo = try ws.run(["links", "--rotate", "cdcs-so-gdd"])
        #expect(typo.code == 64 && typo.stderr.contains("có phải ý bạn là \"cdcs-so-gddt\""))
    }

    @Test func theLinkSheetHasAQRCodePerUnitAndLoadsNothingFromOutside() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["links", "--format", "html", "--base-url", "https://loa.example.vn"])
        #expect(r.code == 0)
        #expect(r.stdout.components(separatedBy: "<svg").count - 1 == 16)
        #expect(r.stdout.contains("CĐCS Sở Giáo dục và Đào tạo"))
        #expect(r.stdout.range(of: #"(src|href)="https?:"#, options: .regularExpression) == nil)
    }

    @Test func usersGetArgon2idHashesAndAreRemoved() throws {
        let ws = try TempWorkspace()
        let add = try loa(["--workspace", ws.root, "user", "add", "lan", "--role", "officer"],
                          stdin: Data("mật-khẩu-dài-đủ\n".utf8))
        #expect(add.code == 0, "\(add.stderr)")
        let again = try loa(["--workspace", ws.root, "user", "add", "lan", "--role", "leader"], stdin: Data("x\n".utf8))
        #expect(again.code == 64)
        // passwords: at least 12 characters, not one character repeated, not a common one (nor one dressed up)
        for (password, says) in [("ngắn-11-ký", "ít nhất 12 ký tự"), ("aaaaaaaaaaaaaaa", "chỉ lặp lại một ký tự"),
                                 ("password1234", "quá phổ biến"), ("Password1234!", "quá phổ biến"),
                                 ("2026qwertyuiop", "quá phổ biến"), ("dragondragondragon", "quá phổ biến"),
                                 ("matkhau123456", "quá phổ biến")] {
            let r = try loa(["--workspace", ws.root, "user", "add", "minh", "--role", "leader"],
                            stdin: Data((password + "\n").utf8))
            #expect(r.code == 65 && r.stderr.contains(says), "\(password): \(r.stderr)")
        }
        let admin = try loa(["--workspace", ws.root, "user", "add", "an", "--role", "officer", "--admin"],
                            stdin: Data("ba con mèo trèo cây cau\n".utf8))
        #expect(admin.code == 0, "\(admin.stderr)")
        let bad = try loa(["--workspace", ws.root, "user", "add", "minh", "--role", "boss"], stdin: Data("x\n".utf8))
        #expect(bad.code == 64 && bad.stderr.contains("officer, leader"))
        let dump = try Process.run(["/usr/bin/sqlite3", ws.path("loa.sqlite"),
                                    "SELECT name, role, admin, password_hash FROM users ORDER BY name"])
        #expect(dump.hasPrefix("an|officer|1|$argon2id$"))
        #expect(dump.contains("\nlan|officer|0|$argon2id$"))
        #expect(!dump.contains("mật-khẩu"))
        #expect(try loa(["--workspace", ws.root, "user", "remove", "lan"]).code == 0)
        #expect(try loa(["--workspace", ws.root, "user", "remove", "lan"]).code == 65)
    }
}

@Suite struct ServeKeyAndFileModeTests {
    @Test func aMissingServerKeyStopsServeUnlessANewOneIsAskedFor() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["serve", "--listen", "127.0.0.1:0"])
        #expect(r.code == 66)
        #expect(r.stderr.contains("không có khóa máy chủ") && r.stderr.contains("--new-key"), "\(r.stderr)")
        #expect(!ws.exists("loa.key"))
        // with --new-key it starts, and says that every printed link dies
        let server = try RunningServer(workspace: ws.root, today: "2026-12-03")
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(ws.exists("loa.key"))
        _ = log
    }

    @Test func everyFileLoaCreatesIsItsOwnersAlone() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["import", ws.path("reports/samples/2026-11")], today: "2026-12-06").code == 0)
        #expect(try ws.run(["links"]).code == 0)
        #expect(try ws.run(["backup", ws.path("copy.sqlite")]).code == 0)
        #expect(try ws.run(["plan", "2026-12"], today: "2026-12-06").code == 0)
        for file in ["loa.sqlite", "loa.sqlite-wal", "loa.key", "copy.sqlite", "calendars/2026-12.ics"]
            where ws.exists(file) {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: ws.path(file))[.posixPermissions]
                as? Int)
            #expect(mode & 0o077 == 0, "\(file) is \(String(mode, radix: 8))")
        }
        #expect(ws.exists("loa.sqlite") && ws.exists("copy.sqlite"))
    }
}

extension Process {
    /// Runs a tool and returns its standard output.
    static func run(_ argv: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
