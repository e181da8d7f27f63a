import LoaCore
import LoaStore
import LoaWorkflows
import Synchronization

/// Finds the unit a link token belongs to in O(1): every unit's current token, computed once and again when a
/// link is rotated (by this server or by `loa links --rotate`), so a guessed token costs no work per unit.
final class UnitLinkIndex: Sendable {
    private struct Table: Sendable {
        var units: [UnitCode]
        var versions: [UnitCode: Int]
        var byToken: [String: (UnitCode, Int)]
    }
    private let key: ServerKey
    private let table = Mutex<Table?>(nil)

    init(key: ServerKey) { self.key = key }

    /// The token of a unit's current link.
    func token(for unit: UnitCode, version: Int) -> String {
        LinkToken.token(key: key, unitCode: unit.rawValue, version: version)
    }

    /// The unit and link version a token opens, or nil; `versions` are the store's current link versions.
    func unit(for token: String, units: [UnitCode], versions: [UnitCode: Int]) -> (UnitCode, Int)? {
        table.withLock { t -> (UnitCode, Int)? in
            if t == nil || t?.units != units || t?.versions != versions {
                var byToken: [String: (UnitCode, Int)] = [:]
                for u in units {
                    let v = versions[u] ?? 1
                    byToken[self.token(for: u, version: v)] = (u, v)
                }
                t = Table(units: units, versions: versions, byToken: byToken)
            }
            return t?.byToken[token]
        }
    }
}

/// A unit's secret link, `BASE/u/TOKEN` (SPEC §9.2): what `loa links` prints and the server opens.
public enum UnitLink {
    public static func url(key: ServerKey, unit: UnitCode, version: Int, base: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return "\(trimmed)/u/\(LinkToken.token(key: key, unitCode: unit.rawValue, version: version))"
    }
}
