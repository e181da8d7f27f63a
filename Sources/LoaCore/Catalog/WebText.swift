/// The words of the web front's pages, Vietnamese and English side by side.
public enum WebText: Sendable, Hashable, Localizable {
    // frame
    case skipToContent, switchLanguage, signOut, footer(String)
    case notFound, forbidden, badRequest, serverError, linkInvalid, linkRevoked, openYourLink, csrfRefused
    case unitOnly, usersOnly, officersOnly
    // unit home
    case unitHome, reportFor(String), notSent(due: String), dueToday, daysLeft(Int), overdueBy(Int)
    case sentOnTime(String), sentLate(String), send, viewOrCorrect, draftSaved(String)
    case thisMonth(String), logActivity, continueDraft, issuesDelivered, noIssues, pastMonths, uploadFile
    case noPastMonths, sentNotice(String), loggedNotice(String)
    // report form
    case reportTitle(String), reportIntro(due: String), reporter, reporterHint, received, receivedHint, noneDelivered
    case activities, activityNumber(Int), date, type, title, participants, themes, items, chooseThemes, chooseItems
    case addActivity, feedback, mood, moodNone, summary, issues, issueNumber(Int), topic, detail, sensitive
    case sensitiveHint, keptSensitive(Int), keepSensitive(String), addIssue, notes, saveDraft, sendReport
    case noActivity, noActivityReason, urgentCounted, urgentEntry(date: String, topic: String)
    case sentTitle(String), recordedOn(date: String, onTime: Bool), editReport, noActivityRecorded
    case sensitiveTopic(String), noneRecorded, sentWhatWasRecorded, backToForm
    case notRecorded(Int), unitLabel, periodLabel, submittedLabel, clusterOf(String)
    // urgent issues
    case urgentTitle, urgentIntro, urgentSend, urgentSent, urgentEarlier, urgentNone, reportUrgent
    // the offline path
    case blankForm(String), activityTemplate, offlineTitle, offlineHowTo, columnsHelp, columnUnit(String), columnDate
    case columnType(String), columnTitle, columnThemes, columnParticipants, columnItems
    // the home-screen shortcut
    case appName(String)
    // receipts
    case receiptTitle, receiptAbout(issue: String, unit: String), receiptHow, receivedButton, receivedMark
    case receiptDone, receiptInvalid, receivedNotice(String)
    case startFromPrevious, errorsHeading(Int), fixAndSend, monthNotOpen, history
    case historyEntry(date: String, current: Bool)
    case correctionNote
    // activity
    case activityTitle, activityIntro, addToReport
    // upload
    case uploadTitle, uploadIntro, chooseFile, uploadButton, uploadResult(String), uploadNoFile, uploadWrongType
    case resultImported, resultUnchanged, resultCorrected, resultRejected
    // issue
    case issueOf(channel: String, date: String), backHome
    // login
    case loginTitle, userName, password, signIn, loginFailed, loginBusyAddress
    case officerHome, signedInAs(String)
    // forms that come back instead of being recorded, once-only forms, quotas
    case sessionEndedTitle, sessionEndedHelp, resumedTitle, resumedHelp, keyReusedTitle, keyReusedHelp
    case typedValues, sendAgain, sendNow, formOutOfDate, alreadyRecorded, quotaExceeded(Int)
    // a unit's link opened in a browser signed in as someone else
    case unitLinkAskTitle, unitLinkAsk(String), unitLinkOpen, unitLinkStay

    public var phrase: Phrase {
        switch self {
        case .skipToContent: Phrase(vi: "Đến nội dung chính", en: "Skip to content")
        case .switchLanguage: Phrase(vi: "English", en: "Tiếng Việt")
        case .signOut: Phrase(vi: "Thoát", en: "Sign out")
        case .footer(let issuer): Phrase(vi: "\(issuer) · Loa", en: "\(issuer) · Loa")
        case .notFound: Phrase(vi: "Không có trang này.", en: "There is no such page.")
        case .forbidden: Phrase(vi: "Bạn không có quyền xem hoặc thay đổi nội dung này.",
            en: "You may not see or change this.")
        case .badRequest: Phrase(vi: "Yêu cầu không hợp lệ.", en: "The request is not valid.")
        case .serverError: Phrase(vi: "Có lỗi xảy ra; hãy thử lại sau ít phút.",
            en: "Something went wrong; try again in a few minutes.")
        case .linkInvalid:
            Phrase(vi: "Đường dẫn này không đúng hoặc đã được thay. Hãy xin cán bộ công đoàn đường dẫn mới của đơn vị.",
                   en: "This link is wrong or has been replaced. Ask the union officer for your unit's new link.")
        case .linkRevoked:
            Phrase(vi: "Đường dẫn của đơn vị đã được thay; phiên làm việc cũ đã kết thúc. Hãy mở đường dẫn mới.",
                   en: "Your unit's link has been replaced, which ended this session. Open the new link.")
        case .openYourLink:
            Phrase(vi: "Hãy mở đường dẫn riêng (hoặc quét mã QR) mà cán bộ công đoàn đã gửi cho đơn vị.",
                   en: "Open the private link (or scan the QR code) the union officer gave your unit.")
        case .csrfRefused:
            Phrase(vi: "Biểu mẫu đã hết hạn hoặc không gửi từ trang này; hãy tải lại trang rồi gửi lại.",
                   en: "The form has expired or was not sent from this site; reload the page and send it again.")
        case .unitOnly: Phrase(vi: "Trang này dành cho các CĐCS.", en: "This page is for grassroots units.")
        case .usersOnly: Phrase(vi: "Hãy đăng nhập để xem trang này.", en: "Sign in to see this page.")
        case .officersOnly: Phrase(vi: "Chỉ cán bộ nghiệp vụ được thay đổi nội dung này.",
            en: "Only officers may change this.")
        case .unitHome: Phrase(vi: "Trang của đơn vị", en: "Unit page")
        case .reportFor(let m): Phrase(vi: "Báo cáo \(m)", en: "Report for \(m)")
        case .notSent(let due): Phrase(vi: "Chưa gửi — hạn gửi \(due)", en: "Not sent — due \(due)")
        case .dueToday: Phrase(vi: "Hôm nay là hạn cuối.", en: "It is due today.")
        case .daysLeft(let n): Phrase(vi: "Còn \(n) ngày.", en: "\(n) \(n == 1 ? "day" : "days") left.")
        case .overdueBy(let n): Phrase(vi: "Đã quá hạn \(n) ngày.", en: "\(n) \(n == 1 ? "day" : "days") overdue.")
        case .sentOnTime(let d): Phrase(vi: "Đã gửi đúng hạn ngày \(d)", en: "Sent on time on \(d)")
        case .sentLate(let d): Phrase(vi: "Đã gửi muộn ngày \(d)", en: "Sent late on \(d)")
        case .send: Phrase(vi: "Lập và gửi báo cáo", en: "Write and send the report")
        case .viewOrCorrect: Phrase(vi: "Xem, sửa báo cáo", en: "View or correct the report")
        case .draftSaved(let d): Phrase(vi: "Có bản nháp lưu ngày \(d)", en: "A draft was saved on \(d)")
        case .thisMonth(let m): Phrase(vi: "Hoạt động \(m)", en: "Activities in \(m)")
        case .logActivity: Phrase(vi: "Ghi một hoạt động", en: "Log an activity")
        case .continueDraft: Phrase(vi: "Xem báo cáo đang soạn", en: "See the report in progress")
        case .issuesDelivered: Phrase(vi: "Bản tin đơn vị đã nhận", en: "Issues delivered to the unit")
        case .noIssues: Phrase(vi: "Chưa có bản tin nào.", en: "No issues yet.")
        case .pastMonths: Phrase(vi: "Các tháng trước", en: "Earlier months")
        case .uploadFile: Phrase(vi: "Gửi tệp báo cáo (mẫu báo cáo đã điền hoặc bảng hoạt động)",
                                 en: "Send a report file (a filled report form or an activity table)")
        case .noPastMonths: Phrase(vi: "Chưa có tháng nào trước đó.", en: "No earlier months.")
        case .sentNotice(let m): Phrase(vi: "Đã nhận báo cáo \(m). Cảm ơn đơn vị!",
            en: "Your report for \(m) has been received. Thank you!")
        case .loggedNotice(let m):
            Phrase(vi: "Đã ghi hoạt động vào báo cáo \(m) đang soạn; nhớ gửi báo cáo khi hết tháng.",
                   en: "The activity was added to your report for \(m) in progress; remember to send it when the "
                       + "month ends.")
        case .reportTitle(let m): Phrase(vi: "Báo cáo kết quả tuyên truyền \(m)", en: "Communication report, \(m)")
        case .reportIntro(let due):
            Phrase(vi: "Điền những gì đơn vị đã làm trong tháng. Hạn gửi: \(due). Có thể lưu nháp và gửi sau.",
                   en: "Fill in what the unit did this month. Due: \(due). You can save a draft and send it later.")
        case .reporter: Phrase(vi: "Người báo cáo", en: "Reported by")
        case .reporterHint: Phrase(vi: "Họ và tên", en: "Full name")
        case .received: Phrase(vi: "Bản tin, bảng tin đã nhận", en: "Issues received")
        case .receivedHint: Phrase(vi: "Đánh dấu những số đơn vị đã nhận được.",
            en: "Tick the issues the unit received.")
        case .noneDelivered: Phrase(vi: "Trong tháng chưa có số nào được chuyển đến đơn vị.",
            en: "No issue was delivered this month.")
        case .activities: Phrase(vi: "Hoạt động tuyên truyền", en: "Activities")
        case .activityNumber(let n): Phrase(vi: "Hoạt động \(n)", en: "Activity \(n)")
        case .date: Phrase(vi: "Ngày", en: "Date")
        case .type: Phrase(vi: "Hình thức", en: "Type")
        case .title: Phrase(vi: "Tên hoạt động", en: "Title")
        case .participants: Phrase(vi: "Số người tham dự", en: "Participants")
        case .themes: Phrase(vi: "Nội dung trọng tâm", en: "Themes")
        case .items: Phrase(vi: "Bài đã dùng", en: "Items used")
        case .chooseThemes: Phrase(vi: "Chọn nội dung trọng tâm", en: "Choose themes")
        case .chooseItems: Phrase(vi: "Chọn bài đã dùng (nếu có)", en: "Choose items used (if any)")
        case .addActivity: Phrase(vi: "Thêm hoạt động", en: "Add an activity")
        case .feedback: Phrase(vi: "Tình hình tư tưởng đoàn viên", en: "Members' opinion")
        case .mood: Phrase(vi: "Tâm trạng chung", en: "General mood")
        case .moodNone: Phrase(vi: "Chưa chọn", en: "Not chosen")
        case .summary: Phrase(vi: "Tóm tắt ý kiến", en: "Summary of opinions")
        case .issues: Phrase(vi: "Vấn đề đoàn viên phản ánh", en: "Issues members raised")
        case .issueNumber(let n): Phrase(vi: "Vấn đề \(n)", en: "Issue \(n)")
        case .topic: Phrase(vi: "Chủ đề", en: "Topic")
        case .detail: Phrase(vi: "Chi tiết", en: "Detail")
        case .sensitive: Phrase(vi: "Vấn đề nhạy cảm, cần báo cáo ngay", en: "Sensitive: report it at once")
        case .sensitiveHint:
            Phrase(vi: "Chi tiết vấn đề nhạy cảm chỉ cán bộ có thẩm quyền được xem; sau khi lưu, trang này chỉ hiện "
                + "lại chủ đề.",
                   en: "Only authorised officers see the detail of a sensitive issue; once saved, this page shows "
                       + "its topic only.")
        case .keptSensitive(let n):
            Phrase(vi: "Đơn vị đã báo \(n) vấn đề nhạy cảm (chi tiết chỉ cán bộ có thẩm quyền xem):",
                   en: "The unit reported \(n) sensitive \(n == 1 ? "issue" : "issues") (only authorised officers "
                       + "see the detail):")
        case .keepSensitive(let topic): Phrase(vi: "Giữ: \(topic)", en: "Keep: \(topic)")
        case .noActivity: Phrase(vi: "Trong tháng đơn vị không tổ chức hoạt động nào",
                                 en: "The unit held no activity this month")
        case .noActivityReason: Phrase(vi: "Lý do (nếu muốn ghi)", en: "Why (optional)")
        case .urgentCounted:
            Phrase(vi: "Đã báo ngay trong tháng (được tính cùng báo cáo này, không cần ghi lại):",
                   en: "Reported at once this month (counted with this report; no need to write them again):")
        case .urgentEntry(let d, let topic): Phrase(vi: "\(d) — \(topic)", en: "\(d) — \(topic)")
        case .sentTitle(let m): Phrase(vi: "Báo cáo \(m) đã được ghi nhận", en: "Your report for \(m) is recorded")
        case .recordedOn(let d, let onTime):
            Phrase(vi: "Ghi nhận ngày \(d)\(onTime ? ", đúng hạn." : ", sau hạn gửi.")",
                   en: "Recorded on \(d)\(onTime ? ", on time." : ", after the due date.")")
        case .editReport: Phrase(vi: "Sửa báo cáo", en: "Correct the report")
        case .noActivityRecorded: Phrase(vi: "Không có hoạt động trong tháng", en: "No activity this month")
        case .sensitiveTopic(let topic): Phrase(vi: "\(topic) (nhạy cảm: chi tiết chỉ cán bộ có thẩm quyền xem)",
                                               en: "\(topic) (sensitive: only authorised officers see the detail)")
        case .noneRecorded: Phrase(vi: "Không có", en: "None")
        case .sentWhatWasRecorded: Phrase(vi: "Những gì đã được ghi nhận:", en: "What was recorded:")
        case .backToForm: Phrase(vi: "Về báo cáo", en: "Back to the report")
        case .notRecorded(let n):
            Phrase(vi: "Chưa được ghi nhận: có \(n) chỗ cần sửa.",
                   en: "Nothing was recorded: \(n) \(n == 1 ? "thing" : "things") to fix.")
        case .unitLabel: Phrase(vi: "Đơn vị", en: "Unit")
        case .periodLabel: Phrase(vi: "Tháng báo cáo", en: "Month reported")
        case .submittedLabel: Phrase(vi: "Ngày gửi", en: "Date sent")
        case .clusterOf(let name): Phrase(vi: "Cụm: \(name)", en: "Cluster: \(name)")
        case .urgentTitle: Phrase(vi: "Báo cáo vấn đề nhạy cảm", en: "Report a sensitive issue")
        case .urgentIntro:
            Phrase(vi: "Vấn đề nhạy cảm, phức tạp trong đoàn viên cần báo ngay, không chờ báo cáo tháng: cán bộ công "
                + "đoàn nhận được ngay khi bấm gửi. Sau khi gửi, trang này chỉ hiện lại chủ đề; chi tiết chỉ cán bộ "
                + "có thẩm quyền được xem.",
                   en: "A sensitive matter among members that must not wait for the monthly report: union officers "
                       + "get it as soon as you send it. Afterwards this page shows its topic only; only authorised "
                       + "officers see the detail.")
        case .urgentSend: Phrase(vi: "Gửi ngay", en: "Send now")
        case .urgentSent: Phrase(vi: "Đã gửi. Cán bộ công đoàn đã nhận được vấn đề này.",
                                 en: "Sent. The union officers have it now.")
        case .urgentEarlier: Phrase(vi: "Vấn đề đơn vị đã báo", en: "Issues your unit reported")
        case .urgentNone: Phrase(vi: "Chưa báo vấn đề nào.", en: "None reported yet.")
        case .reportUrgent: Phrase(vi: "Báo cáo vấn đề nhạy cảm", en: "Report a sensitive issue")
        case .blankForm(let m): Phrase(vi: "Tải mẫu báo cáo \(m) để điền",
            en: "Download the report form for \(m) to fill in")
        case .activityTemplate:
            Phrase(vi: "Tải bảng hoạt động mẫu (bảng tính)", en: "Download the activity table (a spreadsheet)")
        case .offlineHowTo:
            Phrase(vi: "Khi không có mạng: tải mẫu về, điền bằng máy tính (mẫu báo cáo mở bằng Notepad, bảng hoạt "
                + "động mở bằng Excel), rồi gửi tệp lên ở đây.",
                   en: "Offline: download a form, fill it in on a computer (the report form in Notepad, the activity "
                       + "table in Excel), then send the file here.")
        case .offlineTitle: Phrase(vi: "Làm báo cáo khi không có mạng", en: "Reporting offline")
        case .columnsHelp: Phrase(vi: "Bảng hoạt động mẫu có các cột, theo thứ tự:",
                                  en: "The activity table's columns, in order:")
        case .columnUnit(let code): Phrase(vi: "mã đơn vị, ghi \(code)", en: "the unit's code: write \(code)")
        case .columnDate: Phrase(vi: "ngày tổ chức, ví dụ 05/11/2026", en: "the day it was held, e.g. 05/11/2026")
        case .columnType(let names): Phrase(vi: "hình thức, một trong: \(names)", en: "the type, one of: \(names)")
        case .columnTitle: Phrase(vi: "tên hoạt động", en: "what it was called")
        case .columnThemes: Phrase(vi: "nội dung trọng tâm (có thể để trống)", en: "themes (may be left empty)")
        case .columnParticipants: Phrase(vi: "số người tham dự", en: "how many took part")
        case .columnItems: Phrase(vi: "bài đã dùng (có thể để trống)", en: "items used (may be left empty)")
        case .appName(let unit): Phrase(vi: "Loa — \(unit)", en: "Loa — \(unit)")
        case .receiptTitle: Phrase(vi: "Xác nhận đã nhận", en: "Confirm receipt")
        case .receiptAbout(let issue, let unit): Phrase(vi: "«\(issue)» đã gửi tới \(unit).",
                                                         en: "“\(issue)” was sent to \(unit).")
        case .receiptHow:
            Phrase(vi: "Nếu đơn vị đã nhận được số này, bấm “Đã nhận”. Mở trang này chưa ghi nhận gì.",
                   en: "If your unit received this issue, press “Received”. Opening this page records nothing.")
        case .receivedButton: Phrase(vi: "Đã nhận", en: "Received")
        case .receivedMark: Phrase(vi: "✓ Đã nhận", en: "✓ Received")
        case .receiptDone: Phrase(vi: "Đã ghi nhận: đơn vị đã nhận số này. Cảm ơn!",
                                  en: "Recorded: your unit received this issue. Thank you!")
        case .receiptInvalid: Phrase(vi: "Đường dẫn xác nhận này không đúng hoặc không còn dùng được.",
                                     en: "This receipt link is wrong or no longer works.")
        case .receivedNotice(let issue): Phrase(vi: "Đã ghi nhận đơn vị đã nhận «\(issue)».",
                                               en: "Recorded that your unit received “\(issue)”.")
        case .addIssue: Phrase(vi: "Thêm vấn đề", en: "Add an issue")
        case .notes: Phrase(vi: "Ghi chú thêm", en: "Further notes")
        case .saveDraft: Phrase(vi: "Lưu nháp", en: "Save draft")
        case .sendReport: Phrase(vi: "Gửi báo cáo", en: "Send the report")
        case .startFromPrevious: Phrase(vi: "Bắt đầu từ báo cáo tháng trước", en: "Start from last month's report")
        case .errorsHeading(let n):
            Phrase(vi: "Báo cáo chưa được ghi nhận: có \(n) chỗ cần sửa.",
                en: "The report was not recorded: \(n) \(n == 1 ? "thing" : "things") to fix.")
        case .fixAndSend: Phrase(vi: "Sửa các chỗ được đánh dấu rồi gửi lại.",
            en: "Fix the marked fields and send again.")
        case .monthNotOpen: Phrase(vi: "Chưa thể báo cáo tháng này.", en: "This month cannot be reported yet.")
        case .history: Phrase(vi: "Các lần gửi", en: "Versions sent")
        case .historyEntry(let d, let current):
            Phrase(vi: "Gửi ngày \(d)\(current ? " (đang dùng)" : " (đã được thay)")",
                en: "Sent \(d)\(current ? " (current)" : " (replaced)")")
        case .correctionNote:
            Phrase(vi: "Báo cáo này đã được gửi; gửi lại là hiệu chỉnh, bản cũ vẫn được lưu.",
                   en: "This report was sent; sending again corrects it, and the earlier version is kept.")
        case .activityTitle: Phrase(vi: "Ghi một hoạt động", en: "Log an activity")
        case .activityIntro:
            Phrase(vi: "Ghi ngay trong ngày; hoạt động được đưa vào báo cáo của tháng đó.",
                   en: "Log it on the day; it goes into that month's report.")
        case .addToReport: Phrase(vi: "Ghi vào báo cáo", en: "Add to the report")
        case .uploadTitle: Phrase(vi: "Gửi tệp báo cáo", en: "Send a report file")
        case .uploadIntro:
            Phrase(vi: "Dành cho đơn vị làm báo cáo khi không có mạng: gửi mẫu báo cáo đã điền, hoặc bảng hoạt "
                + "động (bảng tính lưu dạng CSV UTF-8).",
                   en: "For units that report offline: send a filled report form, or an activity table (a spreadsheet "
                + "saved as CSV UTF-8).")
        case .chooseFile: Phrase(vi: "Chọn tệp", en: "Choose a file")
        case .uploadButton: Phrase(vi: "Gửi tệp", en: "Send the file")
        case .uploadResult(let name): Phrase(vi: "Kết quả nhập tệp \(name)", en: "Import of \(name)")
        case .uploadNoFile: Phrase(vi: "Chưa chọn tệp nào.", en: "No file was chosen.")
        case .uploadWrongType:
            Phrase(vi: "Chỉ nhận mẫu báo cáo đã điền hoặc bảng hoạt động lưu dạng CSV UTF-8.",
                   en: "Only a filled report form or an activity table saved as CSV UTF-8 is accepted.")
        case .resultImported: Phrase(vi: "Đã ghi nhận.", en: "Recorded.")
        case .resultUnchanged: Phrase(vi: "Nội dung này đã được ghi nhận trước đó; không thay đổi gì.",
            en: "Already recorded; nothing changed.")
        case .resultCorrected: Phrase(vi: "Đã ghi nhận bản hiệu chỉnh; bản cũ vẫn được lưu.",
            en: "Recorded as a correction; the earlier version is kept.")
        case .resultRejected: Phrase(vi: "Tệp chưa được ghi nhận; hãy sửa các lỗi sau:",
            en: "The file was not recorded; fix these errors:")
        case .issueOf(let c, let d): Phrase(vi: "\(c) — số ra ngày \(d)", en: "\(c) — issue of \(d)")
        case .backHome: Phrase(vi: "Về trang của đơn vị", en: "Back to the unit page")
        case .loginTitle: Phrase(vi: "Đăng nhập", en: "Sign in")
        case .userName: Phrase(vi: "Tên đăng nhập", en: "User name")
        case .password: Phrase(vi: "Mật khẩu", en: "Password")
        case .signIn: Phrase(vi: "Đăng nhập", en: "Sign in")
        case .loginFailed:
            Phrase(vi: "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm dừng sau nhiều lần đăng nhập "
                + "sai. Hãy kiểm tra lại, hoặc thử lại sau ít phút.",
                   en: "Wrong user name or password, or the account is paused after repeated failed sign-ins. Check "
                + "them, or try again in a few minutes.")
        case .loginBusyAddress:
            Phrase(vi: "Có quá nhiều lần đăng nhập sai từ mạng của bạn; hãy thử lại sau 15 phút.",
                   en: "Too many failed sign-ins from your network; try again in 15 minutes.")
        case .officerHome: Phrase(vi: "Bảng điều khiển", en: "Dashboard")
        case .signedInAs(let n): Phrase(vi: "Đăng nhập với tên \(n)", en: "Signed in as \(n)")
        case .sessionEndedTitle: Phrase(vi: "Phiên làm việc đã kết thúc", en: "Your session has ended")
        case .sessionEndedHelp:
            Phrase(vi: "Những gì bạn đã nhập vẫn còn ở đây và chưa được ghi nhận. Hãy mở lại đường dẫn của đơn vị "
                + "(trong tin nhắn hoặc mã QR đã nhận), rồi quay lại trang này và bấm “Gửi lại”.",
                   en: "What you typed is still here and has not been recorded. Open your unit's link again (from "
                + "the message or the QR card you received), then come back to this page and press Send again.")
        case .resumedTitle: Phrase(vi: "Đường dẫn đã được mở lại", en: "Your link is open again")
        case .resumedHelp:
            Phrase(vi: "Những gì bạn đã nhập ở dưới đây và chưa được ghi nhận. Bấm “Gửi” để ghi nhận.",
                   en: "What you typed is below and has not been recorded yet. Press Send to record it.")
        case .keyReusedTitle: Phrase(vi: "Biểu mẫu này đã được gửi với nội dung khác",
                                     en: "This form was already sent with other content")
        case .keyReusedHelp:
            Phrase(vi: "Lần gửi trước đã được ghi nhận. Những gì bạn vừa nhập ở dưới đây và chưa được ghi nhận; bấm "
                + "“Gửi” để ghi nhận thành một lần gửi mới.",
                   en: "The earlier one was recorded. What you have just typed is below and has not been recorded; "
                + "press Send to record it as a new one.")
        case .typedValues: Phrase(vi: "Những gì bạn đã nhập", en: "What you typed")
        case .sendAgain: Phrase(vi: "Gửi lại", en: "Send again")
        case .sendNow: Phrase(vi: "Gửi", en: "Send")
        case .formOutOfDate: Phrase(vi: "Biểu mẫu này đã cũ; hãy tải lại trang rồi nhập lại.",
                                    en: "This form is out of date; reload the page and fill it in again.")
        case .alreadyRecorded: Phrase(vi: "Biểu mẫu này đã được ghi nhận trước đó.",
                                      en: "This form was recorded already.")
        case .quotaExceeded(let mib):
            Phrase(vi: "Hôm nay đơn vị đã gửi hơn \(mib) MB, mức tối đa cho một ngày; hãy gửi tiếp vào ngày mai hoặc "
                + "liên hệ Công đoàn.",
                   en: "Your unit has sent more than \(mib) MB today, the most for one day; send the rest tomorrow "
                + "or contact the union.")
        case .unitLinkAskTitle: Phrase(vi: "Mở trang của đơn vị?", en: "Open the unit's page?")
        case .unitLinkAsk(let who):
            Phrase(vi: "Trình duyệt này đang đăng nhập với tên \(who). Mở trang của đơn vị theo đường dẫn này sẽ "
                + "kết thúc phiên đó.",
                   en: "This browser is signed in as \(who). Opening the unit's page from this link ends that "
                + "session.")
        case .unitLinkOpen: Phrase(vi: "Mở trang của đơn vị", en: "Open the unit's page")
        case .unitLinkStay: Phrase(vi: "Ở lại phiên hiện tại", en: "Stay in the current session")
        }
    }
}
