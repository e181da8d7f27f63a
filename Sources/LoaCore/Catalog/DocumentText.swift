/// The words of the documents Loa writes (plans, reports, issues), Vietnamese and English side by side.
/// Arguments arrive already formatted for the language (dates, numbers, names) by a `Localizer`.
public enum DocumentText: Sendable, Hashable, Localizable {
    // the administrative frame (Nghị định 30/2020/NĐ-CP)
    case nation, motto, numberLine(kind: String, code: String), recipients, archiveCopy
    case placeAndDate(place: String, day: Day)
    case planTitle, reportTitle, quickReportTitle, draftMark, asOf(String), addressee
    // the opening: "Thực hiện Kế hoạch số … ngày … của …"
    case planReference(number: String?, date: Day?, issuer: String?, subject: String?)
    case reportOpening(references: String, issuer: String)
    case planOpening(references: String, issuer: String, month: String)
    // report
    case monthReportSubtitle(month: String)
    case phaseReportSubtitle(final: Bool, project: String, phase: String, range: String)
    case unitReportSubtitle(unit: String, range: String)
    /// "từ 01/10/2026 đến 31/12/2026", or while the figures are not final "từ 01/10/2026, tính đến ngày 08/12/2026".
    case range(from: String, to: String, asOf: Bool)
    case sectionResults, sectionAssessment, sectionNextSteps, sectionProposals
    case findingsLead, strengths, weaknesses, placeholder(String), suggestionsLead
    case partStrengths, partWeaknesses, partNextSteps, partProposals
    case contentHeading, contentSummary(placements: String, deliveries: String, coverage: String)
    case activitiesHeading, activitiesSummary(count: String, attendances: String, reach: String)
    case reportingHeading
    case reportingSummary(received: String, expected: String, rate: String, onTime: String, timeliness: String)
    case reportingNotTracked(since: String), reportingPending(count: String, due: String)
    case targetsHeading, feedbackHeading
    case feedbackSummary(moods: String, issues: String, withheld: Int, open: String, resolved: String)
    case byAudience(String), byProject(String), countedUnderEachProject, countedUnderEachTheme
    case channel, placements, theme, activities, activityType, unit, attendances, month, expected, received, onTime
    case rate, timeliness, target, value, required, assessment, met, notMet, interimTarget, sensitiveMark
    case chartThemesByMonth, chartActivitiesByMonth, chartActivitiesByCluster, chartActivitiesByType
    case chartReportingByMonth(target: String?), chartReportingByCluster(target: String?)
    case chartData(String), themesCovered(covered: Int, active: Int), otherMonths(String)
    case clusterNone
    // figures by level (issue 26): the level's name, column heads, and where a capped list continues
    case levelName(height: Int), byLevelHeading(String), unitsCount, members, reach, missingCount, issuesCount
    case moreUnits(count: String, annex: String), moreReports(count: String, annex: String)
    case moreGroups(count: String, annex: String), moreIssues(String), annexDownload, moreWarnings(String)
    // findings
    case missingReports, lateReports, missingMonths(unit: String, count: Int, months: String)
    case lateReport(unit: String, month: String, submitted: String)
    case themesWithoutPublication, unitsWithoutActivity, targetNotMet(String), noShortcoming
    case prepareItems(Int), remindUnits(dueDay: Int), resolveAlerts(Int), markObservances, varyForms
    case anniversaryYears(Int)
    // plan
    case planSubtitle(month: String)
    case sectionSchedule, sectionObservances, sectionCoverage, sectionReportsDue, sectionImplementation
    case scheduleIntro(month: String, placements: Int, channels: Int, slots: Int)
    case nothingScheduled, date, item, itemAndThemes, themes, status, confirmed, proposed
    case noObservances, observance, anniversary, lunar, roundTen, roundFive
    case coverageSummary(covered: Int, active: Int)
    case themesWithoutContent, slotsWithRoom, free, none, passedSlots, passedSlotsNote, waitingItems
    case reportsDue(month: String, due: String, units: Int), noReportsDue
    case implementationOffice(themes: Int, slots: Int), implementationUnits
    case draftNotes, draftNotesIntro
    // issue
    case issueNumber(Int), issueDate(String), itemCount(Int), contents
    // item page
    case itemStatus(String), itemAuthor(String), itemApproved(date: String, by: String?)

    public var phrase: Phrase {
        switch self {
        case .nation: Phrase(vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIETNAM")
        case .motto: Phrase(vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness")
        case .numberLine(let kind, let code):
            // the number itself is given by the office's register when the document is signed
            Phrase(vi: "Số:\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/\(kind)\(code)",
                   en: "No.:\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/\(kind)\(code)")
        case .recipients: Phrase(vi: "Nơi nhận", en: "Recipients")
        case .archiveCopy: Phrase(vi: "Lưu: VT.", en: "File copy.")
        case .placeAndDate(let place, let d):
            // days below 10 and months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP)
            Phrase(vi: "\(place), ngày \(d.day < 10 ? "0" : "")\(d.day) tháng \(d.month <= 2 ? "0" : "")\(d.month) "
                       + "năm \(d.year)",
                   en: "\(place), \(Localizer(.en).date(d))")
        case .planTitle: Phrase(vi: "KẾ HOẠCH", en: "PLAN")
        case .reportTitle: Phrase(vi: "BÁO CÁO", en: "REPORT")
        case .quickReportTitle: Phrase(vi: "BÁO CÁO NHANH", en: "QUICK REPORT")
        case .draftMark: Phrase(vi: "DỰ THẢO", en: "DRAFT")
        case .addressee: Phrase(vi: "Kính gửi:", en: "To:")
        case .asOf(let d): Phrase(vi: " (tính đến ngày \(d))", en: " (as of \(d))")
        case .planReference(let number, let date, let issuer, let subject):
            Phrase(vi: "Kế hoạch" + (number.map { " số \($0)" } ?? "")
                       + (date.map { " ngày " + Localizer(.vi).date($0) } ?? "")
                       + (issuer.map { " của \($0)" } ?? "") + (subject.map { " về \($0)" } ?? ""),
                   en: "Plan" + (number.map { " No. \($0)" } ?? "")
                       + (date.map { " of " + Localizer(.en).date($0) } ?? "")
                       + (issuer.map { " by \($0)" } ?? "") + (subject.map { " on \($0)" } ?? ""))
        case .reportOpening(let references, let issuer):
            Phrase(vi: "Thực hiện \(references), \(issuer) báo cáo kết quả như sau:",
                   en: "Pursuant to \(references), \(issuer) reports as follows:")
        case .planOpening(let references, let issuer, let month):
            Phrase(vi: "Thực hiện \(references), \(issuer) xây dựng kế hoạch tuyên truyền \(month) như sau:",
                   en: "Pursuant to \(references), \(issuer) sets out its communication plan for \(month) as follows:")
        case .monthReportSubtitle(let m):
            Phrase(vi: "Kết quả công tác tuyên truyền 03 đề án, dự án \(m)", en: "Communication results, \(m)")
        case .phaseReportSubtitle(let final, let project, let phase, let range):
            Phrase(vi: "\(final ? "Tổng kết" : "Sơ kết") công tác tuyên truyền \(project), \(phase.lowercasedFirst) "
                       + "(\(range))",
                   en: "\(final ? "Final review" : "Interim review") of communication on \(project), \(phase) "
                       + "(\(range))")
        case .unitReportSubtitle(let u, let range):
            Phrase(vi: "Kết quả tuyên truyền của \(u) (\(range))", en: "Communication results of \(u) (\(range))")
        case .range(let from, let to, let asOf):
            Phrase(vi: asOf ? "từ \(from), tính đến ngày \(to)" : "từ \(from) đến \(to)",
                   en: asOf ? "from \(from), as of \(to)" : "\(from) to \(to)")
        case .sectionResults: Phrase(vi: "KẾT QUẢ THỰC HIỆN", en: "RESULTS")
        case .sectionAssessment: Phrase(vi: "ĐÁNH GIÁ", en: "ASSESSMENT")
        case .sectionNextSteps: Phrase(vi: "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", en: "NEXT STEPS")
        case .sectionProposals: Phrase(vi: "ĐỀ XUẤT, KIẾN NGHỊ", en: "PROPOSALS AND RECOMMENDATIONS")
        case .findingsLead: Phrase(vi: "Qua số liệu tổng hợp:", en: "From the figures:")
        case .strengths: Phrase(vi: "1. Ưu điểm", en: "1. Strengths")
        case .weaknesses: Phrase(vi: "2. Hạn chế, nguyên nhân", en: "2. Shortcomings and their causes")
        case .placeholder(let part):
            Phrase(vi: "*[Chưa có nội dung: cán bộ tổng hợp viết phần “\(part)” trước khi trình ký.]*",
                   en: "*[Not written yet: the officer writes “\(part)” before the report is signed.]*")
        case .partStrengths: Phrase(vi: "Ưu điểm", en: "Strengths")
        case .partWeaknesses: Phrase(vi: "Hạn chế, nguyên nhân", en: "Shortcomings and their causes")
        case .partNextSteps: Phrase(vi: "Phương hướng, nhiệm vụ thời gian tới", en: "Next steps")
        case .partProposals: Phrase(vi: "Đề xuất, kiến nghị", en: "Proposals and recommendations")
        case .suggestionsLead: Phrase(vi: "*Gợi ý từ số liệu:*", en: "*Suggested by the figures:*")
        case .contentHeading: Phrase(vi: "1. Thông tin, tuyên truyền trên các kênh", en: "1. Content on the channels")
        case .contentSummary(let p, let d, let c):
            Phrase(vi: "Đăng **\(p)** lượt bài, chuyển **\(d)** lượt đến các CĐCS; \(c) nội dung trọng tâm đang "
                       + "triển khai đã có bài.",
                   en: "**\(p)** placements published and **\(d)** deliveries to units; \(c) of active themes covered.")
        case .activitiesHeading: Phrase(vi: "2. Hoạt động tuyên truyền của các CĐCS", en: "2. Activities held by units")
        case .activitiesSummary(let n, let a, let r):
            Phrase(vi: "Tổ chức **\(n)** hoạt động với **\(a)** lượt người tham dự; bình quân \(r) lượt/đoàn viên.",
                   en: "**\(n)** activities with **\(a)** attendances; \(r) attendances per member.")
        case .reportingHeading: Phrase(vi: "3. Công tác báo cáo của các CĐCS", en: "3. Reporting by units")
        case .reportingSummary(let received, let expected, let rate, let onTime, let timeliness):
            Phrase(vi: "Nhận **\(received)/\(expected)** báo cáo (tỷ lệ \(rate)), trong đó \(onTime) báo cáo đúng hạn "
                       + "(\(timeliness)).",
                   en: "**\(received) of \(expected)** reports received (\(rate)), \(onTime) on time (\(timeliness)).")
        case .reportingNotTracked(let since):
            Phrase(vi: "Báo cáo của các CĐCS được theo dõi từ \(since); các tháng trước đó không tính.",
                   en: "Unit reports are tracked from \(since); earlier months are not counted.")
        case .reportingPending(let n, let due):
            Phrase(vi: "\(n) báo cáo chưa đến hạn gửi (hạn chậm nhất ngày \(due)), chưa tính là thiếu; "
                       + "số liệu tạm tính.",
                   en: "\(n) reports are not due yet (due by \(due)) and are not counted as missing; figures so far.")
        case .targetsHeading: Phrase(vi: "4. Thực hiện chỉ tiêu", en: "4. Targets")
        case .feedbackHeading: Phrase(vi: "5. Tình hình tư tưởng, dư luận trong đoàn viên và cảnh báo sớm",
                                      en: "5. Members' opinion and early warnings")
        case .feedbackSummary(let moods, let issues, let withheld, let open, let resolved):
            Phrase(vi: "Tâm trạng — \(moods). Có \(issues) vấn đề được phản ánh"
                       + (withheld > 0 ? ", trong đó \(withheld) vấn đề nhạy cảm không hiển thị" : "")
                       + "; cảnh báo nhạy cảm: \(open) đang mở, \(resolved) đã xử lý.",
                   en: "Mood — \(moods). \(issues) issues raised"
                       + (withheld > 0 ? ", of which \(withheld) sensitive \(withheld == 1 ? "is" : "are") not shown"
                          : "")
                       + "; sensitive alerts: \(open) open, \(resolved) resolved.")
        case .byAudience(let s): Phrase(vi: "Theo đối tượng: \(s).", en: "By audience: \(s).")
        case .byProject(let s): Phrase(vi: "Theo đề án: \(s).", en: "By project: \(s).")
        case .countedUnderEachProject:
            Phrase(vi: "Hoạt động gắn với nhiều đề án được tính ở mỗi đề án, nên tổng theo đề án lớn hơn số hoạt động.",
                   en: "An activity on several projects counts under each, so the projects add up to more than the "
                       + "activities.")
        case .countedUnderEachTheme:
            Phrase(vi: "Hoạt động gắn với nhiều nội dung trọng tâm được tính ở mỗi nội dung.",
                   en: "An activity on several themes counts under each theme.")
        case .channel: Phrase(vi: "Kênh", en: "Channel")
        case .placements: Phrase(vi: "Số lượt bài", en: "Placements")
        case .theme: Phrase(vi: "Nội dung trọng tâm", en: "Theme")
        case .activities: Phrase(vi: "Hoạt động", en: "Activities")
        case .activityType: Phrase(vi: "Hình thức", en: "Type")
        case .unit: Phrase(vi: "CĐCS", en: "Unit")
        case .attendances: Phrase(vi: "Lượt tham dự", en: "Attendances")
        case .month: Phrase(vi: "Tháng", en: "Month")
        case .expected: Phrase(vi: "Phải gửi", en: "Expected")
        case .received: Phrase(vi: "Đã gửi", en: "Received")
        case .onTime: Phrase(vi: "Đúng hạn", en: "On time")
        case .rate: Phrase(vi: "Tỷ lệ", en: "Rate")
        case .timeliness: Phrase(vi: "Đúng hạn (%)", en: "Timeliness")
        case .target: Phrase(vi: "Chỉ tiêu", en: "Target")
        case .value: Phrase(vi: "Kết quả", en: "Value")
        case .required: Phrase(vi: "Yêu cầu", en: "Required")
        case .assessment: Phrase(vi: "Đánh giá", en: "Assessment")
        case .met: Phrase(vi: "Đạt", en: "Met")
        case .notMet: Phrase(vi: "**Chưa đạt**", en: "**Not met**")
        case .interimTarget: Phrase(vi: "Tạm tính, chưa đến kỳ đánh giá", en: "So far; not yet due for assessment")
        case .sensitiveMark: Phrase(vi: " [nhạy cảm]", en: " [sensitive]")
        case .chartThemesByMonth:
            Phrase(vi: "Nội dung trọng tâm có bài đăng theo tháng (ô tô đậm: có bài đăng)",
                   en: "Themes with a publication, by month (filled square: published)")
        case .chartActivitiesByMonth: Phrase(vi: "Số hoạt động tuyên truyền theo tháng", en: "Activities per month")
        case .chartActivitiesByCluster: Phrase(vi: "Số hoạt động tuyên truyền theo cụm", en: "Activities by cluster")
        case .chartActivitiesByType: Phrase(vi: "Số hoạt động tuyên truyền theo hình thức", en: "Activities by type")
        case .chartReportingByMonth(let target):
            Phrase(vi: "Tỷ lệ CĐCS gửi báo cáo theo tháng" + (target.map { " (đường nét đứt: chỉ tiêu \($0))" } ?? ""),
                   en: "Reporting rate by month" + (target.map { " (dashed line: target \($0))" } ?? ""))
        case .chartReportingByCluster(let target):
            Phrase(vi: "Tỷ lệ CĐCS gửi báo cáo theo cụm" + (target.map { " (đường nét đứt: chỉ tiêu \($0))" } ?? ""),
                   en: "Reporting rate by cluster" + (target.map { " (dashed line: target \($0))" } ?? ""))
        case .chartData(let s): Phrase(vi: "Số liệu: \(s).", en: "Figures: \(s).")
        case .otherMonths(let zero): Phrase(vi: "các tháng còn lại: \(zero)", en: "other months: \(zero)")
        case .themesCovered(let c, let a):
            Phrase(vi: "\(c)/\(a) nội dung có bài", en: "\(c) of \(a) themes published")
        case .clusterNone: Phrase(vi: "Chưa xếp cụm", en: "No cluster")
        case .levelName(let h):
            h == 0 ? Phrase(vi: "CĐCS", en: "Unit") : h == 1 ? Phrase(vi: "Cụm", en: "Cluster")
                : h == 2 ? Phrase(vi: "Cấp trên của cụm", en: "Above the cluster")
                : Phrase(vi: "Cấp \(h - 1) trên cụm", en: "\(h - 1) levels above the cluster")
        case .byLevelHeading(let level):
            Phrase(vi: "Kết quả theo cấp: \(level)", en: "Results by level: \(level)")
        case .unitsCount: Phrase(vi: "Số CĐCS", en: "Units")
        case .members: Phrase(vi: "Đoàn viên", en: "Members")
        case .reach: Phrase(vi: "Lượt/đoàn viên", en: "Reach")
        case .missingCount: Phrase(vi: "Chưa gửi", en: "Missing")
        case .issuesCount: Phrase(vi: "Vấn đề", en: "Issues")
        case .moreUnits(let n, let annex):
            Phrase(vi: "và \(n) đơn vị khác — xem phụ lục danh sách từng đơn vị (tệp \(annex))",
                   en: "and \(n) more units — see the annex listing every unit (file \(annex))")
        case .moreReports(let n, let annex):
            Phrase(vi: "và \(n) báo cáo khác — xem phụ lục danh sách từng đơn vị (tệp \(annex))",
                   en: "and \(n) more reports — see the annex listing every unit (file \(annex))")
        case .moreGroups(let n, let annex):
            Phrase(vi: "và \(n) nhóm khác — xem phụ lục danh sách từng đơn vị (tệp \(annex))",
                   en: "and \(n) more groups — see the annex listing every unit (file \(annex))")
        case .annexDownload: Phrase(vi: "Tải bảng tính phụ lục từng đơn vị",
                                    en: "Download the per-unit annex as a spreadsheet")
        case .moreWarnings(let n):
            Phrase(vi: "và \(n) cảnh báo khác — đầy đủ trong báo cáo cảnh báo sớm (loa report warnings)",
                   en: "and \(n) more warnings — all of them in the early warnings report (loa report warnings)")
        case .moreIssues(let n):
            Phrase(vi: "và \(n) vấn đề khác — đầy đủ trong bản CSV và JSON của báo cáo",
                   en: "and \(n) more issues — all of them in the report's CSV and JSON")
        case .missingReports: Phrase(vi: "CĐCS chưa gửi báo cáo:", en: "Units missing reports:")
        case .lateReports: Phrase(vi: "Báo cáo gửi muộn:", en: "Late reports:")
        case .missingMonths(let u, let n, let months):
            Phrase(vi: "\(u) (\(n) tháng: \(months))", en: "\(u) (\(n) \(n == 1 ? "month" : "months"): \(months))")
        case .lateReport(let u, let m, let s): Phrase(vi: "\(u) (\(m), gửi ngày \(s))", en: "\(u) (\(m), sent \(s))")
        case .themesWithoutPublication:
            Phrase(vi: "Nội dung trọng tâm chưa có bài đăng:", en: "Themes without a publication:")
        case .unitsWithoutActivity: Phrase(vi: "CĐCS chưa tổ chức hoạt động:", en: "Units without activity:")
        case .targetNotMet(let t): Phrase(vi: "Chưa đạt chỉ tiêu: \(t).", en: "Target not met: \(t).")
        case .noShortcoming:
            Phrase(vi: "Không có hạn chế đáng kể theo số liệu.", en: "The figures show no notable shortcoming.")
        case .prepareItems(let n):
            Phrase(vi: "Chuẩn bị, duyệt bài cho \(n) nội dung trọng tâm chưa có bài nêu tại mục II.",
                   en: "Prepare and approve items for the \(n) uncovered \(n == 1 ? "theme" : "themes") named in II.")
        case .remindUnits(let due):
            Phrase(vi: "Đôn đốc các CĐCS gửi báo cáo đầy đủ, đúng hạn (chậm nhất ngày \(due) tháng sau).",
                   en: "Remind units to report fully and on time (by day \(due) of the next month).")
        case .resolveAlerts(let n):
            Phrase(vi: "Phối hợp xử lý dứt điểm \(n) vấn đề nhạy cảm đang mở; cung cấp thông tin chính thống cho "
                       + "đoàn viên.",
                   en: "Resolve the \(n) open sensitive issues; give members official information.")
        case .markObservances: Phrase(vi: "Tuyên truyền các ngày kỷ niệm sắp tới:", en: "Mark the coming observances:")
        case .varyForms:
            Phrase(vi: "Tiếp tục đa dạng hóa hình thức tuyên truyền, chú trọng nền tảng số và sinh hoạt chuyên đề "
                       + "tại CĐCS.",
                   en: "Keep varying the forms of communication, with digital channels and topical sessions in units.")
        case .anniversaryYears(let n): Phrase(vi: "\(n) năm", en: "\(n) years")
        case .planSubtitle(let m): Phrase(vi: "Tuyên truyền \(m)", en: "Communication plan, \(m)")
        case .sectionSchedule: Phrase(vi: "LỊCH ĐĂNG BÀI", en: "SCHEDULE")
        case .sectionObservances: Phrase(vi: "CÁC NGÀY KỶ NIỆM TRONG THÁNG", en: "OBSERVANCES")
        case .sectionCoverage: Phrase(vi: "ĐỘ BAO PHỦ NỘI DUNG TRỌNG TÂM", en: "THEME COVERAGE")
        case .sectionReportsDue: Phrase(vi: "BÁO CÁO ĐẾN HẠN CỦA CÁC CĐCS", en: "REPORTS DUE FROM UNITS")
        case .sectionImplementation: Phrase(vi: "TỔ CHỨC THỰC HIỆN", en: "IMPLEMENTATION")
        case .scheduleIntro(let m, let p, let c, let s):
            Phrase(vi: "Trong \(m) dự kiến đăng **\(p)** lượt bài trên \(c) kênh, vào \(s) kỳ phát hành.",
                   en: "In \(m), **\(p)** placements are planned on \(c) channels in \(s) slots.")
        case .nothingScheduled: Phrase(vi: "Chưa có bài nào được xếp lịch.", en: "Nothing is scheduled.")
        case .date: Phrase(vi: "Ngày", en: "Date")
        case .item: Phrase(vi: "Bài", en: "Item")
        case .itemAndThemes: Phrase(vi: "Bài và nội dung trọng tâm", en: "Item and its themes")
        case .themes: Phrase(vi: "Nội dung trọng tâm", en: "Themes")
        case .status: Phrase(vi: "Trạng thái", en: "Status")
        case .confirmed: Phrase(vi: "Đã xác nhận", en: "Confirmed")
        case .proposed: Phrase(vi: "Đề xuất", en: "Proposed")
        case .noObservances:
            Phrase(vi: "Trong tháng không có ngày kỷ niệm nào trong danh mục.", en: "No observances this month.")
        case .observance: Phrase(vi: "Ngày kỷ niệm", en: "Observance")
        case .anniversary: Phrase(vi: "Kỷ niệm", en: "Anniversary")
        case .lunar: Phrase(vi: "âm lịch", en: "lunar")
        case .roundTen: Phrase(vi: " — **năm tròn**", en: " — **round (×10)**")
        case .roundFive: Phrase(vi: " — **năm lẻ**", en: " — **round (×5)**")
        case .coverageSummary(let c, let a):
            Phrase(vi: "\(c)/\(a) nội dung trọng tâm đang triển khai có bài trong tháng.",
                   en: "\(c) of \(a) active themes have an item this month.")
        case .themesWithoutContent:
            Phrase(vi: "Nội dung trọng tâm chưa có bài đã duyệt", en: "Themes without approved content")
        case .slotsWithRoom: Phrase(vi: "Kỳ phát hành còn chỗ trống", en: "Slots with room")
        case .free: Phrase(vi: "Còn trống", en: "Free")
        case .none: Phrase(vi: "Không có.", en: "None.")
        case .passedSlots: Phrase(vi: "Kỳ phát hành đã qua", en: "Slots already passed")
        case .passedSlotsNote:
            Phrase(vi: "Không đề xuất bài mới vào các kỳ này vì ngày phát hành đã qua:",
                   en: "No new items are proposed for these slots, as their dates have passed:")
        case .waitingItems:
            Phrase(vi: "Bài gắn ngày kỷ niệm đang chờ kỳ phát hành", en: "Observance items waiting for a slot")
        case .reportsDue(let m, let due, let n):
            Phrase(vi: "Các CĐCS gửi báo cáo kết quả tuyên truyền \(m) chậm nhất ngày \(due) (\(n) đơn vị).",
                   en: "Units send their report for \(m) by \(due) (\(n) units).")
        case .noReportsDue: Phrase(vi: "Không có báo cáo đến hạn trong tháng.", en: "No reports fall due this month.")
        case .implementationOffice(let themes, let slots):
            Phrase(vi: "Bộ phận tuyên giáo phát hành các bài theo đúng lịch trên"
                       + (themes > 0 ? "; chuẩn bị, trình duyệt bài cho \(themes) nội dung trọng tâm chưa có bài" : "")
                       + (slots > 0 ? "; bổ sung bài đã duyệt vào \(slots) kỳ phát hành còn chỗ trống" : "") + ".",
                   en: "The communication office publishes the items on the schedule above"
                       + (themes > 0 ? "; prepares items for \(themes) themes without approved content" : "")
                       + (slots > 0 ? "; fills \(slots) slots with room as items are approved" : "") + ".")
        case .implementationUnits:
            Phrase(vi: "Các CĐCS tiếp nhận bản tin, tổ chức sinh hoạt, nắm bắt tâm tư của đoàn viên và báo cáo "
                       + "kịp thời những vấn đề nhạy cảm phát sinh.",
                   en: "Units receive the issues, hold activities, follow members' opinions and report sensitive "
                       + "issues early.")
        case .draftNotes: Phrase(vi: "GHI CHÚ DỰ THẢO", en: "DRAFTING NOTES")
        case .draftNotesIntro:
            Phrase(vi: "*Phần ghi chú cho bộ phận tuyên giáo khi hoàn thiện dự thảo; bản kế hoạch đã xác nhận gửi các "
                       + "CĐCS không có phần này.*",
                   en: "*Notes for the office while the draft is finished; the confirmed plan sent to units leaves "
                       + "them out.*")
        case .issueNumber(let n): Phrase(vi: "Số \(n)", en: "No. \(n)")
        case .issueDate(let d): Phrase(vi: "Số ra \(d)", en: "Issue of \(d)")
        case .itemCount(let n): Phrase(vi: "\(n) bài", en: "\(n) \(n == 1 ? "item" : "items")")
        case .contents: Phrase(vi: "Trong số này", en: "In this issue")
        case .itemStatus(let s): Phrase(vi: "Trạng thái: \(s)", en: "Status: \(s)")
        case .itemAuthor(let a): Phrase(vi: "Tác giả: \(a)", en: "Author: \(a)")
        case .itemApproved(let d, let by):
            Phrase(vi: "Duyệt ngày \(d)" + (by.map { " (\($0))" } ?? ""),
                   en: "Approved on \(d)" + (by.map { " by \($0)" } ?? ""))
        }
    }
}

extension String {
    /// The text with its first letter in lower case ("Giai đoạn 2026" → "giai đoạn 2026"), for names mid-sentence.
    public var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
