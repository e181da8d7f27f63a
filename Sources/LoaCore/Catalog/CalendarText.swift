/// The words of the month grid's entries, pins and rules, of publishing with a confirmation, and of
/// `loa calendar`: Vietnamese and English side by side. Rules are said in a sentence, never by number.
public enum CalendarText: Sendable, Hashable, Localizable {
    // the grid
    case weekday(Int), entryActions, confirm, unconfirm, moveTo, move, remove, noMoveTarget, overdueApproval
    case overdueLine(title: String, deadline: String), legendHint, channelOf(String), noSlotsThisWeek
    case pinChoice, noPinChoice, pinOffersHint, consentHint
    // notices after a change
    case doneConfirmed, doneUnconfirmed, doneMoved, doneRemoved, doneUnchanged, doneUnpublished, doneRetried
    case doneRetryFailed, doneRetryWaiting
    // why a change is refused
    case rule(PlanRule, leadDays: Int), refused(PlanRule, leadDays: Int), noSuchEntry, entryPublished, pinnedHere
    case pinRefused(PlanRule, leadDays: Int)
    case pinBreaks(title: String, channel: String, date: String, rule: PlanRule, leadDays: Int)
    case pinWithoutIssue(title: String, date: String)
    // publishing, asked first
    case publishAskTitle, publishAsk(units: Int), deliveriesBy(Medium, count: Int), issueOwnDelivery(Medium)
    case withoutAddress(Int), unitsList, confirmPublish, cancel, nothingLeavesYet, noUnits, nothingConfirmed
    // the issue's deliveries
    case deliveriesTitle, unit, medium, state, changedOn, problem, theIssueItself, retry, retryAskTitle
    case retryAsk(String), confirmRetry, unpublish, unpublishHint, cannotUnpublish(left: Int), unpublishAskTitle
    case unpublishAsk, confirmUnpublish
    // loa calendar
    case groupSummary, confirmSummary, unconfirmSummary, moveSummary, removeSummary, details
    case changed(EntryChange, item: ItemID, slot: String), unchanged(item: ItemID, slot: String)

    /// The notice a page shows after a redirect with `?done=KEY`.
    public static func done(_ key: String) -> CalendarText? {
        ["entryConfirmed": .doneConfirmed, "entryUnconfirmed": .doneUnconfirmed, "entryMoved": .doneMoved,
         "entryRemoved": .doneRemoved, "entryUnchanged": .doneUnchanged, "unpublished": .doneUnpublished,
         "retried": .doneRetried, "retryFailed": .doneRetryFailed, "retryWaiting": .doneRetryWaiting][key]
    }

    public var phrase: Phrase {
        switch self {
        case .weekday(let d):
            Phrase(vi: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][(d - 1) % 7],
                   en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(d - 1) % 7])
        case .entryActions: Phrase(vi: "Xác nhận, dời, bỏ", en: "Confirm, move, remove")
        case .confirm: Phrase(vi: "Xác nhận", en: "Confirm")
        case .unconfirm: Phrase(vi: "Bỏ xác nhận", en: "Unconfirm")
        case .moveTo: Phrase(vi: "Dời sang ngày", en: "Move to")
        case .move: Phrase(vi: "Dời", en: "Move")
        case .remove: Phrase(vi: "Bỏ khỏi lịch", en: "Remove from the schedule")
        case .noMoveTarget:
            Phrase(vi: "Không có ngày nào khác của kênh này trong tháng mà bài giữ được mọi điều kiện.",
                   en: "No other day of this channel this month keeps every condition for the item.")
        case .overdueApproval: Phrase(vi: "quá hạn duyệt", en: "approval overdue")
        case .overdueLine(let title, let deadline):
            Phrase(vi: "Quá hạn duyệt: «\(title)» lẽ ra phải được duyệt trước \(deadline) để lên kỳ này.",
                   en: "Approval overdue: “\(title)” had to be approved by \(deadline) for this issue.")
        case .legendHint:
            Phrase(vi: "Mỗi bài ghi rõ kênh và trạng thái bằng chữ; màu chỉ để dễ nhìn. Bài đã xác nhận sẽ được "
                + "phát hành tự động đúng ngày; bài mới đề xuất thì chưa.",
                   en: "Each entry names its channel and its state in words; colours only help the eye. Confirmed "
                + "entries are published on their day by themselves; proposed ones are not.")
        case .channelOf(let c): Phrase(vi: "Kênh: \(c)", en: "Channel: \(c)")
        case .noSlotsThisWeek: Phrase(vi: "Không có kỳ phát hành", en: "No issue")
        case .pinChoice: Phrase(vi: "Bài và ngày ghim", en: "Item and day")
        case .noPinChoice:
            Phrase(vi: "Chưa có bài đã duyệt nào ghim được vào một kỳ còn lại của tháng này.",
                   en: "No approved item can be pinned to a remaining issue of this month.")
        case .pinOffersHint:
            Phrase(vi: "Chỉ hiện những ngày có kỳ phát hành của kênh của bài mà bài giữ được mọi điều kiện: đã được "
                + "duyệt đủ sớm, còn trong thời gian đăng và giai đoạn của chủ đề, kỳ còn chỗ, chưa lên kênh đó. "
                + "Sau khi ghim, hãy đề xuất lại lịch tháng để xếp bài.",
                   en: "Only days with an issue of the item's channels where it keeps every condition are offered: "
                + "approved early enough, inside its dates and its theme's phase, room left, not yet on that "
                + "channel. After pinning, propose the month again to place it.")
        case .consentHint:
            Phrase(vi: "Xác nhận một bài là đồng ý cho phát hành: đến ngày, số báo có bài đã xác nhận được phát hành "
                + "và gửi tới các đơn vị mà không cần hỏi lại.",
                   en: "Confirming an entry is the consent to publish it: on its day, an issue with confirmed "
                + "entries is published and sent to the units without asking again.")
        case .doneConfirmed: Phrase(vi: "Đã xác nhận bài trên lịch.", en: "The entry was confirmed.")
        case .doneUnconfirmed:
            Phrase(vi: "Đã bỏ xác nhận: bài trở lại là đề xuất.", en: "The entry is a proposal again.")
        case .doneMoved: Phrase(vi: "Đã dời bài sang ngày mới.", en: "The entry was moved.")
        case .doneRemoved: Phrase(vi: "Đã bỏ bài khỏi lịch.", en: "The entry was removed from the schedule.")
        case .doneUnchanged: Phrase(vi: "Không có gì thay đổi: lịch đã như vậy.",
                                    en: "Nothing changed: the schedule already reads so.")
        case .doneUnpublished:
            Phrase(vi: "Đã thu hồi số này: không còn ghi là đã phát hành, các lần gửi đã được xóa.",
                   en: "The issue was taken back: it is no longer published and its deliveries are gone.")
        case .doneRetried: Phrase(vi: "Đã gửi lại.", en: "Sent again.")
        case .doneRetryFailed:
            Phrase(vi: "Gửi lại chưa được; lý do ghi trong bảng tình hình gửi.",
                   en: "Sending again did not work; the reason is in the table of deliveries.")
        case .doneRetryWaiting:
            Phrase(vi: "Đã chuẩn bị gửi lại; thư chờ gửi khi máy chủ được cài đặt để gửi ra ngoài.",
                   en: "Ready to send again; it waits until sending is set up.")
        case .rule(let r, let lead): Self.sentence(r, lead)
        case .refused(let r, let lead):
            Phrase(vi: "Không đổi được lịch. ", en: "The schedule was not changed. ") + Self.sentence(r, lead)
        case .pinRefused(let r, let lead):
            Phrase(vi: "Không ghim được bài vào ngày này. ", en: "The item cannot be pinned to that day. ")
                + Self.sentence(r, lead)
        case .pinBreaks(let title, let channel, let date, let rule, let lead):
            Phrase(vi: "«\(title)» được ghim vào \(date) nhưng không lên được \(channel): ",
                   en: "“\(title)” is pinned to \(date) but cannot go to \(channel): ") + Self.sentence(rule, lead)
                + Phrase(vi: " Hãy bỏ ghim hoặc ghim sang ngày khác.", en: " Unpin it or pin it to another day.")
        case .pinWithoutIssue(let title, let date):
            Phrase(vi: "«\(title)» được ghim vào \(date), ngày không có kỳ phát hành nào của các kênh của bài.",
                   en: "“\(title)” is pinned to \(date), a day with no issue of its channels.")
        case .noSuchEntry:
            Phrase(vi: "Lịch tháng không có bài này ở kỳ đó (có thể vừa được đổi).",
                   en: "The month's schedule has no such entry in that slot (it may just have changed).")
        case .entryPublished:
            Phrase(vi: "Số báo của kỳ này đã phát hành: không đổi được bài trong đó.",
                   en: "That issue is published: its entries cannot change.")
        case .pinnedHere:
            Phrase(vi: "Bài được ghim vào ngày này; hãy bỏ ghim trước khi dời bài.",
                   en: "The item is pinned to this day; unpin it before moving it.")
        case .publishAskTitle: Phrase(vi: "Phát hành số này?", en: "Publish this issue?")
        case .publishAsk(let n):
            Phrase(vi: "Khi bạn xác nhận, số báo được phát hành và gửi tới \(n) đơn vị dưới đây. Việc gửi đi rồi "
                + "thì không rút lại được.",
                   en: "Once you confirm, the issue is published and sent to the \(n) units below. What has been "
                + "sent cannot be taken back.")
        case .deliveriesBy(let m, let n):
            switch m {
            case .email: Phrase(vi: "\(n) thư điện tử, mỗi đơn vị một thư", en: "\(n) e-mails, one per unit")
            case .zaloOA: Phrase(vi: "1 bài đăng trên Zalo OA, \(n) đơn vị đọc ở đó",
                                 en: "1 article on the Zalo OA, read there by \(n) units")
            case .feed: Phrase(vi: "\(n) đơn vị nhận qua nguồn tin Atom của trang",
                               en: "\(n) units receive it through the site's Atom feed")
            case .print: Phrase(vi: "\(n) bản in hoặc phát trực tiếp, ghi là đã gửi ngay",
                                en: "\(n) printed or handed out, recorded as sent at once")
            }
        case .issueOwnDelivery(let m): Phrase(vi: "Cách gửi: \(m.phrase.vi)", en: "Sent by: \(m.phrase.en)")
        case .withoutAddress(let n):
            Phrase(vi: "\(n) đơn vị chưa có địa chỉ thư điện tử: sẽ ghi là gửi lỗi cho tới khi có địa chỉ.",
                   en: "\(n) units have no e-mail address: their deliveries will read as failed until they do.")
        case .unitsList: Phrase(vi: "Các đơn vị nhận", en: "Receiving units")
        case .confirmPublish: Phrase(vi: "Xác nhận phát hành", en: "Publish now")
        case .cancel: Phrase(vi: "Thôi, quay lại", en: "Cancel")
        case .nothingLeavesYet:
            Phrase(vi: "Máy chủ chưa được cài đặt để gửi ra ngoài: thư và bài đăng được lưu lại chờ gửi.",
                   en: "Sending is not set up yet: e-mails and articles are kept, waiting to be sent.")
        case .noUnits: Phrase(vi: "Không có đơn vị nào nhận kênh này vào ngày đó.",
                              en: "No unit receives this channel on that day.")
        case .nothingConfirmed:
            Phrase(vi: "Chưa có bài nào được xác nhận cho số này: hãy xác nhận bài trên lịch tháng trước.",
                   en: "No entry of this issue is confirmed: confirm entries on the month's calendar first.")
        case .deliveriesTitle: Phrase(vi: "Tình hình gửi", en: "Deliveries")
        case .unit: Phrase(vi: "Đơn vị", en: "Unit")
        case .medium: Phrase(vi: "Cách gửi", en: "Medium")
        case .state: Phrase(vi: "Trạng thái", en: "State")
        case .changedOn: Phrase(vi: "Ngày", en: "Day")
        case .problem: Phrase(vi: "Lý do", en: "Reason")
        case .theIssueItself: Phrase(vi: "Cả số báo", en: "The issue itself")
        case .retry: Phrase(vi: "Gửi lại", en: "Send again")
        case .retryAskTitle: Phrase(vi: "Gửi lại?", en: "Send again?")
        case .retryAsk(let who):
            Phrase(vi: "Số báo sẽ được gửi lại tới \(who). Chỉ lần gửi bị lỗi này được gửi lại.",
                   en: "The issue will be sent again to \(who). Only this failed delivery is sent again.")
        case .confirmRetry: Phrase(vi: "Xác nhận gửi lại", en: "Send again now")
        case .unpublish: Phrase(vi: "Thu hồi số này", en: "Take this issue back")
        case .unpublishHint:
            Phrase(vi: "Chưa có lần gửi nào đi hoặc được xác nhận, nên còn thu hồi được: số báo trở lại chưa phát "
                + "hành, các bài vẫn ở trên lịch.",
                   en: "Nothing has been sent or confirmed yet, so it can still be taken back: the issue becomes "
                + "unpublished, its entries stay on the schedule.")
        case .cannotUnpublish(let n):
            Phrase(vi: "Không thu hồi được số này: \(n) lần gửi đã đi hoặc đã được đơn vị xác nhận đã nhận.",
                   en: "This issue cannot be taken back: \(n) of its deliveries were sent or confirmed by a unit.")
        case .unpublishAskTitle: Phrase(vi: "Thu hồi số này?", en: "Take this issue back?")
        case .unpublishAsk:
            Phrase(vi: "Số báo sẽ không còn là đã phát hành; thư và bài đăng chờ gửi của số này được xóa. Các bài "
                + "vẫn ở trên lịch và có thể phát hành lại.",
                   en: "The issue will no longer be published; its e-mails and articles waiting to be sent are "
                + "deleted. Its entries stay on the schedule and can be published again.")
        case .confirmUnpublish: Phrase(vi: "Xác nhận thu hồi", en: "Take it back now")
        case .groupSummary: Phrase(vi: "Sửa từng bài trên lịch tháng", en: "Change one entry of a month's schedule")
        case .confirmSummary: Phrase(vi: "Xác nhận một bài trên lịch.", en: "Confirm one entry.")
        case .unconfirmSummary: Phrase(vi: "Bỏ xác nhận một bài trên lịch.", en: "Make one entry a proposal again.")
        case .moveSummary: Phrase(vi: "Dời một bài sang kỳ khác của kênh.", en: "Move one entry to another slot.")
        case .removeSummary: Phrase(vi: "Bỏ một bài khỏi lịch.", en: "Remove one entry.")
        case .details:
            Phrase(vi: "Bài được chỉ bằng mã bài và kỳ KÊNH.YYYY-MM-DD, như trong calendars/YYYY-MM.ics. Ghi lại "
                + "lịch tháng như trang Lịch trên web và ghi vào lịch sử thao tác.",
                   en: "An entry is named by its item id and its slot CHANNEL.YYYY-MM-DD, as in "
                + "calendars/YYYY-MM.ics. Rewrites the month's calendar as the web's calendar page does, and "
                + "records it in the audit history.")
        case .changed(let change, let item, let slot):
            switch change {
            case .confirm: Phrase(vi: "Đã xác nhận \(item) ở \(slot).", en: "Confirmed \(item) in \(slot).")
            case .unconfirm: Phrase(vi: "Đã bỏ xác nhận \(item) ở \(slot).", en: "Unconfirmed \(item) in \(slot).")
            case .move(let d): Phrase(vi: "Đã dời \(item) từ \(slot) sang \(d.iso).",
                                      en: "Moved \(item) from \(slot) to \(d.iso).")
            case .remove: Phrase(vi: "Đã bỏ \(item) khỏi \(slot).", en: "Removed \(item) from \(slot).")
            }
        case .unchanged(let item, let slot):
            Phrase(vi: "Không có gì thay đổi: \(item) ở \(slot) đã như vậy.",
                   en: "Nothing changed: \(item) in \(slot) already reads so.")
        }
    }

    /// A rule of SPEC §3 as a sentence a person reads, with the channel's own lead time.
    static func sentence(_ rule: PlanRule, _ lead: Int) -> Phrase {
        switch rule {
        case .channel:
            Phrase(vi: "Bài chỉ lên những kênh đã chọn cho bài.",
                   en: "An item goes only to the channels chosen for it.")
        case .approval:
            lead > 0
                ? Phrase(vi: "Bài phải được duyệt trước ngày phát hành ít nhất \(lead) ngày.",
                         en: "The item must be approved at least \(lead) \(lead == 1 ? "day" : "days") before the "
                         + "issue's day.")
                : Phrase(vi: "Bài phải được duyệt trước ngày phát hành.",
                         en: "The item must be approved before the issue's day.")
        case .window:
            Phrase(vi: "Ngày phát hành phải nằm trong thời gian đăng của bài và trong giai đoạn đang triển khai của "
                + "chủ đề bài.",
                   en: "The issue's day must lie inside the item's dates and an active phase of its themes.")
        case .capacity: Phrase(vi: "Kỳ này của kênh đã đủ bài.", en: "That issue of the channel is full.")
        case .repeatOnChannel:
            Phrase(vi: "Mỗi bài chỉ lên một kênh một lần: bài đã đăng hoặc đã được xác nhận trên kênh này.",
                   en: "An item goes to a channel once: it is already published or confirmed there.")
        case .observance:
            Phrase(vi: "Bài gắn ngày kỷ niệm lên kỳ gần nhất trước ngày kỷ niệm.",
                   en: "An item tied to an observance goes to the latest issue before it.")
        case .pin:
            Phrase(vi: "Ngày chọn phải là ngày phát hành của một kênh của bài.",
                   en: "The day must be an issue day of one of the item's channels.")
        case .passed:
            Phrase(vi: "Ngày phát hành đã qua hoặc số báo đã phát hành.",
                   en: "The issue's day has passed or the issue is already published.")
        }
    }
}

