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
        var generation: Int
    }
    private let paths: WorkspacePaths
    private let entry = Mutex<Entry?>(nil)
    private let generations = Mutex(0)

    init(paths: WorkspacePaths) { self.paths = paths }

    /// The current workspace with its lookups, built once per version of the files; a workspace with errors is a
    /// failure (its diagnostics say where).
    func index(session: Session) throws(Failure) -> WorkspaceIndex { try current(session: session).index }

    /// The current workspace's lookups and their generation, a number that changes whenever they are rebuilt.
    func current(session: Session) throws(Failure) -> (index: WorkspaceIndex, generation: Int) {
        let now = ContinuousClock.now
        if let cached = entry.withLock({ e -> (WorkspaceIndex, Int)? in
            guard let e, now - e.checked < .seconds(1) else { return nil }
            return (e.index, e.generation)
        }) { return cached }
        let print = fingerprint()
        if let cached = entry.withLock({ e -> (WorkspaceIndex, Int)? in
            guard var current = e, current.fingerprint == print else { return nil }
            current.checked = now
            e = current
            return (current.index, current.generation)
        }) { return cached }
        let index = WorkspaceIndex(try session.loadWorkspace().workspace)
        let generation = generations.withLock { n in n += 1; return n }
        entry.withLock { $0 = Entry(fingerprint: print, checked: now, index: index, generation: generation) }
        return (index, generation)
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
