/// The words of the officers' and leaders' pages and of the `item` commands, Vietnamese and English side by side.
public enum OfficerText: Sendable, Hashable, Localizable {
    // messages
    case archivedItem(ItemID), invalidName, reasonNeeded(limit: Int), frontMatterNotEditable(String)
    // the item commands
    case itemGroupSummary, itemApproveSummary, itemApproveDetails, optApprover, optReason
    case itemApproved(ItemID), itemAlreadyApproved(ItemID)
    case itemSendBackSummary, itemSendBackDetails, itemSentBack(ItemID), itemAlreadySentBack(ItemID)
    case itemPinSummary, itemPinDetails, itemPinned(ItemID, date: String), itemAlreadyPinned(ItemID, date: String)
    case itemUnpinSummary, itemUnpinned(ItemID), itemNotPinned(ItemID)

    // frame and notices
    case navCalendar, navItems, navCompleteness, navAlerts, navReports, navSearch
    case notDone, doneApproved, doneSentBack, donePinned, doneUnpinned, doneUnchanged, doneProposed, doneConfirmed
    case donePublished, doneAlreadyPublished, doneResolved, doneCreated
    // dashboard
    case dashboardTitle(String), approvalDue(deadline: String, channel: String, slot: String), more(Int)
    // calendar
    case calendarTitle(String), entryState(MonthGrid.EntryState), emptySlots(Int), propose, confirmAll, planHint, day
    case readIssue, passedSlot, previewAndPublish, pinsTitle, noPins, unpin, pinItem, pinDate, pin, pinHint
    case noPinDays, pinNeedsApproval
    // items
    case itemsTitle, newItem, itemCount(Int, of: Int), title, status, channels, author, approvedOn, pinnedTo, all
    case project, filter, clearFilters, sentBackBecause, file, window, observance, preview, history
    case auditAction(AuditAction)
    case decide, approve, reason, reasonHint, sendBack, newItemIncomplete, itemID, itemIDHint, folder, createItem
    // issues
    case downloadHTML, downloadMarkdown, notPublishedYet(confirmed: Int, proposed: Int), publish
    case publishHint(units: Int)
    // completeness
    case completenessTitle, fromMonth, toMonth, cluster, onTime, late, missing, pending, notExpected, unit
    case receivedOfExpected, notSent(String, Int), dueOn(String), everyoneSent, downloadCSV, linksForOfficers
    // lists of units at national scale (issue 26): pages, filters, the groups of a level
    case pageOf(page: Int, pages: Int, units: Int), previousPage, nextPage, nameContains, stateIn(String), anyState
    case group, allUnits, groupsOf(String), groupUnits, upOneLevel, moreNotSent(Int), unitsFound(Int), findUnit
    // alerts
    case alertsTitle, alertCounts(open: Int, resolved: Int), sensitiveHidden, openedAgo(String, days: Int)
    case resolutionNote, resolve, resolvedAlerts(Int), noteNeeded
    // reports and search
    case reportsTitle, monthReport, month, open, phaseReports, notStarted, unitReports, from, to, download(String)
    case searchTitle, searchFor, search, searchHint, hits(Int)

    /// The notice a page shows after a redirect with `?done=KEY`.
    public static func done(_ key: String) -> OfficerText? {
        ["approved": .doneApproved, "sentBack": .doneSentBack, "pinned": .donePinned, "unpinned": .doneUnpinned,
         "unchanged": .doneUnchanged, "proposed": .doneProposed, "confirmed": .doneConfirmed,
         "published": .donePublished, "alreadyPublished": .doneAlreadyPublished, "resolved": .doneResolved,
         "created": .doneCreated][key]
    }

    public var phrase: Phrase {
        switch self {
        case .navCalendar: Phrase(vi: "Lịch", en: "Calendar")
        case .navItems: Phrase(vi: "Bài", en: "Items")
        case .navCompleteness: Phrase(vi: "Báo cáo CĐCS", en: "Unit reports")
        case .navAlerts: Phrase(vi: "Cảnh báo", en: "Alerts")
        case .navReports: Phrase(vi: "Báo cáo tổng hợp", en: "Reports")
        case .navSearch: Phrase(vi: "Tìm kiếm", en: "Search")
        case .notDone: Phrase(vi: "Chưa thực hiện được:", en: "Not done:")
        case .doneApproved:
            Phrase(vi: "Đã duyệt bài; tệp bài đã được cập nhật.", en: "Approved; the item's file was updated.")
        case .doneSentBack:
            Phrase(vi: "Đã trả lại bài cho tác giả; lý do được ghi trong tệp bài.",
                   en: "Sent back to its author; the reason is in the item's file.")
        case .donePinned:
            Phrase(vi: "Đã ghim bài. Hãy đề xuất lại lịch tháng để xếp bài.",
                   en: "Pinned. Propose the month again to place it.")
        case .doneUnpinned: Phrase(vi: "Đã bỏ ghim bài.", en: "Unpinned.")
        case .doneUnchanged:
            Phrase(vi: "Không có gì thay đổi: bài đã như vậy.", en: "Nothing changed: the item already reads so.")
        case .doneProposed:
            Phrase(vi: "Đã đề xuất lịch tháng; các mục đã xác nhận được giữ nguyên.",
                   en: "The month was proposed; confirmed entries were kept.")
        case .doneConfirmed:
            Phrase(vi: "Đã xác nhận cả tháng: các bài sẽ được phát hành theo lịch.",
                   en: "The whole month was confirmed: its items go out as scheduled.")
        case .donePublished:
            Phrase(vi: "Đã phát hành số này và ghi nhận việc gửi tới các đơn vị.",
                   en: "The issue was published and its deliveries recorded.")
        case .doneAlreadyPublished:
            Phrase(vi: "Số này đã phát hành trước đó; không thay đổi gì.",
                   en: "This issue was published before; nothing changed.")
        case .doneResolved: Phrase(vi: "Đã đóng cảnh báo.", en: "The alert was resolved.")
        case .doneCreated: Phrase(vi: "Đã tạo bài nháp mới.", en: "A new draft item was created.")
        case .dashboardTitle(let d): Phrase(vi: "Việc cần làm — \(d)", en: "What needs doing — \(d)")
        case .approvalDue(let deadline, let channel, let slot):
            Phrase(vi: "duyệt trước \(deadline) để lên \(channel) ngày \(slot)",
                   en: "approve by \(deadline) for \(channel) on \(slot)")
        case .more(let n): Phrase(vi: "và \(n) kỳ nữa trên lịch", en: "and \(n) more on the calendar")
        case .calendarTitle(let m): Phrase(vi: "Lịch đăng \(m)", en: "Schedule, \(m)")
        case .entryState(let s):
            switch s {
            case .proposed: Phrase(vi: "đề xuất", en: "proposed")
            case .confirmed: Phrase(vi: "đã xác nhận", en: "confirmed")
            case .published: Phrase(vi: "đã phát hành", en: "published")
            }
        case .emptySlots(let n): Phrase(vi: "\(n) kỳ còn chỗ", en: "\(n) \(n == 1 ? "slot" : "slots") with room")
        case .propose: Phrase(vi: "Đề xuất lịch tháng", en: "Propose the month")
        case .confirmAll: Phrase(vi: "Xác nhận cả tháng", en: "Confirm the whole month")
        case .planHint:
            Phrase(vi: "Đề xuất: giữ các mục đã xác nhận và xếp lại phần còn lại theo kế hoạch — mỗi bài vào một "
                       + "số của kênh mà bài dành cho, trong thời gian đăng của bài, và đã được duyệt trước ngày phát "
                       + "hành đủ số ngày kế hoạch yêu cầu. Xác nhận: chốt lịch cả tháng để các bài được phát hành.",
                   en: "Propose: keep the confirmed entries and place the rest by the plan — each item in an issue of "
                       + "a channel it is meant for, within its window, and approved the number of days the plan "
                       + "asks before the issue goes out. Confirm: settle the whole month so its items go out.")
        case .day: Phrase(vi: "Ngày", en: "Day")
        case .readIssue: Phrase(vi: "Đọc số đã phát hành", en: "Read the published issue")
        case .passedSlot: Phrase(vi: "kỳ đã qua", en: "passed")
        case .previewAndPublish: Phrase(vi: "Xem và phát hành", en: "Preview and publish")
        case .pinsTitle: Phrase(vi: "Bài được ghim trong tháng", en: "Items pinned this month")
        case .noPins: Phrase(vi: "Chưa có bài nào được ghim.", en: "No item is pinned.")
        case .unpin: Phrase(vi: "Bỏ ghim", en: "Unpin")
        case .pinItem: Phrase(vi: "Bài (đã duyệt)", en: "Item (approved)")
        case .pinDate: Phrase(vi: "Ngày phát hành", en: "Slot day")
        case .pin: Phrase(vi: "Ghim", en: "Pin")
        case .noPinDays:
            Phrase(vi: "Trong ba tháng tới không còn ngày phát hành nào của các kênh của bài mà ghim vẫn giữ đúng mọi "
                       + "quy định.",
                   en: "No slot day of the item's channels in the next three months keeps every rule with a pin.")
        case .pinNeedsApproval:
            Phrase(vi: "Chỉ ghim được bài đã duyệt: bài phải được duyệt trước ngày phát hành.",
                   en: "Only an approved item can be pinned: an item must be approved before its slot day.")
        case .pinHint:
            Phrase(vi: "Bài ghim được xếp trước tiên khi đề xuất lịch; nếu vi phạm quy tắc nào, trang sẽ nói rõ.",
                   en: "Pinned items are placed first when the month is proposed; a pin that breaks a rule is named.")
        case .itemsTitle: Phrase(vi: "Bài viết", en: "Items")
        case .newItem: Phrase(vi: "Viết bài mới", en: "New item")
        case .itemCount(let n, let all): Phrase(vi: "\(n) trên \(all) bài", en: "\(n) of \(all) items")
        case .title: Phrase(vi: "Tiêu đề", en: "Title")
        case .status: Phrase(vi: "Trạng thái", en: "Status")
        case .channels: Phrase(vi: "Kênh", en: "Channels")
        case .author: Phrase(vi: "Tác giả", en: "Author")
        case .approvedOn: Phrase(vi: "Ngày duyệt", en: "Approved")
        case .pinnedTo: Phrase(vi: "Ghim ngày", en: "Pinned to")
        case .all: Phrase(vi: "Tất cả", en: "All")
        case .project: Phrase(vi: "Đề án", en: "Project")
        case .filter: Phrase(vi: "Lọc", en: "Filter")
        case .clearFilters: Phrase(vi: "Bỏ lọc", en: "Clear filters")
        case .sentBackBecause: Phrase(vi: "Bài bị trả lại vì:", en: "Sent back because:")
        case .file: Phrase(vi: "Tệp", en: "File")
        case .window: Phrase(vi: "Thời gian đăng", en: "Window")
        case .observance: Phrase(vi: "Ngày kỷ niệm", en: "Observance")
        case .preview: Phrase(vi: "Xem trước", en: "Preview")
        case .history: Phrase(vi: "Lịch sử thay đổi", en: "History")
        case .auditAction(let a):
            switch a {
            case .itemApproved: Phrase(vi: "duyệt bài", en: "approved")
            case .itemSentBack: Phrase(vi: "trả lại bài", en: "sent back")
            case .itemPinned: Phrase(vi: "ghim bài", en: "pinned")
            case .itemUnpinned: Phrase(vi: "bỏ ghim", en: "unpinned")
            case .itemCreated: Phrase(vi: "tạo bài", en: "created")
            case .itemEdited: Phrase(vi: "sửa bài", en: "edited")
            default: Phrase(both: a.rawValue)
            }
        case .decide: Phrase(vi: "Duyệt bài", en: "Decide")
        case .approve: Phrase(vi: "Duyệt bài", en: "Approve")
        case .reason: Phrase(vi: "Lý do trả lại", en: "Reason for sending it back")
        case .reasonHint: Phrase(vi: "Tác giả sẽ đọc lý do này cùng với bài và trên trang này.",
        en: "The author reads it with the item and on this page.")
        case .sendBack: Phrase(vi: "Trả lại cho tác giả", en: "Send back to the author")
        case .newItemIncomplete:
            Phrase(vi: "bài mới cần tiêu đề, ít nhất một nội dung trọng tâm và một kênh",
                   en: "a new item needs a title, at least one theme and one channel")
        case .itemID: Phrase(vi: "Mã bài (không bắt buộc)", en: "Item id (optional)")
        case .itemIDHint: Phrase(vi: "Chữ thường không dấu, số, dấu gạch ngang; bỏ trống thì lấy từ tiêu đề.",
        en: "Lower-case letters, digits and hyphens; left empty, it comes from the title.")
        case .folder: Phrase(vi: "Thư mục", en: "Folder")
        case .createItem: Phrase(vi: "Tạo bài nháp", en: "Create the draft")
        case .downloadHTML: Phrase(vi: "Tải bản in", en: "Download for print")
        case .downloadMarkdown: Phrase(vi: "Tải văn bản", en: "Download as text")
        case .notPublishedYet(let confirmed, let proposed):
            Phrase(vi: "Chưa phát hành: \(confirmed) bài đã xác nhận, \(proposed) bài mới đề xuất (chưa vào số).",
                   en: "Not published yet: \(confirmed) confirmed, \(proposed) only proposed (not in the issue).")
        case .publish: Phrase(vi: "Phát hành số này", en: "Publish this issue")
        case .publishHint(let units):
            Phrase(vi: "Như lệnh loa publish: ghi tệp số báo vào out/issues/ và ghi nhận việc gửi tới \(units) đơn vị.",
                   en: "As loa publish does: writes the issue to out/issues/ and records its delivery to \(units) "
                       + "units.")
        case .pageOf(let p, let n, let u):
            Phrase(vi: "Trang \(Localizer(.vi).count(p))/\(Localizer(.vi).count(n)) · "
                       + "\(Localizer(.vi).count(u)) đơn vị",
                   en: "Page \(Localizer(.en).count(p)) of \(Localizer(.en).count(n)) · \(Localizer(.en).count(u)) "
                       + "\(u == 1 ? "unit" : "units")")
        case .previousPage: Phrase(vi: "← Trang trước", en: "← Previous page")
        case .nextPage: Phrase(vi: "Trang sau →", en: "Next page →")
        case .nameContains: Phrase(vi: "Tên có chữ", en: "Name contains")
        case .stateIn(let m): Phrase(vi: "Tình trạng tháng \(m)", en: "State in \(m)")
        case .anyState: Phrase(vi: "Mọi tình trạng", en: "Any state")
        case .group: Phrase(vi: "Cụm, cấp trên", en: "Cluster or group")
        case .allUnits: Phrase(vi: "Tất cả", en: "All")
        case .groupsOf(let m): Phrase(vi: "Theo nhóm, tháng \(m)", en: "By group, \(m)")
        case .groupUnits: Phrase(vi: "Số CĐCS", en: "Units")
        case .upOneLevel: Phrase(vi: "↑ Lên một cấp", en: "↑ Up one level")
        case .moreNotSent(let n):
            Phrase(vi: "và \(Localizer(.vi).count(n)) đơn vị khác — xem trang sau hoặc tải CSV",
                   en: "and \(Localizer(.en).count(n)) more — see the next pages or download the CSV")
        case .unitsFound(let n):
            Phrase(vi: "\(Localizer(.vi).count(n)) đơn vị",
                   en: "\(Localizer(.en).count(n)) \(n == 1 ? "unit" : "units")")
        case .findUnit: Phrase(vi: "Tìm", en: "Find")
        case .completenessTitle: Phrase(vi: "Tình hình gửi báo cáo của các CĐCS", en: "Reporting completeness by unit")
        case .fromMonth: Phrase(vi: "Từ tháng", en: "From month")
        case .toMonth: Phrase(vi: "Đến tháng", en: "To month")
        case .cluster: Phrase(vi: "Cụm", en: "Cluster")
        case .onTime: Phrase(vi: "đúng hạn", en: "on time")
        case .late: Phrase(vi: "muộn", en: "late")
        case .missing: Phrase(vi: "chưa gửi, quá hạn", en: "missing, overdue")
        case .pending: Phrase(vi: "chưa đến hạn", en: "not yet due")
        case .notExpected: Phrase(vi: "không phải gửi", en: "not expected")
        case .unit: Phrase(vi: "Đơn vị", en: "Unit")
        case .receivedOfExpected: Phrase(vi: "Đã nhận / phải gửi", en: "Received / expected")
        case .notSent(let m, let n):
            Phrase(vi: "Chưa gửi báo cáo \(m): \(n) đơn vị",
                   en: "Not sent for \(m): \(n) \(n == 1 ? "unit" : "units")")
        case .dueOn(let d): Phrase(vi: "Hạn gửi: \(d).", en: "Due: \(d).")
        case .everyoneSent: Phrase(vi: "Tất cả các đơn vị đã gửi.", en: "Every unit has sent it.")
        case .downloadCSV:
            Phrase(vi: "Tải bảng tính danh sách để nhắc", en: "Download the reminder list as a spreadsheet")
        case .linksForOfficers:
            Phrase(vi: "Đường dẫn riêng của các đơn vị chỉ hiện cho cán bộ nghiệp vụ.",
                   en: "Units' private links are shown to officers only.")
        case .alertsTitle: Phrase(vi: "Cảnh báo vấn đề nhạy cảm", en: "Sensitive-issue alerts")
        case .alertCounts(let open, let resolved):
            Phrase(vi: "\(open) cảnh báo đang mở, \(resolved) đã xử lý.", en: "\(open) open, \(resolved) resolved.")
        case .sensitiveHidden:
            Phrase(vi: "Nội dung vấn đề nhạy cảm chỉ hiện cho người được cấp quyền; ở đây chỉ có số lượng.",
                   en: "Sensitive topics and details are shown only to users with that permission; here, only counts.")
        case .openedAgo(let d, let days):
            Phrase(vi: "Mở ngày \(d), \(days) ngày trước", en: "Opened on \(d), \(days) days ago")
        case .resolutionNote: Phrase(vi: "Cách đã xử lý", en: "How it was handled")
        case .resolve: Phrase(vi: "Đóng cảnh báo", en: "Resolve")
        case .resolvedAlerts(let n): Phrase(vi: "Đã xử lý (\(n))", en: "Resolved (\(n))")
        case .noteNeeded:
            Phrase(vi: "Hãy ghi cách đã xử lý trước khi đóng cảnh báo.",
                   en: "Say how it was handled before resolving it.")
        case .reportsTitle: Phrase(vi: "Báo cáo tổng hợp", en: "Reports")
        case .monthReport: Phrase(vi: "Báo cáo tháng", en: "Month report")
        case .month: Phrase(vi: "Tháng", en: "Month")
        case .open: Phrase(vi: "Xem", en: "Open")
        case .phaseReports: Phrase(vi: "Báo cáo sơ kết, tổng kết giai đoạn", en: "Phase reports")
        case .notStarted: Phrase(vi: "(chưa bắt đầu)", en: "(not started)")
        case .unitReports: Phrase(vi: "Báo cáo của một đơn vị", en: "Unit report")
        case .from: Phrase(vi: "Từ ngày", en: "From")
        case .to: Phrase(vi: "Đến ngày", en: "To")
        // a download by what it is to the reader, not by its file format
        case .download(let f):
            switch f.lowercased() {
            case "md", "markdown": Phrase(vi: "Tải văn bản", en: "Download as text")
            case "html": Phrase(vi: "Tải bản in", en: "Download for print")
            case "csv": Phrase(vi: "Tải bảng tính", en: "Download the spreadsheet")
            case "json": Phrase(vi: "Tải dữ liệu cho phần mềm khác", en: "Download the data for other software")
            case "docx", "word": Phrase(vi: "Tải bản Word", en: "Download for Word")
            default: Phrase(vi: "Tải \(f)", en: "Download \(f)")
            }
        case .searchTitle: Phrase(vi: "Tìm kiếm", en: "Search")
        case .searchFor: Phrase(vi: "Tìm trong bài, hoạt động và ý kiến", en: "Search items, activities and feedback")
        case .search: Phrase(vi: "Tìm", en: "Search")
        case .searchHint: Phrase(vi: "Gõ có dấu hoặc không dấu: \"chuyen doi so\" tìm được \"chuyển đổi số\".",
        en: "With or without diacritics: \"chuyen doi so\" finds \"chuyển đổi số\".")
        case .hits(let n): Phrase(vi: "\(n) kết quả", en: "\(n) \(n == 1 ? "result" : "results")")
        case .archivedItem(let id):
            Phrase(vi: "bài \(id) đã lưu trữ; hãy đổi trạng thái trong tệp trước",
                   en: "item \(id) is archived; change its status in the file first")
        case .invalidName:
            Phrase(vi: "tên người duyệt phải là một dòng, không để trống",
                   en: "the approver's name must be one line, not empty")
        case .reasonNeeded(let limit):
            Phrase(vi: "cần ghi lý do trả lại (tối đa \(limit) ký tự)",
                   en: "give the reason for sending it back (at most \(limit) characters)")
        case .frontMatterNotEditable(let key):
            Phrase(vi: "không sửa tự động được khóa \"\(key)\" của phần đầu; hãy sửa tệp bằng tay",
                   en: "the front matter's \"\(key)\" cannot be edited automatically; edit the file by hand")
        case .itemGroupSummary:
            Phrase(vi: "Duyệt, trả lại, ghim bài (ghi vào phần đầu của tệp bài, giữ nguyên phần còn lại).",
                   en: "Approve, send back or pin an item (written into the item's front matter, the rest kept as is).")
        case .itemApproveSummary:
            Phrase(vi: "Duyệt bài: status approved, ngày duyệt hôm nay, người duyệt.",
                   en: "Approve an item: status approved, approved today, the approver.")
        case .itemApproveDetails:
            Phrase(vi: "Ghi status: approved, approved: (hôm nay) và approved_by vào phần đầu của tệp bài, bỏ "
                       + "review_note; mọi byte khác của tệp giữ nguyên. Việc duyệt được ghi vào lịch sử thay đổi. "
                       + "Trang web của cán bộ làm đúng như lệnh này.",
                   en: "Writes status: approved, approved: (today) and approved_by into the item's front matter and "
                       + "drops review_note; every other byte of the file stays. The approval is recorded in the audit "
                       + "history. The officers' web page does exactly the same.")
        case .optApprover:
            Phrase(vi: "người duyệt (mặc định: LOA_USER hoặc USER)", en: "the approver (default: LOA_USER or USER)")
        case .optReason:
            Phrase(vi: "lý do trả lại, để tác giả sửa (bắt buộc)", en: "why, for the author to act on (required)")
        case .itemApproved(let id): Phrase(vi: "Đã duyệt bài \(id).", en: "Item \(id) approved.")
        case .itemAlreadyApproved(let id):
            Phrase(vi: "Bài \(id) đã được duyệt; không thay đổi gì.",
                   en: "Item \(id) is already approved; nothing changed.")
        case .itemSendBackSummary:
            Phrase(vi: "Trả lại bài cho tác giả kèm lý do (status draft, lý do ở review_note).",
                   en: "Send an item back to its author with a reason (status draft, the reason in review_note).")
        case .itemSendBackDetails:
            Phrase(vi: "Ghi status: draft và review_note: LÝ DO vào phần đầu của tệp bài, bỏ approved và approved_by "
                       + "nếu có; tệp vẫn hợp lệ và tác giả đọc được lý do ngay trong tệp cũng như trên trang web.",
                   en: "Writes status: draft and review_note: REASON into the item's front matter and drops approved "
                       + "and approved_by if present; the file stays valid and its author reads the reason in it and "
                       + "on the web.")
        case .itemSentBack(let id):
            Phrase(vi: "Đã trả lại bài \(id) cho tác giả.", en: "Item \(id) sent back to its author.")
        case .itemAlreadySentBack(let id):
            Phrase(vi: "Bài \(id) đã được trả lại với lý do này; không thay đổi gì.",
                   en: "Item \(id) was already sent back with this reason; nothing changed.")
        case .itemPinSummary:
            Phrase(vi: "Ghim bài vào một ngày phát hành của kênh của bài (pin).",
                   en: "Pin an item to a slot day of its channels (pin).")
        case .itemPinDetails:
            Phrase(vi: "Ngày ghim phải là ngày phát hành của ít nhất một kênh của bài (quy tắc 7). Bài ghim được xếp "
                       + "trước khi lập kế hoạch tháng đó; nếu vi phạm quy tắc khác, loa plan báo lỗi nêu rõ quy tắc.",
                   en: "The date must be a slot day of at least one of the item's channels (rule 7). Pinned items are "
                       + "placed first when that month is planned; if one breaks another rule, loa plan says which.")
        case .itemPinned(let id, let date):
            Phrase(vi: "Đã ghim bài \(id) vào ngày \(date).", en: "Item \(id) pinned to \(date).")
        case .itemAlreadyPinned(let id, let date):
            Phrase(vi: "Bài \(id) đã được ghim vào ngày \(date); không thay đổi gì.",
                   en: "Item \(id) is already pinned to \(date); nothing changed.")
        case .itemUnpinSummary: Phrase(vi: "Bỏ ghim bài.", en: "Remove an item's pin.")
        case .itemUnpinned(let id): Phrase(vi: "Đã bỏ ghim bài \(id).", en: "Item \(id) unpinned.")
        case .itemNotPinned(let id):
            Phrase(vi: "Bài \(id) không được ghim; không thay đổi gì.",
                   en: "Item \(id) is not pinned; nothing changed.")
        }
    }
}
