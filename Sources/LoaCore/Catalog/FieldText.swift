/// A problem with what a person sent on a web page (SPEC §9.5), said in the words of what they see: the field's
/// label and what they typed, never a key, a path, a position or a rule number. Labels come in already in the
/// page's language.
public enum FieldText: Sendable, Hashable, Localizable {
    case fill(String)
    case choose(String)
    case noActivityAnswer(activities: String, none: String)
    case noActivityContradiction(String)
    case notADate(String, value: String)
    case notANumber(String, value: String)
    case notInList(String, value: String)
    case notInPlan(String, value: String)
    case outsideMonth(String, day: Day, month: Month)
    case afterToday(String, day: Day)
    case tooMany(String, value: Int)
    case tooLong(String, limit: Int)
    case monthClosed(String, month: Month)
    case wrongValue(String)
    case notYours
    case unitAbsent
    case periodNotBegun(Month)
    case missingColumn(String)
    case unknownColumn(String)
    case notAForm
    case unreadable
    /// Where in a sent file a problem is, before it: "Dòng 3: ".
    case line(Int)

    public var phrase: Phrase {
        let vi = Localizer(.vi), en = Localizer(.en)
        switch self {
        case .fill(let l): return Phrase(vi: "Hãy điền «\(l)».", en: "Fill in “\(l)”.")
        case .choose(let l): return Phrase(vi: "Hãy chọn «\(l)».", en: "Choose “\(l)”.")
        case .noActivityAnswer(let a, let none):
            return Phrase(vi: "Hãy ghi ít nhất một hoạt động trong «\(a)», hoặc chọn «\(none)».",
                          en: "Fill in at least one activity under “\(a)”, or tick “\(none)”.")
        case .noActivityContradiction(let none):
            return Phrase(vi: "Đã chọn «\(none)» nhưng vẫn ghi hoạt động: hãy bỏ chọn, hoặc xóa các hoạt động.",
                          en: "“\(none)” is ticked but activities are filled in: untick it, or clear the activities.")
        case .notADate(let l, let v):
            return Phrase(vi: "«\(l)»: “\(v)” không phải là một ngày; hãy ghi ngày/tháng/năm, ví dụ 05/11/2026.",
                          en: "“\(l)”: “\(v)” is not a date; write day/month/year, e.g. 05/11/2026.")
        case .notANumber(let l, let v):
            return Phrase(vi: "«\(l)»: “\(v)” không phải là một số (0, 1, 2 …).",
                          en: "“\(l)”: “\(v)” is not a whole number (0, 1, 2 …).")
        case .notInList(let l, let v):
            return Phrase(vi: "«\(l)»: “\(v)” không có trong danh sách; hãy chọn một mục trong danh sách.",
                          en: "“\(l)”: “\(v)” is not in the list; choose one from the list.")
        case .notInPlan(let l, let v):
            return Phrase(vi: "«\(l)»: “\(v)” không có trong kế hoạch.", en: "“\(l)”: “\(v)” is not in the plan.")
        case .outsideMonth(let l, let d, let m):
            return Phrase(vi: "«\(l)»: ngày \(vi.date(d)) không thuộc \(vi.month(m)).",
                          en: "“\(l)”: \(en.date(d)) is not in \(en.month(m)).")
        case .afterToday(let l, let d):
            return Phrase(vi: "«\(l)»: ngày \(vi.date(d)) chưa đến.", en: "“\(l)”: \(en.date(d)) has not come yet.")
        case .tooMany(let l, let n):
            return Phrase(vi: "«\(l)»: \(n) là quá nhiều; hãy kiểm tra lại.",
                          en: "“\(l)”: \(n) is far too many; check it.")
        case .tooLong(let l, let limit):
            return Phrase(vi: "«\(l)»: dài quá; hãy viết gọn trong \(limit) ký tự.",
                          en: "“\(l)”: too long; keep it within \(limit) characters.")
        case .monthClosed(let l, let m):
            return Phrase(vi: "«\(l)»: không ghi được vào báo cáo \(vi.month(m)) trên trang này.",
                          en: "“\(l)”: the report for \(en.month(m)) cannot take it on this site.")
        case .wrongValue(let l):
            return Phrase(vi: "«\(l)»: nội dung chưa đúng; hãy kiểm tra lại.",
                          en: "“\(l)”: this is not right; check it.")
        case .notYours:
            return Phrase(vi: "Đây là báo cáo của đơn vị khác; chỉ gửi được báo cáo của chính đơn vị mình.",
                          en: "This is another unit's report; you can only send your own unit's.")
        case .unitAbsent:
            return Phrase(vi: "Đơn vị chưa thành lập hoặc đã thôi hoạt động vào thời gian này.",
                          en: "The unit did not exist at that time.")
        case .periodNotBegun(let m):
            return Phrase(vi: "Chưa đến \(vi.month(m)).", en: "\(en.month(m)) has not begun.")
        case .missingColumn(let l):
            return Phrase(vi: "Thiếu cột «\(l)»; hãy dùng bảng mẫu tải ở trang này.",
                          en: "The column “\(l)” is missing; use the template table from this page.")
        case .unknownColumn(let c):
            return Phrase(vi: "Cột “\(c)” không có trong bảng mẫu; hãy dùng bảng mẫu tải ở trang này.",
                          en: "The column “\(c)” is not in the template; use the template table from this page.")
        case .notAForm:
            return Phrase(vi: "Nội dung không đúng mẫu báo cáo; hãy tải mẫu ở trang này, điền rồi gửi lại.",
                          en: "This does not follow the report form; download the form from this page, fill it in "
                              + "and send it again.")
        case .unreadable:
            return Phrase(vi: "Không đọc được tệp: hãy lưu tệp dạng CSV UTF-8 (trong Excel: Lưu thành, chọn "
                              + "“CSV UTF-8”) rồi gửi lại.",
                          en: "The file cannot be read: save it as CSV UTF-8 (in Excel: Save As, “CSV UTF-8”) and "
                              + "send it again.")
        case .line(let n): return Phrase(vi: "Dòng \(n): ", en: "Line \(n): ")
        }
    }

    /// The problem a diagnostic names, said of the field labelled `label` (`nil`: a problem of the whole text).
    public static func of(_ message: Message, label: String?) -> FieldText {
        let l = label ?? ""
        switch message {
        case .emptyValue, .missingKey: return label == nil ? .notAForm : .fill(l)
        case .invalidDate(let v), .outOfRange(let v): return .notADate(l, value: v)
        case .invalidInteger(let v), .invalidNumber(let v): return .notANumber(l, value: v)
        case .invalidChoice(let v, _, _), .invalidBool(let v): return .notInList(l, value: v)
        case .malformedThemeRef(let v), .malformedIssueRef(let v), .unknownReference(_, let v, _):
            return .notInPlan(l, value: v)
        case .activityOutsidePeriod(let d, let m): return .outsideMonth(l, day: d, month: m)
        case .activityAfterToday(let d, _), .submittedAfterToday(let d, _): return .afterToday(l, day: d)
        case .participantsTooMany(let n, _): return .tooMany(l, value: n)
        case .unitNotYours: return .notYours
        case .unitAbsentInMonth, .unitAbsentOnDay: return .unitAbsent
        case .periodNotBegun(let m): return .periodNotBegun(m)
        case .noActivityButActivities: return .noActivityContradiction(l)
        case .csvMissingColumn: return .missingColumn(l)
        case .csvUnknownColumn(let c, _): return .unknownColumn(c)
        case .notSpreadsheetText, .invalidUTF8, .fileTooLarge: return .unreadable
        default: return label == nil ? .notAForm : .wrongValue(l)
        }
    }
}
