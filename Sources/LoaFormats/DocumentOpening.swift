import LoaCore

/// The opening of plans and reports (SPEC §6.3): "Thực hiện Kế hoạch số 199/KH-LĐLĐ ngày 19/02/2025 của …", from
/// `plan.yml`'s `implements:` and the plan's own `number:` and `date:`. Inline markup, outside text escaped.
public enum DocumentOpening {
    /// "Thực hiện …, Công đoàn … báo cáo kết quả như sau:".
    public static func report(_ plan: Plan, language: Language) -> String {
        let t = Localizer(language)
        return MarkdownRenderer.escape(t(DocumentText.reportOpening(references: references(plan, t),
                                                                     issuer: plan.issuer)))
    }

    /// "Thực hiện …, Công đoàn … xây dựng kế hoạch tuyên truyền tháng 12/2026 như sau:".
    public static func plan(_ plan: Plan, month: Month, language: Language) -> String {
        let t = Localizer(language)
        return MarkdownRenderer.escape(t(DocumentText.planOpening(references: references(plan, t), issuer: plan.issuer,
                                                                   month: t.month(month))))
    }

    /// The documents carried out, then the plan itself: by number and date once it has them (without its issuer,
    /// who is the one writing), else by its title.
    static func references(_ plan: Plan, _ t: Localizer) -> String {
        var refs = plan.implements.map {
            t(DocumentText.planReference(number: $0.number, date: $0.date, issuer: $0.issuer,
                                         subject: $0.title.map(subject)))
        }
        if plan.number != nil || plan.date != nil {
            refs.append(t(DocumentText.planReference(number: plan.number, date: plan.date, issuer: nil,
                                                     subject: refs.isEmpty ? subject(plan.title) : nil)))
        } else {
            refs.append(plan.title)
        }
        return refs.joined(separator: "; ")
    }

    /// What a plan is about, as it reads after "về": its title without a leading "Kế hoạch".
    static func subject(_ title: String) -> String {
        let word = "kế hoạch "
        guard title.lowercased().hasPrefix(word) else { return title }
        return String(title.dropFirst(word.count)).lowercasedFirst
    }
}
