/// What the command line says: help texts and results, Vietnamese and English side by side.
public enum CommandText: Sendable, Hashable, Localizable {
    // help
    case overviewIntro, overviewUsage, commands, subcommands, usage, options, globalOptions, moreHelp
    case moreHelpGroup(String)
    case helpSummary
    case optWorkspace, optDatabase, optToday, optLanguage, optQuiet, optHelp, optJSON, optPlanFormat
    // commands
    case checkSummary, checkDetails
    case checkValid(projects: Int, themes: Int, channels: Int, units: Int, items: Int, observances: Int)
    case initSummary, initDone(String)
    case newGroupSummary, newItemSummary, optTitle, optTheme, optChannel, optItemId, optAuthor, optSummary, optDir
    case approveHint, newItemBody
    case planSummary, planDetails, optConfirm, planDone(month: String, entries: Int, confirmed: Int, withRoom: Int)
    case publishSummary, publishDetails, alreadyPublished(channel: String, date: String)
    case published(items: Int, deliveries: Int, units: Int)
    case renderSummary, optOutDir, renderDone(count: Int, folder: String)
    case formSummary
    case importSummary, importDetails, optStrict, nothingToImport, strictNothingImported
    case importDone(imported: Int, unchanged: Int, corrected: Int, rejected: Int)
    case importMoved(count: Int, folder: String)
    case alertsSummary, optIncludeSensitiveDetail, optAllAlerts, noOpenAlerts, days(Int), resolvedOn(String)
    case alertsResolveSummary, optNote, optBy, alertResolved(Int)
    case alertsNoteSummary, alertsEscalateSummary, alertsIssuedSummary, optAuthority, optProposal, optDocumentNumber
    case optIssuedOn, alertNoted(Int), alertEscalated(id: Int, authority: String), alertIssued(Int)
    case searchSummary, optSearchSensitive, noResults
    case statusSummary, statusTitle(String), statusSlots(String), slotPublished, slotConfirmed(Int), slotProposed(Int)
    case slotEmpty
    case statusDeliveries(Int), statusApprovals(Int), noneParenthesized
    case approvalDue(deadline: String, item: String, channel: String, slot: String)
    case statusEmptySlots(Int), free(Int), statusOverdue, statusAlerts(Int), statusAnniversaries
    case reportGroupSummary, reportMonthSummary, reportPhaseSummary, reportUnitSummary, reportWarningsSummary
    case optReportFormat, optOutputFile, optIncludeSensitive, optFinal, optFrom, optTo, optLevel
    case backupSummary, backupDone(String)
    case demoSummary, demoIntro(String), demoDone(String), demoCheck, demoPlanNovember, demoPublish(String), demoForm
    case demoImport, demoPlanDecember, demoMonthReport, demoPhaseReport, demoUnitReport, demoAlerts, demoStatus
    case demoWarnings, demoEscalate, demoEscalationNote
    case demoServe(workspace: String, unit: String, link: String)
    // the web front
    case serveSummary, serveDetails, optListen, optBaseURL, optBehindProxy, serving(url: String, base: String)
    case optNewKey, newKeyMade(String), optAdmin
    case optApprove, optAudience
    case serverStopped
    case linksSummary, linksDetails, optRotate, optLinksFormat, linksRotated(Int), linkCardHint, linkSheetTitle
    case userGroupSummary, userAddSummary, userRemoveSummary, userPasswdSummary, passwordDetails, optRole, optSensitive
    case userAdded(String), userRemoved(String), passwordChanged(String), passwordPrompt, passwordAgain
    /// The `item` commands' texts (their own catalog).
    case officer(OfficerText)
    /// What distribution says: sending, receipts, publishing on schedule (their own catalog).
    case delivery(DeliveryText)
    /// The `calendar` commands' help and answers (their own catalog).
    case calendar(CalendarText)

    public var phrase: Phrase {
        switch self {
        case .overviewIntro:
            Phrase(vi: "Loa — lập kế hoạch, lịch đăng và theo dõi công tác tuyên truyền của công đoàn.",
                   en: "Loa — plans, schedules and tracks a trade union's communication campaign.")
        case .overviewUsage: Phrase(vi: "Cách dùng: loa LỆNH [tham số] [tùy chọn]",
            en: "Usage: loa COMMAND [arguments] [options]")
        case .commands: Phrase(vi: "Các lệnh", en: "Commands")
        case .subcommands: Phrase(vi: "Các lệnh con", en: "Subcommands")
        case .usage: Phrase(vi: "Cách dùng", en: "Usage")
        case .options: Phrase(vi: "Tùy chọn", en: "Options")
        case .globalOptions: Phrase(vi: "Tùy chọn chung", en: "Global options")
        case .moreHelp: Phrase(vi: "Xem chi tiết: loa help LỆNH hoặc loa LỆNH --help.",
            en: "More: loa help COMMAND or loa COMMAND --help.")
        case .moreHelpGroup(let g):
            Phrase(vi: "Xem chi tiết: loa help \(g) LỆNH-CON hoặc loa \(g) LỆNH-CON --help.",
                   en: "More: loa help \(g) SUBCOMMAND or loa \(g) SUBCOMMAND --help.")
        case .helpSummary: Phrase(vi: "In hướng dẫn chung, của một nhóm lệnh hoặc của một lệnh.",
                                  en: "Print the overview, a group's or a command's help.")
        case .optWorkspace: Phrase(vi: "thư mục không gian làm việc", en: "workspace folder")
        case .optDatabase: Phrase(vi: "tệp cơ sở dữ liệu (mặc định WORKSPACE/loa.sqlite)",
            en: "database file (default WORKSPACE/loa.sqlite)")
        case .optToday: Phrase(vi: "ngày hôm nay (để kết quả lặp lại được); cũng LOA_TODAY",
                               en: "today's date (for reproducible output); also LOA_TODAY")
        case .optLanguage: Phrase(vi: "ngôn ngữ (mặc định vi; cũng LOA_LANG)",
            en: "language (default vi; also LOA_LANG)")
        case .optQuiet: Phrase(vi: "không in thông báo phụ", en: "print less")
        case .optHelp: Phrase(vi: "hướng dẫn của lệnh", en: "this command's help")
        case .optJSON: Phrase(vi: "in kết quả dạng JSON", en: "print the result as JSON")
        case .optPlanFormat: Phrase(vi: "in lịch dạng JSON, hoặc văn bản kế hoạch dạng Word (docx)",
                                    en: "print the schedule as JSON, or the plan document as Word (docx)")
        case .checkSummary: Phrase(vi: "Kiểm tra toàn bộ không gian làm việc: kế hoạch, kênh, đơn vị, bài, lịch kỷ "
            + "niệm.",
                                   en: "Validate the whole workspace: plan, channels, units, items, observances.")
        case .checkDetails: Phrase(vi: "In mọi lỗi cùng lúc dạng tệp:dòng:cột; mã thoát 65 khi có lỗi.",
                                   en: "Prints every problem at once as path:line:col; exit 65 on any error.")
        case .checkValid(let p, let th, let c, let u, let i, let o):
            Phrase(vi: "Hợp lệ: \(p) đề án, \(th) nội dung trọng tâm, \(c) kênh, \(u) đơn vị, \(i) bài, \(o) ngày kỷ "
                + "niệm.",
                   en: "Valid: \(p) projects, \(th) themes, \(c) channels, \(u) units, \(i) items, \(o) observances.")
        case .initSummary: Phrase(vi: "Tạo không gian làm việc mới từ kế hoạch mẫu đi kèm (content/, calendars/, "
            + "reports/).",
                                  en: "Create a new workspace from the shipped plan (content/, calendars/, reports/).")
        case .initDone(let p): Phrase(vi: "Đã tạo không gian làm việc tại \(p)", en: "Created a workspace at \(p)")
        case .newGroupSummary: Phrase(vi: "Tạo mới nội dung.", en: "Create new content.")
        case .newItemSummary: Phrase(vi: "Tạo bài mới content/items/ID.md với phần đầu hợp lệ (trạng thái draft).",
                                     en: "Create content/items/ID.md with a valid front matter skeleton (status "
                                         + "draft).")
        case .optTitle: Phrase(vi: "tiêu đề (bắt buộc)", en: "title (required)")
        case .optTheme: Phrase(vi: "nội dung trọng tâm, ví dụ museum/1.1/b (lặp lại được)",
            en: "theme, e.g. museum/1.1/b (repeatable)")
        case .optChannel: Phrase(vi: "kênh (lặp lại được)", en: "channel (repeatable)")
        case .optItemId: Phrase(vi: "mã bài (mặc định: từ tiêu đề)", en: "item id (default: from the title)")
        case .optAuthor: Phrase(vi: "người viết", en: "author")
        case .optSummary: Phrase(vi: "tóm tắt một câu", en: "one-sentence summary")
        case .optDir: Phrase(vi: "thư mục con trong content/items", en: "subfolder of content/items")
        case .approveHint: Phrase(vi: "khi duyệt: đổi status thành approved và ghi ngày duyệt",
                                  en: "to approve: set status to approved and give the date")
        case .newItemBody: Phrase(vi: "Viết nội dung bài ở đây (Markdown).",
            en: "Write the item's body here (Markdown).")
        case .planSummary:
            Phrase(vi: "Đề xuất lịch đăng bài của tháng: ghi calendars/YYYY-MM.ics và kế hoạch out/plans/YYYY-MM.md, "
                + ".html.",
                   en: "Propose the month's schedule: writes calendars/YYYY-MM.ics and the plan out/plans/YYYY-MM.md "
                       + "and .html.")
        case .planDetails:
            Phrase(vi: "Giữ nguyên các mục đã xác nhận; --confirm xác nhận toàn bộ. Không đề xuất bài mới vào kỳ đã "
                + "qua. "
                       + "Bài ghim vi phạm quy tắc nào thì dừng với mã thoát 65 và nêu quy tắc đó.",
                   en: "Confirmed entries are kept; --confirm confirms every entry. Nothing new goes into a slot that "
                       + "has passed. "
                       + "A pin that breaks a rule stops the plan with exit 65, naming the rule.")
        case .optConfirm: Phrase(vi: "xác nhận mọi mục của lịch", en: "mark every entry confirmed")
        case .planDone(let m, let e, let c, let r):
            Phrase(vi: "\(m.prefix(1).uppercased() + m.dropFirst()): \(e) mục (\(c) đã xác nhận), \(r) kỳ còn chỗ "
                + "trống.",
                   en: "\(m): \(e) entries (\(c) confirmed), \(r) slots with room.")
        case .publishSummary:
            Phrase(vi: "Xuất bản một kỳ: các bài đã xác nhận của kênh vào ngày đó thành out/issues/KÊNH/NGÀY.html (in "
                + "A4) và .md.",
                   en: "Publish one slot: the confirmed items of that channel and day become "
                       + "out/issues/CHANNEL/DATE.html (A4) and .md.")
        case .publishDetails:
            Phrase(vi: "Ghi nhận lần đăng và một lượt chuyển đến mỗi đơn vị nhận cho mỗi bài, rồi gửi số báo theo "
                + "kênh (deliver: trong channels.yml: thư điện tử, Zalo OA, nguồn tin, bản in). Xuất bản lại không "
                + "thay đổi gì. --due xuất bản các kỳ đã xác nhận trong 7 ngày qua chưa xuất bản.",
                   en: "Records the publication and one delivery per receiving unit and item, then delivers the "
                       + "issue through its channel's medium (deliver: in channels.yml: e-mail, Zalo OA, feed, "
                       + "print). Publishing again changes nothing. --due publishes the confirmed slots of the last "
                       + "7 days not yet published.")
        case .alreadyPublished(let c, let d):
            Phrase(vi: "Kỳ \(c) ngày \(d) đã được xuất bản trước đó; không thay đổi gì.",
                   en: "\(c) on \(d) was already published; nothing changed.")
        case .published(let i, let d, let u):
            Phrase(vi: "Đã xuất bản \(i) bài, \(d) lượt chuyển đến \(u) đơn vị.",
                   en: "Published \(i) items, \(d) deliveries to \(u) units.")
        case .renderSummary: Phrase(vi: "Xuất mọi bài thành trang HTML để xem trước: out/items/ID.html và "
            + "out/items/index.html.",
                                    en: "Render every content item as an HTML page for preview: out/items/ID.html and "
                                        + "out/items/index.html.")
        case .optOutDir: Phrase(vi: "thư mục đích (mặc định out/items)", en: "target folder (default out/items)")
        case .renderDone(let n, let f): Phrase(vi: "Đã xuất \(n) bài vào \(f)", en: "Rendered \(n) items to \(f)")
        case .formSummary:
            Phrase(vi: "Ghi mẫu báo cáo tháng của một CĐCS, điền sẵn đơn vị, kỳ và các số bản tin đã chuyển đến: "
                + "out/forms/UNIT-YYYY-MM.md.",
                   en: "Write a unit's monthly report form, pre-filled with unit, period and the issues delivered: "
                       + "out/forms/UNIT-YYYY-MM.md.")
        case .importSummary:
            Phrase(vi: "Nhập báo cáo (.md) và bảng hoạt động (.csv) từ tệp hoặc thư mục, theo thứ tự đường dẫn.",
                   en: "Import report forms (.md) and activity tables (.csv) from files or folders, in path order.")
        case .importDetails:
            Phrase(vi: "Mỗi tệp nhập trọn vẹn hoặc không; --strict: cả lô trọn vẹn hoặc không. Mã thoát 65 khi có tệp "
                + "bị từ chối. "
                       + "Tệp đã nhập từ reports/inbox/ được chuyển sang reports/imported/YYYY-MM/; tệp bị từ chối ở "
                           + "lại.",
                   en: "Each file is all-or-nothing; --strict makes the batch all-or-nothing. Exit 65 when any file "
                       + "was rejected. "
                       + "Imported files from reports/inbox/ move to reports/imported/YYYY-MM/; rejected ones stay.")
        case .optStrict: Phrase(vi: "cả lô trọn vẹn hoặc không", en: "the whole batch is all-or-nothing")
        case .nothingToImport: Phrase(vi: "Không có tệp .md hoặc .csv nào để nhập.",
            en: "No .md or .csv file to import.")
        case .strictNothingImported: Phrase(vi: "--strict: có tệp bị từ chối nên không nhập tệp nào.",
                                            en: "--strict: a file was rejected, so nothing was imported.")
        case .importDone(let i, let u, let c, let r):
            Phrase(vi: "Đã nhập \(i), không đổi (đã nhập) \(u), hiệu chỉnh \(c), bị từ chối \(r).",
                   en: "Imported \(i), unchanged \(u), corrected \(c), rejected \(r).")
        case .importMoved(let n, let f):
            Phrase(vi: "Đã chuyển \(n) tệp đã nhập ra khỏi hộp thư đến (\(f)…); tệp còn lại trong reports/inbox/ là "
                + "việc còn phải làm.",
                   en: "Moved \(n) imported files out of the inbox (\(f)…); what is left in reports/inbox/ is still "
                       + "to do.")
        case .alertsSummary:
            Phrase(vi: "Liệt kê các cảnh báo (vấn đề nhạy cảm) đang mở, cũ nhất trước, kèm số ngày; chi tiết chỉ hiện "
                + "với --include-sensitive.",
                   en: "List open alerts (sensitive issues), oldest first, with their age in days; details only with "
                       + "--include-sensitive.")
        case .optIncludeSensitiveDetail: Phrase(vi: "hiện cả nội dung chi tiết", en: "show details too")
        case .optAllAlerts: Phrase(vi: "gồm cả cảnh báo đã đóng", en: "include resolved alerts")
        case .noOpenAlerts: Phrase(vi: "Không có cảnh báo nào đang mở.", en: "No open alerts.")
        case .days(let n): Phrase(vi: "\(n) ngày", en: "\(n) \(n == 1 ? "day" : "days")")
        case .resolvedOn(let d): Phrase(vi: "(đã đóng \(d))", en: "(resolved \(d))")
        case .alertsResolveSummary: Phrase(vi: "Đóng một cảnh báo, ghi lại người xử lý, ngày và ghi chú.",
                                           en: "Close an alert, recording who, when and a note.")
        case .optNote: Phrase(vi: "cách đã xử lý (bắt buộc)", en: "how it was handled (required)")
        case .optBy: Phrase(vi: "người xử lý (mặc định: LOA_USER hoặc USER)", en: "who (default: LOA_USER or USER)")
        case .alertResolved(let id): Phrase(vi: "Đã đóng cảnh báo #\(id).", en: "Alert #\(id) resolved.")
        case .alertsEscalateSummary:
            Phrase(vi: "Lập báo cáo vụ việc gửi cấp có thẩm quyền (md, html, docx) và ghi vào lịch sử cảnh báo.",
                   en: "Write the report of the matter to the competent authority (md, html, docx) and record it.")
        case .alertsNoteSummary: Phrase(vi: "Ghi thêm việc đã làm, phối hợp giải quyết một cảnh báo.",
                                        en: "Add a follow-up note to an alert (what was done, who helped settle it).")
        case .alertsIssuedSummary: Phrase(vi: "Ghi số và ngày của báo cáo vụ việc sau khi đã ký, ban hành.",
                                          en: "Record the number and date of the escalation report once signed.")
        case .optAuthority: Phrase(vi: "cơ quan có thẩm quyền nhận báo cáo (mã trong plan.yml, mục authorities)",
                                   en: "the authority the report goes to (its id under authorities in plan.yml)")
        case .optProposal: Phrase(vi: "đề xuất, kiến nghị ghi vào báo cáo", en: "the proposals the report makes")
        case .optDocumentNumber: Phrase(vi: "số văn bản do văn thư cấp", en: "the number the office gave it")
        case .optIssuedOn: Phrase(vi: "ngày ban hành (mặc định: hôm nay)", en: "the day it was issued (default: today)")
        case .alertNoted(let id): Phrase(vi: "Đã ghi nhận vào cảnh báo #\(id).", en: "Note added to alert #\(id).")
        case .alertEscalated(let id, let authority):
            Phrase(vi: "Đã lập báo cáo vụ việc của cảnh báo #\(id) gửi \(authority) (dự thảo để trình ký):",
                   en: "Alert #\(id): the report to \(authority) is written (a draft for signing):")
        case .alertIssued(let id): Phrase(vi: "Đã ghi số văn bản của cảnh báo #\(id):",
                                          en: "Alert #\(id): the signed report is recorded:")
        case .searchSummary:
            Phrase(vi: "Tìm trong bài (tiêu đề, tóm tắt, nội dung), hoạt động và ý kiến đã ghi nhận; không phân biệt "
                + "dấu "
                       + "(\"chuyen doi so\" tìm được \"chuyển đổi số\").",
                   en: "Search items (title, summary, body), recorded activities and feedback, diacritic-insensitive "
                       + "(\"chuyen doi so\" finds \"chuyển đổi số\").")
        case .optSearchSensitive: Phrase(vi: "tìm cả trong vấn đề nhạy cảm", en: "search sensitive issues too")
        case .noResults: Phrase(vi: "Không tìm thấy kết quả nào.", en: "No results.")
        case .statusSummary:
            Phrase(vi: "Tổng quan việc cần làm hôm nay: kỳ phát hành trong tháng, bài chờ duyệt sắp đến hạn, kỳ còn "
                + "trống, "
                       + "báo cáo quá hạn theo đơn vị, cảnh báo đang mở và các ngày kỷ niệm năm chẵn sắp tới.",
                   en: "One screen of what needs doing today: this month's slots, items in review nearing their "
                       + "deadline, empty "
                       + "slots, reports overdue by unit, open alerts by age, and the next round anniversaries.")
        case .statusTitle(let d): Phrase(vi: "Loa — tình hình ngày \(d)", en: "Loa — status on \(d)")
        case .statusSlots(let m): Phrase(vi: "Kỳ phát hành \(m):", en: "Slots in \(m):")
        case .slotPublished: Phrase(vi: "đã xuất bản", en: "published")
        case .slotConfirmed(let n): Phrase(vi: "\(n) bài đã xác nhận", en: "\(n) confirmed")
        case .slotProposed(let n): Phrase(vi: "\(n) bài đề xuất, chưa xác nhận", en: "\(n) proposed, not confirmed")
        case .slotEmpty: Phrase(vi: "trống", en: "empty")
        case .statusDeliveries(let n): Phrase(vi: "Lượt chuyển bài đến đơn vị trong tháng: \(n)",
            en: "Deliveries this month: \(n)")
        case .statusApprovals(let d): Phrase(vi: "Bài chờ duyệt cần duyệt trong \(d) ngày tới:",
            en: "Items in review due for approval in \(d) days:")
        case .noneParenthesized: Phrase(vi: "(không có)", en: "(none)")
        case .approvalDue(let dl, let i, let c, let s):
            Phrase(vi: "duyệt trước \(dl): \(i) → \(c), kỳ \(s)", en: "approve by \(dl): \(i) → \(c), slot \(s)")
        case .statusEmptySlots(let n): Phrase(vi: "Kỳ còn chỗ trống (từ hôm nay đến hết tháng sau): \(n)",
                                              en: "Slots with room (from today to the end of next month): \(n)")
        case .free(let n): Phrase(vi: "còn \(n) chỗ", en: "\(n) free")
        case .statusOverdue: Phrase(vi: "Báo cáo quá hạn:", en: "Reports overdue:")
        case .statusAlerts(let n): Phrase(vi: "Cảnh báo đang mở: \(n)", en: "Open alerts: \(n)")
        case .statusAnniversaries: Phrase(vi: "Ngày kỷ niệm năm chẵn sắp tới:", en: "Next round anniversaries:")
        case .reportGroupSummary: Phrase(vi: "Báo cáo theo tháng, theo giai đoạn (sơ kết, tổng kết) hoặc theo đơn vị.",
                                         en: "Reports by month, by phase (interim or final review) or by unit.")
        case .reportMonthSummary:
            Phrase(vi: "Báo cáo kết quả tuyên truyền của tháng (Markdown và HTML trong out/reports/, hoặc --format "
                + "md|html|csv|json).",
                   en: "The month's report (Markdown and HTML under out/reports/, or --format md|html|csv|json).")
        case .reportPhaseSummary:
            Phrase(vi: "Báo cáo sơ kết (hoặc tổng kết khi giai đoạn đã kết thúc) một giai đoạn của đề án; mặc định từ "
                + "đầu giai đoạn "
                       + "đến hôm nay. Chỉ tính bài và hoạt động có nội dung trọng tâm của giai đoạn.",
                   en: "Interim (or, once the phase ended, final) review of a project phase; by default from the "
                       + "phase start to "
                       + "today. Counts only items and activities carrying one of the phase's themes.")
        case .reportUnitSummary: Phrase(vi: "Báo cáo kết quả của một CĐCS; mặc định 12 tháng gần nhất đến hôm nay.",
                                        en: "One unit's report; by default the last 12 months up to today.")
        case .reportWarningsSummary:
            Phrase(vi: "Cảnh báo sớm hôm nay: đơn vị, cụm có đoàn viên lo ngại tăng lên, vấn đề nhiều đơn vị cùng nêu.",
                   en: "Today's early warnings: units and clusters growing worried, concerns several units raise.")
        case .optReportFormat: Phrase(vi: "in báo cáo ra màn hình ở định dạng này",
            en: "print the report in this format")
        case .optFinal: Phrase(vi: "bản chính thức để trình ký: thiếu mục nào do cán bộ viết (II–IV) là lỗi",
            en: "the final report for signing: a missing part officers write (II–IV) is an error")
        case .optOutputFile: Phrase(vi: "ghi vào tệp thay vì màn hình (cùng --format)",
            en: "write to FILE instead of stdout (with --format)")
        case .optIncludeSensitive: Phrase(vi: "kèm nội dung các vấn đề nhạy cảm",
            en: "include sensitive issues' topics and details")
        case .optFrom: Phrase(vi: "từ ngày", en: "from day")
        case .optTo: Phrase(vi: "đến ngày", en: "to day")
        case .optLevel:
            Phrase(vi: "tổng hợp theo cấp: unit (từng CĐCS), cluster (cụm), 1, 2… (cấp trên của cụm); mặc định cấp "
                + "chi tiết nhất có không quá 40 nhóm",
                   en: "aggregate by level: unit, cluster, 1, 2… (steps above the cluster); default the most detailed "
                       + "level with at most 40 groups")
        case .backupSummary:
            Phrase(vi: "Sao lưu cơ sở dữ liệu đang dùng sang PATH: một bản sao nhất quán, không phải chờ tiến trình "
                + "đang ghi.",
                   en: "Copy the live database to PATH: a consistent snapshot, made without waiting for writers.")
        case .backupDone(let p): Phrase(vi: "Đã sao lưu vào \(p)", en: "Backed up to \(p)")
        case .demoSummary:
            Phrase(vi: "Chạy toàn bộ quy trình trên một bản sao của không gian làm việc mẫu (mặc định out/demo) và in "
                + "nơi lưu từng kết quả.",
                   en: "Run the whole flow on a copy of the shipped workspace (default out/demo), printing where each "
                       + "output went.")
        case .demoIntro(let t): Phrase(vi: "Bản trình diễn Loa trong \(t)", en: "Loa demo in \(t)")
        case .demoDone(let t): Phrase(vi: "Xong. Mở các tệp HTML trong \(t)/out bằng trình duyệt để xem, in khổ A4.",
                                      en: "Done. Open the HTML files under \(t)/out in a browser; they print on A4.")
        case .demoCheck: Phrase(vi: "1. Kiểm tra không gian làm việc", en: "1. Check the workspace")
        case .demoPlanNovember: Phrase(vi: "2. Lập và xác nhận kế hoạch tháng 11/2026",
            en: "2. Plan and confirm November 2026")
        case .demoPublish(let s): Phrase(vi: "3. Xuất bản \(s)", en: "3. Publish \(s)")
        case .demoForm: Phrase(vi: "4. Phát mẫu báo cáo tháng 11 cho một CĐCS",
            en: "4. Write a November report form for a unit")
        case .demoImport: Phrase(vi: "5. Nhập báo cáo mẫu (tháng 10 và 11)",
            en: "5. Import the sample reports (October and November)")
        case .demoPlanDecember: Phrase(vi: "6. Lập kế hoạch tháng 12/2026", en: "6. Plan December 2026")
        case .demoMonthReport: Phrase(vi: "7. Báo cáo tháng 11/2026", en: "7. November 2026 report")
        case .demoPhaseReport: Phrase(vi: "8. Sơ kết giai đoạn 2.1 Đề án Chuyển đổi số (từ 01/10/2026)",
                                      en: "8. Interim review of digital phase 2.1 (from 1 October 2026)")
        case .demoUnitReport: Phrase(vi: "9. Báo cáo của một CĐCS", en: "9. One unit's report")
        case .demoAlerts: Phrase(vi: "10. Cảnh báo đang mở", en: "10. Open alerts")
        case .demoWarnings: Phrase(vi: "Cảnh báo sớm: vấn đề nhiều đơn vị cùng nêu, đơn vị lo ngại kéo dài",
                                   en: "Early warnings: concerns several units share, units staying worried")
        case .demoEscalate: Phrase(vi: "Báo cáo vụ việc nhạy cảm lên cấp có thẩm quyền",
                                   en: "Report the sensitive matter to the competent authority")
        case .demoEscalationNote:
            Phrase(vi: "Đề nghị sớm có thông tin chính thức về kinh phí xây dựng Bảo tàng để tuyên truyền cải chính.",
                   en: "We ask for official figures on the Museum's budget, so that the rumours can be corrected.")
        case .demoStatus: Phrase(vi: "11. Tình hình hôm nay", en: "11. Today's status")
        case .demoServe(let w, let u, let l):
            Phrase(vi: "Mở trang web cho các đơn vị và cán bộ: loa serve --workspace \(w) --today 2026-12-08\n"
                       + "rồi mở đường dẫn riêng của \(u) trên điện thoại: \(l)",
                   en: "Open the web front for units and officers: loa serve --workspace \(w) --today 2026-12-08\n"
                       + "then open \(u)'s private link on a phone: \(l)")
        case .serveSummary:
            Phrase(vi: "Mở trang web của Loa: các CĐCS báo cáo từ điện thoại, cán bộ và lãnh đạo làm việc trên trình "
                + "duyệt.",
                   en: "Serve Loa's web front: units report from their phones, officers and leaders work in a browser.")
        case .serveDetails:
            Phrase(vi: "Mặc định chỉ nghe trên 127.0.0.1:8080. Khi đưa ra Internet, đặt sau nginx (tệp mẫu "
                + "deploy/nginx/loa.conf) "
                       + "và dùng --behind-proxy. Dừng bằng Ctrl+C (SIGINT) hoặc SIGTERM: các yêu cầu đang chạy được "
                           + "hoàn tất.",
                   en: "Listens on 127.0.0.1:8080 by default. On the Internet, run it behind nginx "
                       + "(deploy/nginx/loa.conf) "
                       + "with --behind-proxy. Stop with Ctrl+C (SIGINT) or SIGTERM: requests in flight finish.")
        case .optListen: Phrase(vi: "địa chỉ và cổng (mặc định 127.0.0.1:8080)",
            en: "address and port (default 127.0.0.1:8080)")
        case .optBaseURL: Phrase(vi: "địa chỉ người dùng mở, ví dụ https://loa.congdoan.vn",
            en: "the address users open, e.g. https://loa.example.vn")
        case .optBehindProxy:
            Phrase(vi: "tin X-Forwarded-Proto/-For từ nginx trên cùng máy",
                en: "trust X-Forwarded-Proto/-For from nginx on this machine")
        case .serving(let url, let base):
            Phrase(vi: "Loa đang chạy tại \(url) (người dùng mở \(base)); Ctrl+C để dừng.",
                   en: "Loa is serving at \(url) (users open \(base)); Ctrl+C stops it.")
        case .serverStopped: Phrase(vi: "Đã dừng.", en: "Stopped.")
        case .linksSummary:
            Phrase(vi: "In đường dẫn riêng của từng CĐCS (CSV code,name,url) hoặc tờ in có mã QR cho từng đơn vị "
                + "(--format html).",
                   en: "Print each unit's private link (CSV code,name,url) or a printable sheet with a QR code per "
                       + "unit (--format html).")
        case .linksDetails:
            Phrase(vi: "Đường dẫn không đổi cho đến khi --rotate UNIT (hoặc --rotate --all) thay nó; đường dẫn cũ hết "
                + "hiệu lực ngay. "
                       + "Khóa bí mật nằm trong tệp loa.key cạnh không gian làm việc, chỉ chủ sở hữu đọc được.",
                   en: "Links stay the same until --rotate UNIT (or --rotate --all) replaces them; the old link stops "
                       + "working at once. "
                       + "The secret key is in loa.key beside the workspace, readable by its owner only.")
        case .optRotate: Phrase(vi: "thay đường dẫn của đơn vị này, hoặc của mọi đơn vị với --all",
                                en: "replace this unit's link, or every unit's with --all")
        case .optLinksFormat: Phrase(vi: "csv (mặc định) hoặc html (tờ in có mã QR)",
            en: "csv (default) or html (a printable sheet with QR codes)")
        case .linksRotated(let n): Phrase(vi: "Đã thay \(n) đường dẫn; đường dẫn cũ không còn dùng được.",
                                          en: "Replaced \(n) \(n == 1 ? "link" : "links"); the old ones no longer "
                                              + "work.")
        case .linkCardHint:
            Phrase(vi: "Quét mã bằng điện thoại để báo cáo. Giữ kín đường dẫn này như mật khẩu của đơn vị.",
                   en: "Scan the code with a phone to report. Keep this link as private as the unit's password.")
        case .linkSheetTitle: Phrase(vi: "Đường dẫn báo cáo của các CĐCS", en: "Report links of the units")
        case .userGroupSummary: Phrase(vi: "Quản lý người dùng trang web (cán bộ, lãnh đạo).",
            en: "Manage web users (officers, leaders).")
        case .userAddSummary:
            Phrase(vi: "Thêm người dùng: officer (lập kế hoạch, duyệt, xuất bản, xử lý cảnh báo) hoặc leader (chỉ "
                + "xem).",
                   en: "Add a user: officer (plans, approves, publishes, resolves alerts) or leader (reads only).")
        case .userRemoveSummary: Phrase(vi: "Xóa người dùng; các phiên đăng nhập của họ kết thúc.",
            en: "Remove a user; their sessions end.")
        case .userPasswdSummary: Phrase(vi: "Đặt mật khẩu mới; các phiên đăng nhập cũ kết thúc.",
            en: "Set a new password; old sessions end.")
        case .passwordDetails:
            Phrase(vi: "Mật khẩu được hỏi hai lần, không hiện trên màn hình (hoặc đọc từ dòng đầu của stdin), dài ít "
                + "nhất 12 ký tự, không chỉ lặp lại một ký tự, không phải mật khẩu phổ biến, và chỉ được lưu dưới "
                + "dạng băm Argon2id.",
                   en: "The password is asked twice without echo (or read from the first line of stdin), at least 12 "
                + "characters long, not one character repeated, not a common password, and stored only as an "
                + "Argon2id hash.")
        case .optRole: Phrase(vi: "officer hoặc leader", en: "officer or leader")
        case .optSensitive: Phrase(vi: "được xem nội dung các vấn đề nhạy cảm",
            en: "may see sensitive topics and details")
        case .optAdmin: Phrase(vi: "được quản lý người dùng và đường dẫn của đơn vị trên web",
                               en: "may manage users and units' links on the web")
        case .optApprove:
            Phrase(vi: "lãnh đạo được giao duyệt bài (cán bộ nghiệp vụ luôn duyệt được, trừ bài mình viết)",
                   en: "a leader given the approval of items (officers always approve, except what they wrote)")
        case .optAudience: Phrase(vi: "đối tượng của bài (mã trong plan.yml)", en: "an audience of the item (its id)")
        case .optNewKey: Phrase(vi: "tạo khóa máy chủ mới khi chưa có (mọi đường dẫn đã in sẽ không dùng được nữa)",
                                en: "make a new server key when there is none (every printed link stops working)")
        case .newKeyMade(let path):
            Phrase(vi: "Đã tạo khóa máy chủ mới \(path). Mọi đường dẫn và mã QR của đơn vị in trước đây không còn "
                + "dùng được; hãy in lại bằng loa links và gửi lại cho các đơn vị.",
                   en: "Made a new server key \(path). Every unit link and QR card printed before no longer works; "
                + "print them again with loa links and send them to the units.")
        case .userAdded(let n): Phrase(vi: "Đã thêm người dùng \(n).", en: "User \(n) added.")
        case .userRemoved(let n): Phrase(vi: "Đã xóa người dùng \(n).", en: "User \(n) removed.")
        case .passwordChanged(let n): Phrase(vi: "Đã đổi mật khẩu của \(n).", en: "Password of \(n) changed.")
        case .passwordPrompt: Phrase(vi: "Mật khẩu", en: "Password")
        case .passwordAgain: Phrase(vi: "Nhập lại mật khẩu", en: "Password again")
        case .officer(let o): o.phrase
        case .delivery(let d): d.phrase
        case .calendar(let c): c.phrase
        }
    }
}
