import Foundation
import LoaFormats

/// Where an upload waits while it is imported: `.loa-uploads/` in the workspace (owner only), one folder per
/// request, removed when the request ends, and emptied when the server starts (a killed server leaves nothing
/// behind for long).
enum UploadFolder {
    static func path(_ paths: WorkspacePaths) -> String { paths.root + "/.loa-uploads" }

    /// Removes whatever earlier runs left there.
    static func clear(_ paths: WorkspacePaths) {
        let root = path(paths)
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
            try? fm.removeItem(atPath: root + "/" + name)
        }
    }
}
