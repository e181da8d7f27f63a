import Foundation
import LoaCore
import LoaFormats
import LoaWorkflows
import Synchronization

/// The workspace as the files say now: loaded again whenever a file under `content/` or the observance calendar
/// changes (checked at most once a second), so the files stay the authored source while pages stay fast.
final class WorkspaceCache: Sendable {
    private struct Entry: Sendable {
        var fingerprint: [String]
        var checked: ContinuousClock.Instant
        var index: WorkspaceIndex
    }
    private let paths: WorkspacePaths
    private let entry = Mutex<Entry?>(nil)

    init(paths: WorkspacePaths) { self.paths = paths }

    /// The current workspace with its lookups, built once per version of the files; a workspace with errors is a
    /// failure (its diagnostics say where).
    func index(session: Session) throws(Failure) -> WorkspaceIndex {
        let now = ContinuousClock.now
        if let cached = entry.withLock({ e -> WorkspaceIndex? in
            guard let e, now - e.checked < .seconds(1) else { return nil }
            return e.index
        }) { return cached }
        let print = fingerprint()
        if let cached = entry.withLock({ e -> WorkspaceIndex? in
            guard var current = e, current.fingerprint == print else { return nil }
            current.checked = now
            e = current
            return current.index
        }) { return cached }
        let index = WorkspaceIndex(try session.loadWorkspace().workspace)
        entry.withLock { $0 = Entry(fingerprint: print, checked: now, index: index) }
        return index
    }

    /// Forgets the cached workspace, so the next request reads the files again: after the web itself changed one,
    /// the next page shows the change at once.
    func invalidate() { entry.withLock { $0 = nil } }

    /// Every authored file with its size and modification time.
    private func fingerprint() -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for root in [paths.root + "/content", paths.calendars] {
            guard let e = fm.enumerator(atPath: root) else { continue }
            while let rel = e.nextObject() as? String {
                let path = root + "/" + rel
                guard let a = try? fm.attributesOfItem(atPath: path), (a[.type] as? FileAttributeType) == .typeRegular
                else { continue }
                let m = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                out.append("\(path)|\(a[.size] ?? 0)|\(m)")
            }
        }
        return out.sorted()
    }
}
