/// The planning rules as a page says them (SPEC §9.7): a sentence of what each asks, never its number, which belongs
/// to the rules' documentation and the command line.
extension PlanRule {
    public var explanation: Phrase {
        switch self {
        case .channel:
            Phrase(vi: "Bài chỉ lên những kênh mà bài được viết cho.",
                   en: "An item goes only to the channels it was written for.")
        case .approval:
            Phrase(vi: "Bài phải được duyệt trước ngày phát hành ít nhất số ngày mà kênh yêu cầu.",
                   en: "An item must be approved at least as many days before the issue as the channel asks.")
        case .window:
            Phrase(vi: "Ngày phát hành phải nằm trong thời gian đăng của bài và trong giai đoạn đang triển khai của "
                + "nội dung bài.",
                   en: "The issue's date must lie within the item's window and a running phase of its themes.")
        case .capacity:
            Phrase(vi: "Mỗi số phát hành chỉ chứa được số bài mà kênh cho phép.",
                   en: "An issue holds only as many items as its channel allows.")
        case .repeatOnChannel:
            Phrase(vi: "Một bài chỉ lên mỗi kênh một lần: bài này đã được đăng hoặc đã xác nhận trên kênh này.",
                   en: "An item goes to each channel once: this one is already published or confirmed on it.")
        case .observance:
            Phrase(vi: "Bài gắn với ngày kỷ niệm được xếp vào số phát hành gần ngày kỷ niệm đó.",
                   en: "An item tied to an observance goes into an issue near that day.")
        case .pin:
            Phrase(vi: "Chỉ ghim được vào ngày có số phát hành của một kênh mà bài được viết cho.",
                   en: "An item can be pinned only to a day when one of its channels has an issue.")
        case .passed:
            Phrase(vi: "Ngày phát hành đã qua: không xếp thêm bài mới vào số trước hôm nay.",
                   en: "The issue's date has passed: nothing new goes into an issue before today.")
        }
    }
}

extension Message {
    /// The message as a page says it: a planning rule explained in a sentence rather than named by its number, a
    /// date as people write it, and no command (SPEC §9.7). Other messages read the same everywhere.
    public var inWords: Phrase {
        let vi = Localizer(.vi), en = Localizer(.en)
        switch self {
        case .pinBreaks(let item, let channel, let date, let rule):
            return Phrase(vi: "Bài \(item) không ghim được vào ngày \(vi.date(date)) trên kênh \(channel). ",
                          en: "Item \(item) cannot be pinned to \(en.date(date)) on \(channel). ") + rule.explanation
        case .pinWithoutSlot(let item, _, let date):
            return Phrase(vi: "Bài \(item) không ghim được vào ngày \(vi.date(date)). ",
                          en: "Item \(item) cannot be pinned to \(en.date(date)). ") + PlanRule.pin.explanation
        case .nothingConfirmed(let channel, let date):
            return Phrase(vi: "Chưa có bài nào được xác nhận cho kênh \(channel) ngày \(vi.date(date)): hãy xác nhận "
                + "lịch tháng trước khi phát hành.",
                          en: "No item is confirmed for \(channel) on \(en.date(date)): confirm the month's calendar "
                + "before publishing.")
        default:
            return phrase
        }
    }
}
