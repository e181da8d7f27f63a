/// The guidance written into a pre-filled report form (`loa form`), Vietnamese and English side by side.
public enum FormText: Sendable, Hashable, Localizable {
    case heading(month: String, unit: String), fillIn, submitted(example: String), reporter, received
    case activitiesHowTo, exampleTitle, typeIsOneOf, activeThemes, mood, summary, sensitive, notes, noActivity

    public var phrase: Phrase {
        switch self {
        case .heading(let m, let u): Phrase(vi: "MẪU BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN \(m.uppercased()) — \(u)",
                                            en: "MONTHLY REPORT FORM, \(m.uppercased()) — \(u)")
        case .fillIn: Phrase(vi: "Điền các dòng dưới đây rồi gửi lại tệp này. Dòng bắt đầu bằng # là hướng dẫn, không "
            + "cần xóa.",
                             en: "Fill in the lines below and send this file back. Lines starting with # are guidance.")
        case .submitted(let e): Phrase(vi: "ngày gửi, ví dụ \(e); để trống thì tính là ngày nhập",
                                       en: "date sent, e.g. \(e); empty means the import day")
        case .reporter: Phrase(vi: "họ tên người báo cáo", en: "who reports")
        case .received:
            Phrase(vi: "Các số bản tin, bảng tin đơn vị đã nhận trong tháng, cách nhau dấu phẩy:",
                   en: "Issues the unit received this month, separated by commas:")
        case .noActivity:
            Phrase(vi: "Tháng không có hoạt động nào: để activities: [] và thêm dòng no_activity: true (có thể "
                       + "ghi lý do ở no_activity_reason).",
                   en: "No activity this month: leave activities: [] and add the line no_activity: true (a reason "
                       + "may go in no_activity_reason).")
        case .activitiesHowTo:
            Phrase(vi: "Mỗi hoạt động tuyên truyền là một khối \"- date: …\". Bỏ dấu # ở đầu các dòng ví dụ để dùng:",
                   en: "Each activity is one \"- date: …\" block. Remove the leading # of the example lines to use "
                       + "them:")
        case .exampleTitle: Phrase(vi: "Hội nghị quán triệt kế hoạch tuyên truyền 03 đề án",
            en: "Briefing on the three projects' plan")
        case .typeIsOneOf: Phrase(vi: "type là một trong:", en: "type is one of:")
        case .activeThemes: Phrase(vi: "themes: mã nội dung trọng tâm đang triển khai trong tháng:",
            en: "themes: the themes active this month:")
        case .mood: Phrase(vi: "on-dinh (ổn định) | quan-tam (quan tâm) | lo-ngai (lo ngại)",
                           en: "on-dinh (settled) | quan-tam (interested) | lo-ngai (worried)")
        case .summary: Phrase(vi: "tóm tắt ý kiến, tâm tư của đoàn viên", en: "what members think, in a sentence")
        case .sensitive: Phrase(vi: "true khi là vấn đề nhạy cảm, phức tạp cần báo cáo ngay",
                                en: "true when the issue is sensitive and must be reported early")
        case .notes: Phrase(vi: "Ghi chú thêm (nếu có).", en: "Further notes (optional).")
        }
    }
}
