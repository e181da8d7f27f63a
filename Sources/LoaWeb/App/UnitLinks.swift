import LoaCore
import LoaStore
import LoaWorkflows
import Synchronization

/// Finds the unit a link token belongs to in O(1): every unit's current token, computed once and again when a
/// link is rotated (by this server or by `loa links --rotate`), so a guessed token costs no work per unit.
final class UnitLinkIndex: Sendable {
    /// Every unit's current token, built for one generation of the workspace and one stamp of the links table.
    private struct Table: Sendable {
        var workspace: Int
        var links: Int
        var byToken: [String: (UnitCode, Int)]
    }
    private let key: ServerKey
    private let table = Mutex<Table?>(nil)

    init(key: ServerKey) { self.key = key }

    /// The token of a unit's current link.
    func token(for unit: UnitCode, version: Int) -> String {
        LinkToken.token(key: key, unitCode: unit.rawValue, version: version)
    }

    /// The unit and link version a token opens, or nil. `workspace` and `links` say which units and link versions
    /// are current (the workspace's generation, the store's links stamp); only when one of them has changed are
    /// the tokens computed again, from `units` and the store's `versions`.
    func unit(for token: String, workspace: Int, links: Int, units: () -> [UnitCode],
              versions: () throws -> [UnitCode: Int]) rethrows -> (UnitCode, Int)? {
        if let found = table.withLock({ t -> (UnitCode, Int)?? in
            guard let t, t.workspace == workspace, t.links == links else { return nil }
            return .some(t.byToken[token])
        }) { return found }
        let current = try versions()
        var byToken: [String: (UnitCode, Int)] = [:]
        for u in units() {
            let v = current[u] ?? 1
            byToken[self.token(for: u, version: v)] = (u, v)
        }
        table.withLock { $0 = Table(workspace: workspace, links: links, byToken: byToken) }
        return byToken[token]
    }
}

/// A unit's secret link, `BASE/u/TOKEN` (SPEC §9.2): what `loa links` prints and the server opens.
public enum UnitLink {
    public static func url(key: ServerKey, unit: UnitCode, version: Int, base: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return trimmed + Route.unitLink(LinkToken.token(key: key, unitCode: unit.rawValue, version: version)).path
    }
}
