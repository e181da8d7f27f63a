/// The words of the administration pages (users, units' links) and of returning a unit's report for correction,
/// Vietnamese and English side by side.
public enum AdminText: Sendable, Hashable, Localizable {
    // administration: users
    case navAdmin, usersTitle, userCount(Int), name, role, officer, leader, permissions, sensitive, admin, you
    case sensitiveHint, adminHint, approve, approveHint, addUser, addUserButton, password, passwordAgain, passwordHint
    case newPassword, setPassword, removeUser, removeConfirm(String), nameNeeded, nameInvalid, nameTaken(String)
    case passwordsDiffer, cannotRemoveYourself, noSuchUser(String)
    case doneUserAdded(String), donePasswordSet(String), doneUserRemoved(String)
    // administration: units' links
    case linksTitle, linksIntro, rotateLink, rotateTitle(String), rotateWarning, rotateConfirm, cancel
    case rotatedTitle(String), rotatedNotice, printCard, linkVersion(Int), unitLeft
    // returning a unit's report
    case unitMonthTitle(unit: String, month: String), notSentYet, sentOn(String, onTime: Bool), returnTitle
    case returnComment, returnCommentHint, returnButton, reopenButton, reopenHint, commentNeeded(limit: Int)
    case returnedBadge, returnedNotice(by: String, on: String), returnedForUnit(month: String), yourReportReturned
    case historyTitle, historySent(on: String), historyCorrected(on: String), historyReturned(by: String, on: String)
    case historyReopened(by: String, on: String), doneReturned, doneReopened, notReturnable, notReopenable
    case previousMonth, nextMonth, countsNote, openUnitMonth

    public var phrase: Phrase {
        switch self {
        case .navAdmin: Phrase(vi: "Quản trị", en: "Administration")
        case .usersTitle: Phrase(vi: "Người dùng", en: "Users")
        case .userCount(let n): Phrase(vi: "\(n) người dùng", en: n == 1 ? "1 user" : "\(n) users")
        case .name: Phrase(vi: "Tên đăng nhập", en: "Sign-in name")
        case .role: Phrase(vi: "Vai trò", en: "Role")
        case .officer: Phrase(vi: "Cán bộ", en: "Officer")
        case .leader: Phrase(vi: "Lãnh đạo", en: "Leader")
        case .permissions: Phrase(vi: "Quyền thêm", en: "Further permissions")
        case .sensitive: Phrase(vi: "Xem vấn đề nhạy cảm", en: "Sees sensitive issues")
        case .admin: Phrase(vi: "Quản trị", en: "Administers")
        case .you: Phrase(vi: "(bạn)", en: "(you)")
        case .sensitiveHint:
            Phrase(vi: "Được đọc chủ đề và nội dung các vấn đề nhạy cảm đơn vị báo cáo.",
                   en: "May read the topics and details of sensitive issues units report.")
        case .adminHint:
            Phrase(vi: "Được quản lý người dùng và đổi đường dẫn báo cáo của đơn vị.",
                   en: "May manage users and replace units' report links.")
        case .approve: Phrase(vi: "Duyệt bài", en: "Approves items")
        case .approveHint:
            Phrase(vi: "Dành cho lãnh đạo được giao duyệt bài (cán bộ luôn được duyệt bài của người khác).",
                   en: "For a leader entrusted with approving items (officers always approve others' items).")
        case .addUser: Phrase(vi: "Thêm người dùng", en: "Add a user")
        case .addUserButton: Phrase(vi: "Thêm", en: "Add")
        case .password: Phrase(vi: "Mật khẩu", en: "Password")
        case .passwordAgain: Phrase(vi: "Nhập lại mật khẩu", en: "Password again")
        case .passwordHint:
            Phrase(vi: "Ít nhất 12 ký tự, không phải một ký tự lặp lại, không phải mật khẩu phổ biến dễ đoán. "
                + "Hãy báo mật khẩu cho người dùng trực tiếp, không gửi qua nhóm chat.",
                   en: "At least 12 characters, not one character repeated, not a common password that is easily "
                + "guessed. Tell it to the user in person, not in a group chat.")
        case .newPassword: Phrase(vi: "Mật khẩu mới", en: "New password")
        case .setPassword: Phrase(vi: "Đặt lại mật khẩu", en: "Reset the password")
        case .removeUser: Phrase(vi: "Xoá người dùng", en: "Remove the user")
        case .removeConfirm(let n):
            Phrase(vi: "Tôi chắc chắn muốn xoá \(n)", en: "I am sure I want to remove \(n)")
        case .nameNeeded: Phrase(vi: "Hãy nhập tên đăng nhập.", en: "Enter a sign-in name.")
        case .nameInvalid:
            Phrase(vi: "Tên đăng nhập dài tối đa 64 ký tự và không có dấu cách.",
                   en: "A sign-in name has at most 64 characters and no spaces.")
        case .nameTaken(let n): Phrase(vi: "Đã có người dùng tên \(n).", en: "There is already a user called \(n).")
        case .passwordsDiffer:
            Phrase(vi: "Hai lần nhập mật khẩu không khớp.", en: "The two passwords differ.")
        case .cannotRemoveYourself:
            Phrase(vi: "Không thể tự xoá mình; hãy nhờ một người quản trị khác.",
                   en: "You cannot remove yourself; ask another administrator.")
        case .noSuchUser(let n): Phrase(vi: "Không có người dùng \(n).", en: "There is no user \(n).")
        case .doneUserAdded(let n): Phrase(vi: "Đã thêm người dùng \(n).", en: "User \(n) added.")
        case .donePasswordSet(let n):
            Phrase(vi: "Đã đặt mật khẩu mới cho \(n); các phiên đăng nhập cũ của người này đã kết thúc.",
                   en: "\(n) has a new password; their earlier sign-ins have ended.")
        case .doneUserRemoved(let n): Phrase(vi: "Đã xoá người dùng \(n).", en: "User \(n) removed.")
        case .linksTitle: Phrase(vi: "Đường dẫn báo cáo của đơn vị", en: "Units' report links")
        case .linksIntro:
            Phrase(vi: "Khi thẻ mã QR của một đơn vị bị mất hoặc lộ ra ngoài, hãy đổi đường dẫn của đơn vị đó và in "
                + "thẻ mới.",
                   en: "When a unit's QR card is lost or seen by others, replace that unit's link and print a new "
                       + "card.")
        case .rotateLink: Phrase(vi: "Đổi đường dẫn", en: "Replace the link")
        case .rotateTitle(let u): Phrase(vi: "Đổi đường dẫn báo cáo của \(u)", en: "Replace the report link of \(u)")
        case .rotateWarning:
            Phrase(vi: "Đường dẫn cũ và thẻ mã QR cũ sẽ ngừng hoạt động ngay lập tức; điện thoại đang mở trang của "
                + "đơn vị sẽ phải mở đường dẫn mới. Đường dẫn mới chỉ hiện một lần, ngay sau khi đổi: hãy in thẻ "
                + "mới và trao cho đơn vị.",
                   en: "The old link and the old QR card stop working at once; phones that have the unit's pages "
                + "open must open the new link. The new link is shown once, right after the change: print the "
                + "new card and hand it to the unit.")
        case .rotateConfirm: Phrase(vi: "Đổi đường dẫn ngay", en: "Replace the link now")
        case .cancel: Phrase(vi: "Huỷ", en: "Cancel")
        case .rotatedTitle(let u): Phrase(vi: "Thẻ mới của \(u)", en: "The new card of \(u)")
        case .rotatedNotice:
            Phrase(vi: "Đã đổi đường dẫn; đường dẫn cũ không còn mở được. Hãy in trang này ngay (lệnh In của trình "
                + "duyệt): đường dẫn mới không hiện lại lần nữa.",
                   en: "The link was replaced; the old one no longer opens. Print this page now (the browser's "
                + "Print): the new link is not shown again.")
        case .printCard: Phrase(vi: "Thẻ để in", en: "The card to print")
        case .linkVersion(let n): Phrase(vi: "đã đổi \(n - 1) lần", en: n == 2
            ? "replaced once" : "replaced \(n - 1) times")
        case .unitLeft: Phrase(vi: "đã rời", en: "has left")
        case .unitMonthTitle(let unit, let month): Phrase(vi: "\(unit) — báo cáo \(month)",
            en: "\(unit) — \(month) report")
        case .notSentYet: Phrase(vi: "Đơn vị chưa gửi báo cáo tháng này.",
            en: "The unit has not sent this month's report.")
        case .sentOn(let d, let onTime):
            Phrase(vi: "Tính là đã gửi ngày \(d) (\(onTime ? "đúng hạn" : "muộn")).",
                   en: "Counts as sent on \(d) (\(onTime ? "on time" : "late")).")
        case .returnTitle: Phrase(vi: "Trả lại để sửa", en: "Return for correction")
        case .returnComment: Phrase(vi: "Nhận xét gửi đơn vị", en: "Comment to the unit")
        case .returnCommentHint:
            Phrase(vi: "Nói rõ cần sửa gì; đơn vị đọc nhận xét này trên trang của mình.",
                   en: "Say what needs correcting; the unit reads this comment on its pages.")
        case .returnButton: Phrase(vi: "Trả lại để sửa", en: "Return for correction")
        case .reopenButton: Phrase(vi: "Mở lại", en: "Reopen")
        case .reopenHint:
            Phrase(vi: "Thôi yêu cầu sửa: báo cáo được giữ như đơn vị đã gửi.",
                   en: "Withdraw the request: the report stands as the unit sent it.")
        case .commentNeeded(let limit):
            Phrase(vi: "Hãy viết nhận xét (tối đa \(limit) ký tự).",
                en: "Write a comment (at most \(limit) characters).")
        case .returnedBadge: Phrase(vi: "đã trả lại", en: "returned")
        case .returnedNotice(let by, let on):
            Phrase(vi: "Đã trả lại để sửa ngày \(on) (\(by)); đang chờ đơn vị gửi bản sửa.",
                   en: "Returned for correction on \(on) (\(by)); waiting for the unit's correction.")
        case .returnedForUnit(let month):
            Phrase(vi: "Báo cáo \(month) được trả lại để sửa. Nhận xét của công đoàn cấp trên:",
                   en: "The \(month) report was returned for correction. The comment of the union above:")
        case .yourReportReturned: Phrase(vi: "Sửa báo cáo", en: "Correct the report")
        case .historyTitle: Phrase(vi: "Lịch sử", en: "History")
        case .historySent(let on): Phrase(vi: "\(on): đơn vị gửi báo cáo", en: "\(on): the unit sent the report")
        case .historyCorrected(let on): Phrase(vi: "\(on): đơn vị gửi bản sửa", en: "\(on): the unit sent a correction")
        case .historyReturned(let by, let on):
            Phrase(vi: "\(on): \(by) trả lại để sửa", en: "\(on): \(by) returned it for correction")
        case .historyReopened(let by, let on):
            Phrase(vi: "\(on): \(by) mở lại (thôi yêu cầu sửa)", en: "\(on): \(by) reopened it (request withdrawn)")
        case .doneReturned:
            Phrase(vi: "Đã trả lại báo cáo; đơn vị sẽ thấy nhận xét trên trang của mình.",
                   en: "The report was returned; the unit will see the comment on its pages.")
        case .doneReopened: Phrase(vi: "Đã mở lại báo cáo.", en: "The report was reopened.")
        case .notReturnable:
            Phrase(vi: "Chỉ trả lại được báo cáo đã gửi và chưa bị trả lại.",
                   en: "Only a sent report not already returned can be returned.")
        case .notReopenable: Phrase(vi: "Báo cáo này không đang bị trả lại.", en: "This report is not returned.")
        case .previousMonth: Phrase(vi: "Tháng trước", en: "Previous month")
        case .nextMonth: Phrase(vi: "Tháng sau", en: "Next month")
        case .countsNote:
            Phrase(vi: "Báo cáo bị trả lại vẫn được tính là đã gửi, đúng hạn hay muộn theo ngày gửi lần đầu; bản "
                + "sửa không làm thay đổi ngày đó.",
                   en: "A returned report still counts as sent, on time or late by the day it was first sent; a "
                + "correction does not change that day.")
        case .openUnitMonth: Phrase(vi: "Xem báo cáo của đơn vị", en: "See the unit's report")
        }
    }
}
