/// The kinds of activity a unit may report (SPEC §5.1).
public enum ActivityType: String, Sendable, CaseIterable {
    case hoiNghi = "hoi-nghi", sinhHoatChuyenDe = "sinh-hoat-chuyen-de", tuyenTruyenMieng = "tuyen-truyen-mieng"
    case bangTin = "bang-tin", mangXaHoi = "mang-xa-hoi", thiTimHieu = "thi-tim-hieu", thamQuan = "tham-quan", khac

    public func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.hoiNghi, .vi): return "Hội nghị"
        case (.sinhHoatChuyenDe, .vi): return "Sinh hoạt chuyên đề"
        case (.tuyenTruyenMieng, .vi): return "Tuyên truyền miệng"
        case (.bangTin, .vi): return "Bảng tin"
        case (.mangXaHoi, .vi): return "Mạng xã hội"
        case (.thiTimHieu, .vi): return "Thi tìm hiểu"
        case (.thamQuan, .vi): return "Tham quan"
        case (.khac, .vi): return "Khác"
        case (.hoiNghi, .en): return "Meeting"
        case (.sinhHoatChuyenDe, .en): return "Topical session"
        case (.tuyenTruyenMieng, .en): return "Word of mouth"
        case (.bangTin, .en): return "Bulletin board"
        case (.mangXaHoi, .en): return "Social media"
        case (.thiTimHieu, .en): return "Quiz contest"
        case (.thamQuan, .en): return "Study visit"
        case (.khac, .en): return "Other"
        }
    }
}

public enum Mood: String, Sendable, CaseIterable {
    case onDinh = "on-dinh", quanTam = "quan-tam", loNgai = "lo-ngai"
    public func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.onDinh, .vi): return "Ổn định"
        case (.quanTam, .vi): return "Quan tâm"
        case (.loNgai, .vi): return "Lo ngại"
        case (.onDinh, .en): return "Settled"
        case (.quanTam, .en): return "Interested"
        case (.loNgai, .en): return "Worried"
        }
    }
}

/// One activity a unit held, from a form or an activity table.
public struct Activity: Sendable, Hashable {
    public var unit: Located<String>
    public var date: Located<Day>
    public var type: ActivityType
    public var title: String
    public var themes: [Located<String>]
    public var participants: Located<Int>
    public var items: [Located<String>]
    public init(unit: Located<String>, date: Located<Day>, type: ActivityType, title: String, themes: [Located<String>],
                participants: Located<Int>, items: [Located<String>]) {
        self.unit = unit; self.date = date; self.type = type; self.title = title; self.themes = themes
        self.participants = participants; self.items = items
    }
}

public struct FeedbackIssue: Sendable, Hashable {
    public var topic: String
    public var detail: String?
    public var sensitive: Bool
    public init(topic: String, detail: String?, sensitive: Bool) { self.topic = topic; self.detail = detail; self.sensitive = sensitive }
}

/// A unit's monthly report form (SPEC §5.1), as read from its file.
public struct ReportForm: Sendable {
    public var path: String
    public var unit: Located<String>
    public var period: Located<Month>
    public var submitted: Located<Day>?
    public var reporter: String?
    public var received: [Located<String>]
    public var activities: [Activity]
    public var mood: Mood?
    public var feedbackSummary: String?
    public var issues: [FeedbackIssue]
    public var notes: String
    /// The form's text, NFC with LF line ends: equal content means an unchanged form.
    public var content: String
    public init(path: String, unit: Located<String>, period: Located<Month>, submitted: Located<Day>?, reporter: String?,
                received: [Located<String>], activities: [Activity], mood: Mood?, feedbackSummary: String?,
                issues: [FeedbackIssue], notes: String, content: String) {
        self.path = path; self.unit = unit; self.period = period; self.submitted = submitted; self.reporter = reporter
        self.received = received; self.activities = activities; self.mood = mood; self.feedbackSummary = feedbackSummary
        self.issues = issues; self.notes = notes; self.content = content
    }
}

/// Checks a form or activity rows against the workspace (units, themes, items, periods, dates).
public struct ReportValidator: Sendable {
    let units: [String: UnionUnit]
    let unitCodes: [String]
    let themes: Set<String>
    let themeList: [String]
    let items: Set<String>
    let itemList: [String]
    let channels: Set<String>
    public let today: Day

    public init(_ w: Workspace, today: Day) {
        units = w.units.indexed { $0.code.value }
        unitCodes = w.units.map(\.code.value).sorted()
        themeList = w.plan.allThemes.map(\.ref.description)
        themes = Set(themeList)
        itemList = w.items.map(\.id.value).sorted()
        items = Set(itemList)
        channels = Set(w.channels.map(\.id.value))
        self.today = today
    }

    public func check(_ form: ReportForm) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let period = form.period.value
        if let u = checkUnit(form.unit, &out), !u.exists(in: period) {
            out.append(.error(.plain2(vi: "đơn vị \(u.code.value) không tồn tại trong tháng \(period.iso)", en: "unit \(u.code.value) does not exist in \(period.iso)"), at: form.unit.location))
        }
        if let s = form.submitted, s.value > today {
            out.append(.error(.plain2(vi: "ngày gửi \(s.value.iso) sau ngày nhập \(today.iso)", en: "submitted \(s.value.iso) is after the import day \(today.iso)"), at: s.location))
        }
        if period.first > today {
            out.append(.error(.plain2(vi: "kỳ báo cáo \(period.iso) chưa bắt đầu", en: "period \(period.iso) has not begun"), at: form.period.location))
        }
        for r in form.received {
            let parts = r.value.split(separator: ".", maxSplits: 1)
            if parts.count != 2 || Day(iso: parts[1]) == nil {
                out.append(.error(.plain2(vi: "\"\(r.value)\" phải có dạng KÊNH.YYYY-MM-DD", en: "\"\(r.value)\" must read CHANNEL.YYYY-MM-DD"), at: r.location))
            } else if !channels.contains(String(parts[0])) {
                out.append(.error(.unknownReference(.channel, String(parts[0]), suggestion: closest(to: String(parts[0]), in: channels.sorted())), at: r.location))
            }
        }
        for a in form.activities {
            if a.date.value.monthOfYear != period {
                out.append(.error(.plain2(vi: "ngày \(a.date.value.iso) nằm ngoài kỳ báo cáo \(period.iso)", en: "date \(a.date.value.iso) is outside the period \(period.iso)"), at: a.date.location))
            }
            out += check(activity: a, checkUnitToo: false)
        }
        return out
    }

    /// Checks one activity; `checkUnitToo` for table rows, where each row names its unit.
    public func check(activity a: Activity, checkUnitToo: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var unit = units[a.unit.value]
        if checkUnitToo {
            unit = checkUnit(a.unit, &out)
            if let u = unit, !u.exists(on: a.date.value) {
                out.append(.error(.plain2(vi: "đơn vị \(u.code.value) không tồn tại vào ngày \(a.date.value.iso)", en: "unit \(u.code.value) does not exist on \(a.date.value.iso)"), at: a.date.location))
            }
        }
        if a.date.value > today {
            out.append(.error(.plain2(vi: "ngày hoạt động \(a.date.value.iso) sau ngày nhập \(today.iso)", en: "activity date \(a.date.value.iso) is after the import day \(today.iso)"), at: a.date.location))
        }
        for t in a.themes where !themes.contains(t.value) {
            out.append(.error(.unknownReference(.theme, t.value, suggestion: closest(to: t.value, in: themeList)), at: t.location))
        }
        for i in a.items where !items.contains(i.value) {
            out.append(.error(.unknownReference(.item, i.value, suggestion: closest(to: i.value, in: itemList)), at: i.location))
        }
        if let u = unit, u.members > 0, a.participants.value > 3 * u.members {
            out.append(.warning(.plain2(vi: "\(a.participants.value) người tham dự, gấp hơn 3 lần số đoàn viên của đơn vị (\(u.members))",
                                        en: "\(a.participants.value) participants is over 3 times the unit's members (\(u.members))"), at: a.participants.location))
        }
        return out
    }

    func checkUnit(_ code: Located<String>, _ out: inout [Diagnostic]) -> UnionUnit? {
        if let u = units[code.value] { return u }
        out.append(.error(.unknownReference(.unit, code.value, suggestion: closest(to: code.value, in: unitCodes)), at: code.location))
        return nil
    }

    /// A report is late when submitted after the period's end plus the plan's `report_due_days`.
    public static func dueDate(_ period: Month, dueDays: Int) -> Day { period.last.adding(days: dueDays) }
}
