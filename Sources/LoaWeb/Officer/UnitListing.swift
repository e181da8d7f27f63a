import Foundation
import LoaCore
import LoaFormats
import LoaStore
import Synchronization

/// What pages listing units keep between requests, so that 100,000 units cost a page, not a sort: the units in
/// Vietnamese order of their names with their folded names (per version of the workspace), and the grid of the
/// days forms were submitted (per version of the workspace, of the forms and per range of months).
final class UnitListCache: Sendable {
    struct Names: Sendable {
        let generation: Int
        /// Places in `units.csv`, in Vietnamese order of the units' names.
        let order: [Int]
        /// Each unit's name folded for search ("chuyen doi so" finds "chuyển đổi số"), by place in `units.csv`.
        let folded: [String]
        let hierarchy: UnitHierarchy
    }
    struct Grid: Sendable {
        let generation: Int, version: Int
        let grid: SubmissionGrid
    }
    private let names = Mutex<Names?>(nil)
    private let grids = Mutex<[Grid]>([])

    /// The units' order and folded names for the workspace's version.
    func names(_ index: WorkspaceIndex, generation: Int) -> Names {
        if let n = names.withLock({ $0 }), n.generation == generation { return n }
        let units = index.workspace.units
        let order = VietnameseOrder.sorted(Array(units.indices)) { units[$0].name }
        let made = Names(generation: generation, order: order, folded: units.map(\.name.folded),
                         hierarchy: UnitHierarchy(clusters: index.workspace.clusters))
        names.withLock { $0 = made }
        return made
    }

    /// The submission grid of the months for every unit of the workspace, read again only when a form was recorded
    /// or the workspace changed since. A few ranges are kept (the default one and those being browsed).
    func grid(_ c: RequestContext, units: [UnionUnit], generation: Int, months: [Month]) throws -> SubmissionGrid {
        let version = try c.read(orEmpty: 0) { try $0.formsVersion() }
        if let hit = grids.withLock({ $0.first { $0.generation == generation && $0.version == version
            && $0.grid.months == months } }) { return hit.grid }
        var grid = SubmissionGrid(codes: units.map(\.code.value), months: months)
        try c.read(orEmpty: ()) { r in
            try r.forEachSubmission(from: months[0], to: months[months.count - 1]) { unit, period, day in
                grid.record(unitUTF8: unit, period: period, submitted: day)
            }
        }
        let made = Grid(generation: generation, version: version, grid: grid)
        grids.withLock { list in
            list.removeAll { $0.generation != generation || $0.version != version || $0.grid.months == months }
            list.append(made)
            if list.count > 4 { list.removeFirst() }
        }
        return grid
    }
}

/// The units a page lists after its filters (a group of any level, a name search), in Vietnamese order of their
/// names, and the page of them shown: 50 a page, so a page stays small at 100,000 units.
struct UnitListing {
    let units: [UnionUnit]
    let names: UnitListCache.Names
    /// A cluster or a group above clusters (`clusters.csv`), or nil for every unit.
    let group: String?
    let query: String
    /// Places in `units.csv` of the units the filters keep, in name order.
    var kept: [Int]
    var page: Int

    /// `search`: the query name of the name search (`q`, or another where the page has a search box of its own).
    init(_ c: RequestContext, search: String = "q") throws {
        let (index, generation) = try c.indexAndGeneration()
        let app = try c.appOrFail()
        units = index.workspace.units
        names = app.unitLists.names(index, generation: generation)
        // `cluster` is the older name of the filter
        group = (c.request.queryValue("group") ?? c.request.queryValue("cluster")).flatMap { $0.isEmpty ? nil : $0 }
        query = String((c.request.queryValue(search) ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let needle = query.folded
        var kept: [Int] = []
        kept.reserveCapacity(group == nil && needle.isEmpty ? units.count : 1024)
        for i in names.order {
            if let group, !names.hierarchy.contains(units[i], in: group) { continue }
            if !needle.isEmpty, !names.folded[i].contains(needle) { continue }
            kept.append(i)
        }
        self.kept = kept
        page = max(1, Int(c.request.queryValue("page") ?? "") ?? 1)
    }

    var pagination: Pagination { Pagination(count: kept.count, asked: page) }

    /// The places of the units on the page asked for (the last page when it asks beyond).
    var shown: ArraySlice<Int> { kept[pagination.range] }

    /// The groups a filter can choose: every cluster and group above, by name.
    func groupOptions(_ index: WorkspaceIndex, t: Localizer) -> [(value: String, label: String)] {
        let listed = index.workspace.clusters.map(\.code.value)
        let used = Set(units.compactMap(\.cluster)).subtracting(listed).sorted()
        return [("", t(OfficerText.allUnits))] + (listed + used).map { ($0, index.clusterName($0)) }
    }

    /// Previous and next page links keeping the other query values, and where this page stands.
    func pager(_ route: Route, _ query: [(String, String?)], t: Localizer) -> HTML {
        let p = pagination
        let position = t(OfficerText.pageOf(page: p.page, pages: p.pages, units: kept.count))
        return p.links(position, cssClass: "pager noprint", t: t) { route.path(query + [("page", String($0))]) }
    }
}
