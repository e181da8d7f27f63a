import Foundation
import LoaCore
import LoaFormats
import LoaSecrets
import LoaStore

/// Pictures officers upload for items (SPEC §9.7): checked by their first bytes (PNG, JPEG, WebP, GIF; never by the
/// name or the type the browser claims), at most `maxBytes`, stored in `content/media/` under a name Loa makes, and
/// recorded in the audit history.
public enum ItemImages {
    /// The largest picture accepted: 5 MiB.
    public static let maxBytes = 5 << 20

    /// The kinds of picture accepted, by their file extension.
    public enum Kind: String, Sendable, CaseIterable {
        case png, jpg, webp, gif
    }

    /// What is wrong with an upload.
    public enum Problem: Sendable, Equatable {
        case empty, tooLarge, wrongType
        public var text: ItemText {
            switch self {
            case .empty: .imageEmpty
            case .tooLarge: .imageTooLarge(ItemImages.maxBytes >> 20)
            case .wrongType: .imageWrongType
            }
        }
    }

    /// The kind of picture the bytes begin as, or nil.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        return nil
    }

    /// The problem with an upload, or nil when it may be stored.
    public static func problem(_ bytes: [UInt8]) -> Problem? {
        if bytes.isEmpty { return .empty }
        if bytes.count > maxBytes { return .tooLarge }
        return kind(of: bytes) == nil ? .wrongType : nil
    }

    /// The name Loa gives a picture: the slug of the name it came with (at most 40 characters, `anh` when none is
    /// left), a digest of its bytes, and the extension of its kind, so the same picture always gets the same name
    /// and nothing the uploader typed reaches the file system.
    public static func fileName(for bytes: [UInt8], originalName: String, kind: Kind) -> String {
        let base = ((originalName as NSString).lastPathComponent as NSString).deletingPathExtension
        var slug = String(base.slug.prefix(40))
        while slug.hasSuffix("-") { slug.removeLast() }
        // the digest the site's assets are named by, too (URL-safe letters)
        let digest = Secrets.digest(bytes).prefix(10)
        return "\(slug.isEmpty ? "anh" : slug)-\(digest).\(kind.rawValue)"
    }

    /// Stores a picture in `content/media/` and records it; returns the reference an item's Markdown uses
    /// (`media/NAME`). The same picture again is stored once and recorded once.
    public static func store(_ bytes: [UInt8], originalName: String, session s: Session) throws(Failure) -> String {
        guard problem(bytes) == nil, let kind = kind(of: bytes) else {
            throw Failure(.item((problem(bytes) ?? .wrongType).text), exitCode: ExitCode.dataError)
        }
        let name = fileName(for: bytes, originalName: originalName, kind: kind)
        let file = s.paths.media + "/" + name
        if let old = FileManager.default.contents(atPath: file), Array(old) == bytes { return "media/" + name }
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "item image", action: .imageUploaded,
                                       subject: "media \(name)", detail: "\(bytes.count) bytes"))
                try writeFile(file, bytes)
            }
        }
        return "media/" + name
    }
}
