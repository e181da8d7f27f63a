import LoaCore

/// What a report is about.
public enum ReportScope: Sendable {
    case month(Month)
    case phase(project: Project, phase: Phase)
    case unit(UnionUnit)
}

/// Turns report figures into a document (Markdown/HTML), CSV rows and JSON.
public struct ReportPresenter {
    public let figures: ReportFigures
    public let workspace: Workspace
    public let scope: ReportScope
    public let language: Language
    public let includeSensitive: Bool
    public let today: Day

    public init(figures: ReportFigures, workspace: Workspace, scope: ReportScope, language: Language, includeSensitive: Bool, today: Day) {
        self.figures = figures; self.workspace = workspace; self.scope = scope; self.language = language
        self.includeSensitive = includeSensitive; self.today = today
    }

    var vi: Bool { language == .vi }
    func pct(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 10
        let s = v == v.rounded() ? String(Int(v)) : String(v)
        return (vi ? s.replacingOccurrences(of: ".", with: ",") : s) + "%"
    }
    func num(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        let s = v == v.rounded() ? String(Int(v)) : String(v)
        return vi ? s.replacingOccurrences(of: ".", with: ",") : s
    }
    func monthLabel(_ m: Month) -> String { vi ? "\(m.month)/\(m.year)" : m.iso }
    var unitNames: [String: String] { Dictionary(workspace.units.map { ($0.code.value, $0.name) }, uniquingKeysWith: { a, _ in a }) }
    var channelNames: [String: String] { Dictionary(workspace.channels.map { ($0.id.value, $0.name) }, uniquingKeysWith: { a, _ in a }) }

    var subtitle: String {
        switch scope {
        case .month(let m):
            return vi ? "Kết quả công tác tuyên truyền 03 đề án, dự án tháng \(monthLabel(m))" : "Communication results, \(m.iso)"
        case .phase(let p, let ph):
            let ended = ph.to.map { figures.to >= $0.value } ?? false
            let word = vi ? (ended ? "Tổng kết" : "Sơ kết") : (ended ? "Final review" : "Interim review")
            return vi ? "\(word) công tác tuyên truyền \(p.name), giai đoạn \(ph.id.value) (từ \(figures.from.iso) đến \(figures.to.iso))"
                      : "\(word) of communication on \(p.name), phase \(ph.id.value) (\(figures.from.iso) to \(figures.to.iso))"
        case .unit(let u):
            return vi ? "Kết quả tuyên truyền của \(u.name) (từ \(figures.from.iso) đến \(figures.to.iso))"
                      : "Communication results of \(u.name) (\(figures.from.iso) to \(figures.to.iso))"
        }
    }

    public func document() -> AdminDocument {
        let f = figures
        var results: [Block] = []
        // 1. content
        results.append(.subheading(vi ? "1. Thông tin, tuyên truyền trên các kênh" : "1. Content on the channels"))
        results.append(.paragraph(vi
            ? "Đăng **\(f.publishedItems)** lượt bài, chuyển **\(f.deliveries)** lượt đến các CĐCS; \(pct(f.themeCoverage)) nội dung trọng tâm đang triển khai đã có bài."
            : "**\(f.publishedItems)** placements published and **\(f.deliveries)** deliveries to units; \(pct(f.themeCoverage)) of active themes covered."))
        if !f.byChannel.isEmpty {
            results.append(.table(Table(header: vi ? ["Kênh", "Số lượt bài"] : ["Channel", "Placements"],
                                        rows: f.byChannel.keys.sorted().map { [channelNames[$0] ?? $0, String(f.byChannel[$0]!)] }, numeric: [1])))
        }
        let themeTitles = Dictionary(workspace.plan.allThemes.map { ($0.ref.description, $0.theme.title) }, uniquingKeysWith: { a, _ in a })
        results.append(.table(Table(header: vi ? ["Nội dung trọng tâm", "Bài đăng", "Hoạt động"] : ["Theme", "Placements", "Activities"],
                                    rows: f.activeThemes.map { t in ["\(t) — \(themeTitles[t.description] ?? "")", String(f.byTheme[t.description] ?? 0), String(f.activitiesByTheme[t.description] ?? 0)] },
                                    numeric: [1, 2])))
        if !f.byAudience.isEmpty {
            let names = Dictionary(workspace.plan.audiences.map { ($0.id.value, $0.name) }, uniquingKeysWith: { a, _ in a })
            results.append(.paragraph((vi ? "Theo đối tượng: " : "By audience: ") + f.byAudience.keys.sorted().map { "\(names[$0] ?? $0) \(f.byAudience[$0]!)" }.joined(separator: "; ") + "."))
        }
        if f.months.count > 1 {
            let active = f.activeThemes.map(\.description)
            results.append(.chart(svg: Charts.grid(title: vi ? "Nội dung trọng tâm có bài theo tháng" : "Themes published by month",
                                                   rows: active, columns: f.months.map { String(format2($0.month)) + "/" + String($0.year % 100) }) { i, j in
                f.coverageGrid[active[i]]?.contains(f.months[j]) ?? false
            }, fallback: vi ? "Biểu đồ: nội dung trọng tâm × tháng (ô xanh: có bài đăng)." : "Chart: themes × months (green: published)."))
        }
        // 2. activities
        results.append(.subheading(vi ? "2. Hoạt động tuyên truyền của các CĐCS" : "2. Activities held by units"))
        results.append(.paragraph(vi
            ? "Tổ chức **\(f.activityCount)** hoạt động với **\(f.participants)** lượt người tham dự; bình quân \(num(f.reach)) lượt/đoàn viên."
            : "**\(f.activityCount)** activities with **\(f.participants)** attendances; \(num(f.reach)) attendances per member."))
        if !f.activitiesByType.isEmpty {
            results.append(.table(Table(header: vi ? ["Hình thức", "Số hoạt động"] : ["Type", "Activities"],
                                        rows: f.activitiesByType.keys.sorted().map { [ActivityType(rawValue: $0)?.name(language) ?? $0, String(f.activitiesByType[$0]!)] }, numeric: [1])))
        }
        if !f.activitiesByProject.isEmpty {
            let names = Dictionary(workspace.plan.projects.map { ($0.id.value, $0.short) }, uniquingKeysWith: { a, _ in a })
            results.append(.paragraph((vi ? "Theo đề án: " : "By project: ") + f.activitiesByProject.keys.sorted().map { "\(names[$0] ?? $0) \(f.activitiesByProject[$0]!)" }.joined(separator: "; ") + "."))
        }
        if case .unit = scope {} else if !f.activitiesByUnit.isEmpty {
            results.append(.table(Table(header: vi ? ["CĐCS", "Hoạt động", "Lượt tham dự"] : ["Unit", "Activities", "Attendances"],
                                        rows: f.activitiesByUnit.keys.sorted().map { [unitNames[$0] ?? $0, String(f.activitiesByUnit[$0]!), String(f.participantsByUnit[$0] ?? 0)] }, numeric: [1, 2])))
        }
        if f.months.count > 1 {
            results.append(.chart(svg: Charts.bars(title: vi ? "Số hoạt động theo tháng" : "Activities per month", labels: f.months.map(monthLabel),
                                                   values: f.months.map { Double(f.activitiesByMonth[$0] ?? 0) }, valueLabel: { String(Int($0)) }),
                                  fallback: vi ? "Biểu đồ: số hoạt động theo tháng." : "Chart: activities per month."))
        }
        // 3. reporting
        results.append(.subheading(vi ? "3. Công tác báo cáo của các CĐCS" : "3. Reporting by units"))
        let r = f.reporting
        results.append(.paragraph(vi
            ? "Nhận **\(r.received)/\(r.expected)** báo cáo (tỷ lệ \(pct(r.rate))), trong đó \(r.onTime) báo cáo đúng hạn (\(pct(r.timeliness)))."
            : "**\(r.received) of \(r.expected)** reports received (\(pct(r.rate))), \(r.onTime) on time (\(pct(r.timeliness)))."))
        let months = f.months.filter { f.reportingByMonth[$0] != nil }
        if !months.isEmpty {
            results.append(.table(Table(header: vi ? ["Tháng", "Phải gửi", "Đã gửi", "Đúng hạn", "Tỷ lệ", "Đúng hạn (%)"] : ["Month", "Expected", "Received", "On time", "Rate", "Timeliness"],
                                        rows: months.map { m in let x = f.reportingByMonth[m]!; return [monthLabel(m), String(x.expected), String(x.received), String(x.onTime), pct(x.rate), pct(x.timeliness)] },
                                        numeric: [1, 2, 3, 4, 5])))
        }
        if months.count > 1 {
            let target = workspace.plan.targets.first { $0.metric == .reportingRate }?.min
            results.append(.chart(svg: Charts.bars(title: vi ? "Tỷ lệ báo cáo theo tháng (đường xanh: chỉ tiêu)" : "Reporting rate by month (blue: target)",
                                                   labels: months.map(monthLabel), values: months.map { f.reportingByMonth[$0]!.rate }, maxValue: 1, target: target, valueLabel: pct),
                                  fallback: vi ? "Biểu đồ: tỷ lệ báo cáo theo tháng so với chỉ tiêu." : "Chart: reporting rate by month against its target."))
        }
        // 4. targets
        results.append(.subheading(vi ? "4. Thực hiện chỉ tiêu" : "4. Targets"))
        results.append(.table(Table(header: vi ? ["Chỉ tiêu", "Kết quả", "Yêu cầu", "Đánh giá"] : ["Target", "Value", "Required", "Assessment"],
                                    rows: f.targets.map { t in
            let required = t.target.metric == .activitiesPerUnit ? pct(t.target.share) : (t.target.metric == .reach || t.target.metric == .activitiesPerUnit ? num(t.target.min) : pct(t.target.min))
            let value = t.target.metric == .reach ? num(t.value) : pct(t.value)
            return [t.target.title, value, required, t.met ? (vi ? "Đạt" : "Met") : (vi ? "**Chưa đạt**" : "**Not met**")]
        }, numeric: [1, 2])))
        // 5. feedback
        results.append(.subheading(vi ? "5. Tình hình tư tưởng, dư luận trong đoàn viên" : "5. Members' opinion"))
        let moods = Mood.allCases.map { "\($0.name(language)): \(f.moods[$0.rawValue] ?? 0)" }.joined(separator: "; ")
        results.append(.paragraph(vi
            ? "Tâm trạng — \(moods). Có \(f.issues) vấn đề được phản ánh; cảnh báo nhạy cảm: \(f.alertsOpen) đang mở, \(f.alertsResolved) đã xử lý."
            : "Mood — \(moods). \(f.issues) issues raised; sensitive alerts: \(f.alertsOpen) open, \(f.alertsResolved) resolved."))
        let shown = f.issueList.filter { !$0.sensitive || includeSensitive }
        if !shown.isEmpty {
            results.append(.bullets(shown.map { i in
                var s = "\(unitNames[i.unit] ?? i.unit) (\(monthLabel(i.period))): \(i.topic)"
                if i.sensitive, let d = i.detail { s += " — " + d }
                if i.sensitive { s += vi ? " [nhạy cảm]" : " [sensitive]" }
                return s
            }))
        }

        // II. shortcomings, III. directions: derived from the figures
        var limits: [String] = []
        if !r.missing.isEmpty {
            let byUnit = Dictionary(grouping: r.missing, by: \.unit)
            limits.append((vi ? "CĐCS chưa gửi báo cáo: " : "Units missing reports: ") + byUnit.keys.sorted().map { u in
                "\(unitNames[u] ?? u) (\(byUnit[u]!.map { monthLabel($0.period) }.joined(separator: ", ")))" }.joined(separator: "; ") + ".")
        }
        if !f.lateUnits.isEmpty {
            limits.append((vi ? "Báo cáo gửi muộn: " : "Late reports: ") + f.lateUnits.map { "\(unitNames[$0.unit] ?? $0.unit) (\(monthLabel($0.period)), \($0.submitted.iso))" }.joined(separator: "; ") + ".")
        }
        let uncovered = f.activeThemes.filter { (f.byTheme[$0.description] ?? 0) == 0 }
        if !uncovered.isEmpty {
            limits.append((vi ? "Nội dung trọng tâm chưa có bài đăng: " : "Themes without a publication: ") + uncovered.map(\.description).joined(separator: ", ") + ".")
        }
        if !f.unitsWithoutActivity.isEmpty {
            limits.append((vi ? "CĐCS chưa tổ chức hoạt động: " : "Units without activity: ") + f.unitsWithoutActivity.map { unitNames[$0] ?? $0 }.joined(separator: "; ") + ".")
        }
        for t in f.targets where !t.met { limits.append((vi ? "Chưa đạt chỉ tiêu: " : "Target not met: ") + t.target.title + ".") }
        if limits.isEmpty { limits.append(vi ? "Không có hạn chế đáng kể theo số liệu." : "The figures show no notable shortcoming.") }

        var next: [String] = []
        if !uncovered.isEmpty { next.append(vi ? "Chuẩn bị, duyệt bài cho các nội dung trọng tâm chưa có bài: \(uncovered.map(\.description).joined(separator: ", "))." : "Prepare and approve items for the uncovered themes: \(uncovered.map(\.description).joined(separator: ", ")).") }
        if !r.missing.isEmpty || !f.lateUnits.isEmpty { next.append(vi ? "Đôn đốc các CĐCS gửi báo cáo đầy đủ, đúng hạn (chậm nhất ngày \(workspace.plan.reportDueDays) tháng sau)." : "Remind units to report fully and on time (by day \(workspace.plan.reportDueDays) of the next month).") }
        if f.alertsOpen > 0 { next.append(vi ? "Phối hợp xử lý dứt điểm \(f.alertsOpen) vấn đề nhạy cảm đang mở; cung cấp thông tin chính thống cho đoàn viên." : "Resolve the \(f.alertsOpen) open sensitive issues; give members official information.") }
        let upcoming = workspace.observances.flatMap { o in o.occurrences(from: today, to: today.adding(days: 120)).map { ObservanceDay(observance: o, date: $0) } }
            .sorted { ($0.date, $0.observance.uid) < ($1.date, $1.observance.uid) }.prefix(4)
        if !upcoming.isEmpty {
            next.append((vi ? "Tuyên truyền các ngày kỷ niệm sắp tới: " : "Mark the coming observances: ") + upcoming.map { o in
                "\(o.observance.name) (\(PlanDocument.dayLabel(o.date, language))\(o.anniversary.map { vi ? ", \($0) năm" : ", \($0) years" } ?? ""))" }.joined(separator: "; ") + ".")
        }
        next.append(vi ? "Tiếp tục đa dạng hóa hình thức tuyên truyền, chú trọng nền tảng số và sinh hoạt chuyên đề tại CĐCS." : "Keep varying the forms of communication, with digital channels and topical sessions in units.")

        return AdminDocument(
            kind: .report, plan: workspace.plan, date: today, title: vi ? "BÁO CÁO" : "REPORT", subtitle: subtitle,
            sections: [
                Section(vi ? "KẾT QUẢ ĐẠT ĐƯỢC" : "RESULTS", results),
                Section(vi ? "HẠN CHẾ" : "SHORTCOMINGS", [.bullets(limits)]),
                Section(vi ? "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" : "NEXT STEPS", [.bullets(next)]),
            ],
            recipients: vi ? ["\(workspace.plan.parentIssuer ?? "Cấp trên") (để báo cáo);", "Ban Thường vụ (để chỉ đạo);", "Các CĐCS trực thuộc;", "Lưu: VT."]
                           : ["\(workspace.plan.parentIssuer ?? "Parent body") (for information);", "Standing committee;", "Grassroots unions;", "File."],
            signer: vi ? "TM. BAN THƯỜNG VỤ" : "FOR THE STANDING COMMITTEE", language: language)
    }

    /// Every figure as JSON (SPEC §8), keys sorted by their natural order.
    public func json() -> JSON {
        let f = figures, r = f.reporting
        return .object([
            ("from", .string(f.from.iso)), ("to", .string(f.to.iso)),
            ("content", .object([("published_items", .int(f.publishedItems)), ("deliveries", .int(f.deliveries)),
                                 ("by_channel", .counts(f.byChannel)), ("by_theme", .counts(f.byTheme)), ("by_audience", .counts(f.byAudience)),
                                 ("active_themes", .array(f.activeThemes.map { .string($0.description) })),
                                 ("theme_coverage", .share(f.themeCoverage))])),
            ("activities", .object([("count", .int(f.activityCount)), ("participants", .int(f.participants)),
                                    ("by_unit", .counts(f.activitiesByUnit)), ("participants_by_unit", .counts(f.participantsByUnit)),
                                    ("by_type", .counts(f.activitiesByType)), ("by_project", .counts(f.activitiesByProject)),
                                    ("by_theme", .counts(f.activitiesByTheme)), ("reach", .share(f.reach)),
                                    ("units_without_activity", .array(f.unitsWithoutActivity.map(JSON.string)))])),
            ("reporting", .object([("expected", .int(r.expected)), ("received", .int(r.received)), ("on_time", .int(r.onTime)),
                                   ("rate", .share(r.rate)), ("timeliness", .share(r.timeliness)),
                                   ("missing", .array(r.missing.sorted { ($0.unit, $0.period) < ($1.unit, $1.period) }.map { .object([("unit", .string($0.unit)), ("period", .string($0.period.iso))]) })),
                                   ("late", .array(f.lateUnits.map { .object([("unit", .string($0.unit)), ("period", .string($0.period.iso)), ("submitted", .string($0.submitted.iso))]) })),
                                   ("by_month", .array(f.months.compactMap { m in f.reportingByMonth[m].map { x in
                                       .object([("period", .string(m.iso)), ("expected", .int(x.expected)), ("received", .int(x.received)), ("on_time", .int(x.onTime)),
                                                ("rate", .share(x.rate)), ("timeliness", .share(x.timeliness))]) } }))])),
            ("targets", .array(f.targets.sorted { $0.target.id.value < $1.target.id.value }.map { t in
                .object([("id", .string(t.target.id.value)), ("metric", .string(t.target.metric.rawValue)), ("period", .string(t.target.period.rawValue)),
                         ("value", .share(t.value)), ("met", .bool(t.met)),
                         ("periods", .array(t.periods.map { .object([("period", .string($0.label)), ("value", .share($0.value))]) }))])
            })),
            ("feedback", .object([("moods", .counts(f.moods)), ("issues", .int(f.issues)), ("alerts_open", .int(f.alertsOpen)),
                                  ("alerts_resolved", .int(f.alertsResolved))] + (includeSensitive ? [("sensitive_issues", .array(f.issueList.filter(\.sensitive).map {
                                      .object([("unit", .string($0.unit)), ("period", .string($0.period.iso)), ("topic", .string($0.topic)), ("detail", $0.detail.map(JSON.string) ?? .null)]) }))] : []))),
        ])
    }

    /// One row per figure: section, key, value. UTF-8 with a BOM; formula-looking cells are neutralised.
    public func csv() -> String {
        let f = figures, r = f.reporting
        var rows: [[String]] = [["section", "key", "value"], ["range", "from", f.from.iso], ["range", "to", f.to.iso],
                                ["content", "published_items", String(f.publishedItems)], ["content", "deliveries", String(f.deliveries)],
                                ["content", "theme_coverage", share(f.themeCoverage)]]
        for k in f.byChannel.keys.sorted() { rows.append(["content.by_channel", k, String(f.byChannel[k]!)]) }
        for k in f.byTheme.keys.sorted() { rows.append(["content.by_theme", k, String(f.byTheme[k]!)]) }
        for k in f.byAudience.keys.sorted() { rows.append(["content.by_audience", k, String(f.byAudience[k]!)]) }
        rows += [["activities", "count", String(f.activityCount)], ["activities", "participants", String(f.participants)], ["activities", "reach", share(f.reach)]]
        for k in f.activitiesByUnit.keys.sorted() { rows.append(["activities.by_unit", k, String(f.activitiesByUnit[k]!)]) }
        for k in f.activitiesByType.keys.sorted() { rows.append(["activities.by_type", k, String(f.activitiesByType[k]!)]) }
        for k in f.activitiesByProject.keys.sorted() { rows.append(["activities.by_project", k, String(f.activitiesByProject[k]!)]) }
        for k in f.activitiesByTheme.keys.sorted() { rows.append(["activities.by_theme", k, String(f.activitiesByTheme[k]!)]) }
        for u in f.unitsWithoutActivity { rows.append(["activities.without_activity", u, ""]) }
        rows += [["reporting", "expected", String(r.expected)], ["reporting", "received", String(r.received)], ["reporting", "on_time", String(r.onTime)],
                 ["reporting", "rate", share(r.rate)], ["reporting", "timeliness", share(r.timeliness)]]
        for m in r.missing { rows.append(["reporting.missing", m.unit, m.period.iso]) }
        for t in f.targets { rows.append(["targets", t.target.id.value, share(t.value) + (t.met ? " met" : " not met")]) }
        for k in f.moods.keys.sorted() { rows.append(["feedback.moods", k, String(f.moods[k]!)]) }
        rows += [["feedback", "issues", String(f.issues)], ["feedback", "alerts_open", String(f.alertsOpen)], ["feedback", "alerts_resolved", String(f.alertsResolved)]]
        for i in f.issueList where !i.sensitive || includeSensitive { rows.append(["feedback.issue", "\(i.unit) \(i.period)", i.topic]) }
        return "\u{FEFF}" + rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    func share(_ x: Double) -> String { JSON.share(x).text }
}

func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Quotes a CSV cell when needed and neutralises cells a spreadsheet would run as a formula.
public func csvCell(_ s: String) -> String {
    var v = s
    if let f = v.first, "=+-@".contains(f) { v = "'" + v }
    if v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") { v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    return v
}
