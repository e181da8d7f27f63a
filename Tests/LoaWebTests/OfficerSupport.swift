import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

extension WebFixture {
    /// Adds a user as `loa user add` does.
    func addUser(_ name: String, role: Role, sensitive: Bool = false, password: String = "mat-khau-dai-12") throws {
        let hash = try PasswordHash.hash(password)
        try Store(path: paths.defaultDatabase).write {
            try $0.save(user: UserRecord(name: name, role: role, sensitive: sensitive, passwordHash: hash),
                        today: today, actor: .commandLine(user: "test"))
        }
    }

    /// A browser signed in as the user (added first).
    func userBrowser(_ name: String, role: Role, sensitive: Bool = false) throws -> Browser {
        try addUser(name, role: role, sensitive: sensitive)
        let b = Browser(port: port)
        try b.get("/login")
        let r = try b.post("/login", [("name", name), ("password", "mat-khau-dai-12")])
        #expect(r.status == 303 && r.header("Location") == "/dashboard", "\(name) could not sign in: \(r.status)")
        try b.get("/dashboard")
        return b
    }

    /// A unit sends November's report with a sensitive issue (topic TOPIC-SECRET, detail QX-77), opening an alert.
    func sendSensitiveReport(unit: UnitCode = "cdcs-so-gddt") throws {
        let b = try unitBrowser(unit)
        try b.get("/unit/report/2026-11")
        let r = try b.post("/unit/report/2026-11", novemberReport())
        #expect(r.status == 303, "the unit's report was not recorded: \(r.status)")
    }

    func file(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }

    func text(_ relative: String) throws -> String { String(decoding: try file(relative), as: UTF8.self) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }

    /// Every file under the folders, by path relative to the workspace, with its bytes.
    func snapshot(_ folders: [String] = ["content", "calendars"]) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for folder in folders {
            guard let e = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
            while let rel = e.nextObject() as? String {
                var isFolder: ObjCBool = false
                let path = folder + "/" + rel
                let found = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
                if found, !isFolder.boolValue {
                    out[path] = try file(path)
                }
            }
        }
        return out
    }
}
