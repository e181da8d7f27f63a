import LoaCore

/// Every address of the site, typed: a page is named by a case, its values by their own types, and the path is
/// printed from the case (`Route.unitReport(month).path`) and parsed back by the route table
/// (`Route(parsing: "/unit/report/2026-11")`). No page writes a path by hand.
///
/// Adding a page: a case here, its path in `path` (the compiler asks for it), and one line in `Routes.register`
/// with the same pattern, who may use it and its handler.
public enum Route: Hashable, Sendable {
    case root
    case asset(String)
    case favicon
    /// A unit's secret link, `/u/TOKEN`.
    case unitLink(String)
    case unitHome
    case unitReport(Month)
    /// What was recorded of a month's report, with "Sửa báo cáo".
    case unitReportSent(Month)
    /// The month's blank form as `loa form` writes it (the offline path).
    case unitBlankForm(Month)
    case unitActivity
    case unitActivityTemplate
    case unitUpload
    /// "Báo cáo vấn đề nhạy cảm": an urgent issue, an open alert at once.
    case unitUrgentIssue
    /// The unit's web app manifest: its start URL is the unit's own link.
    case unitManifest
    /// "Đã nhận": the unit confirms receiving an issue delivered to it.
    case unitReceipt(Slot)
    /// A receipt link from an e-mail, `/r/TOKEN`: a page that asks, with a button.
    case receipt(String)
    case unitIssue(Slot)
    case login
    case logout
    case dashboard
    case calendarNow
    case calendar(Month)
    case calendarPropose(Month)
    case calendarConfirm(Month)
    case calendarPin(Month)
    case calendarUnpin(Month)
    // one entry of the month's grid at a time (fields item, channel, date; move also `to`)
    case calendarEntryConfirm(Month)
    case calendarEntryUnconfirm(Month)
    case calendarEntryMove(Month)
    case calendarEntryRemove(Month)
    case items
    case newItem
    case item(ItemID)
    case itemApprove(ItemID)
    case itemSendBack(ItemID)
    case itemPin(ItemID)
    case itemUnpin(ItemID)
    /// The item editor of an existing item.
    case itemEdit(ItemID)
    /// Approve or send back the items chosen on the list.
    case itemsBulk
    /// A picture of `content/media/`, for the editor's preview.
    case media(String)
    case issue(Slot)
    case issueDownload(Slot)
    case issuePublish(Slot)
    // asked first: a GET shows what will happen, only the POST of its button does it
    case issueUnpublish(Slot)
    case issueRetry(Slot)
    case completeness
    case reminders
    case alerts
    case alertResolve(Int)
    case alertNote(Int)
    case alertEscalate(Int)
    case alertIssued(Int)
    case alertReport(Int)
    case reports
    case reportMonthChooser
    case reportUnitChooser
    case reportMonth(Month)
    case reportPhase(ProjectID, PhaseID)
    case reportUnit(UnitCode)
    case search
    /// What a unit sent for a month, with its history; officers return it for correction or reopen it.
    case unitMonth(UnitCode, Month)
    case unitMonthReturn(UnitCode, Month)
    case unitMonthReopen(UnitCode, Month)
    // administration (officers with the admin permission)
    case adminUsers
    case adminUserPassword
    case adminUserRemove
    case adminLinks
    /// A unit's link: GET asks, POST replaces it and shows the new card once.
    case adminRotate(UnitCode)

    /// The path, every value percent-encoded as one segment.
    public var path: String {
        switch self {
        case .root: "/"
        case .asset(let name): "/assets/" + segment(name)
        case .favicon: "/favicon.ico"
        case .unitLink(let token): "/u/" + segment(token)
        case .unitHome: "/unit"
        case .unitReport(let m): "/unit/report/" + segment(m)
        case .unitReportSent(let m): "/unit/report/" + segment(m) + "/sent"
        case .unitBlankForm(let m): "/unit/report/" + segment(m) + "/form"
        case .unitActivity: "/unit/activity"
        case .unitActivityTemplate: "/unit/activities.csv"
        case .unitUpload: "/unit/upload"
        case .unitUrgentIssue: "/unit/issue"
        case .unitManifest: "/unit/manifest.webmanifest"
        case .unitReceipt(let s): "/unit/receipts/" + segment(s.channel) + "/" + segment(s.date)
        case .receipt(let token): "/r/" + segment(token)
        case .unitIssue(let s): "/unit/issues/" + segment(s.channel) + "/" + segment(s.date)
        case .login: "/login"
        case .logout: "/logout"
        case .dashboard: "/dashboard"
        case .calendarNow: "/calendar"
        case .calendar(let m): "/calendar/" + segment(m)
        case .calendarPropose(let m): "/calendar/" + segment(m) + "/propose"
        case .calendarConfirm(let m): "/calendar/" + segment(m) + "/confirm"
        case .calendarPin(let m): "/calendar/" + segment(m) + "/pin"
        case .calendarUnpin(let m): "/calendar/" + segment(m) + "/unpin"
        case .calendarEntryConfirm(let m): "/calendar/" + segment(m) + "/entries/confirm"
        case .calendarEntryUnconfirm(let m): "/calendar/" + segment(m) + "/entries/unconfirm"
        case .calendarEntryMove(let m): "/calendar/" + segment(m) + "/entries/move"
        case .calendarEntryRemove(let m): "/calendar/" + segment(m) + "/entries/remove"
        case .items: "/items"
        case .newItem: "/items/new"
        case .item(let id): "/items/" + segment(id)
        case .itemApprove(let id): "/items/" + segment(id) + "/approve"
        case .itemSendBack(let id): "/items/" + segment(id) + "/send-back"
        case .itemPin(let id): "/items/" + segment(id) + "/pin"
        case .itemUnpin(let id): "/items/" + segment(id) + "/unpin"
        case .itemEdit(let id): "/items/" + segment(id) + "/edit"
        case .itemsBulk: "/items/bulk"
        case .media(let name): "/media/" + segment(name)
        case .issue(let s): "/issues/" + segment(s.channel) + "/" + segment(s.date)
        case .issueDownload(let s): Route.issue(s).path + "/download"
        case .issuePublish(let s): Route.issue(s).path + "/publish"
        case .issueUnpublish(let s): Route.issue(s).path + "/unpublish"
        case .issueRetry(let s): Route.issue(s).path + "/retry"
        case .completeness: "/completeness"
        case .reminders: "/completeness/reminders.csv"
        case .alerts: "/alerts"
        case .alertResolve(let id): "/alerts/" + segment(id) + "/resolve"
        case .alertNote(let id): "/alerts/" + segment(id) + "/note"
        case .alertEscalate(let id): "/alerts/" + segment(id) + "/escalate"
        case .alertIssued(let id): "/alerts/" + segment(id) + "/issued"
        case .alertReport(let id): "/alerts/" + segment(id) + "/report"
        case .reports: "/reports"
        case .reportMonthChooser: "/reports/month"
        case .reportUnitChooser: "/reports/unit"
        case .reportMonth(let m): "/reports/month/" + segment(m)
        case .reportPhase(let project, let phase): "/reports/phase/" + segment(project) + "/" + segment(phase)
        case .reportUnit(let unit): "/reports/unit/" + segment(unit)
        case .search: "/search"
        case .unitMonth(let unit, let m): "/units/" + segment(unit) + "/" + segment(m)
        case .unitMonthReturn(let unit, let m): Route.unitMonth(unit, m).path + "/return"
        case .unitMonthReopen(let unit, let m): Route.unitMonth(unit, m).path + "/reopen"
        case .adminUsers: "/admin/users"
        case .adminUserPassword: "/admin/users/password"
        case .adminUserRemove: "/admin/users/remove"
        case .adminLinks: "/admin/links"
        case .adminRotate(let unit): "/admin/links/" + segment(unit)
        }
    }

    /// The path with a query string of the pairs whose value is not nil, e.g. `/unit?sent=2026-11`.
    public func path(_ query: [(String, String?)]) -> String {
        let kept = query.compactMap { pair in pair.1.map { percentEncoded(pair.0) + "=" + percentEncoded($0) } }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }

    /// The route a path names (any method), or nil: what a redirect inside the site is checked against.
    public init?(parsing path: String) {
        guard let route = Routes.table.route(forPath: path) else { return nil }
        self = route
    }
}

/// A value that is one segment of a path: printed by `pathSegment`, read back by `init?(pathSegment:)`.
public protocol PathValue: Sendable {
    init?(pathSegment: String)
    var pathSegment: String { get }
}

extension String: PathValue {
    public init?(pathSegment: String) { self = pathSegment }
    public var pathSegment: String { self }
}

extension Int: PathValue {
    public init?(pathSegment: String) {
        guard !pathSegment.isEmpty, pathSegment.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Int(pathSegment) else { return nil }
        self = value
    }
    public var pathSegment: String { String(self) }
}

extension Month: PathValue {
    public init?(pathSegment: String) { self.init(iso: pathSegment) }
    public var pathSegment: String { iso }
}

extension Day: PathValue {
    public init?(pathSegment: String) { self.init(iso: pathSegment) }
    public var pathSegment: String { iso }
}

extension Identifier: PathValue {
    public init?(pathSegment: String) { self.init(pathSegment) }
    public var pathSegment: String { rawValue }
}

private func segment(_ value: some PathValue) -> String { percentEncoded(value.pathSegment) }

/// Percent-encodes everything but unreserved characters (RFC 3986), so a value is always one segment or one
/// query value, whatever it holds.
func percentEncoded(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        default: out += "%" + hexByte(b)
        }
    }
    return out
}

extension HTTPResponse {
    /// `303 See Other` to a page of this site, with a query string of the pairs whose value is not nil.
    static func redirect(to route: Route, _ query: [(String, String?)] = []) -> HTTPResponse {
        .redirect(to: route.path(query))
    }
}
