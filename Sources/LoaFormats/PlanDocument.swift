import LoaCore

/// Builds the month plan document (kế hoạch tuyên truyền tháng) from a schedule.
public enum PlanDocument {
    public static func build(_ s: Schedule, workspace ws: Workspace, today: Day, language lang: Language) -> AdminDocument {
        let vi = lang == .vi
        let items = ws.items.indexed { $0.id.value }
        let channels = ws.channels.indexed { $0.id.value }
        let themes = ws.plan.allThemes.indexed { $0.ref.description }
        let m = s.month
        let monthName = vi ? "tháng \(m.month)/\(m.year)" : m.iso

        var sections: [Section] = []
        // I. the schedule
        let rows = s.entries.map { e -> [String] in
            [dayLabel(e.date, lang), channels[e.channel]?.name ?? e.channel, items[e.item]?.title ?? e.item,
             items[e.item]?.themes.map(\.value).joined(separator: ", ") ?? "",
             e.confirmed ? (vi ? "Đã xác nhận" : "Confirmed") : (vi ? "Đề xuất" : "Proposed")]
        }
        let intro = vi
            ? "Trong \(monthName) dự kiến đăng **\(s.entries.count)** lượt bài trên \(Set(s.entries.map(\.channel)).count) kênh, vào \(Set(s.entries.map(\.slot)).count) kỳ phát hành."
            : "In \(monthName), **\(s.entries.count)** placements are planned on \(Set(s.entries.map(\.channel)).count) channels in \(Set(s.entries.map(\.slot)).count) slots."
        sections.append(Section(vi ? "LỊCH ĐĂNG BÀI" : "SCHEDULE", [
            .paragraph(intro),
            rows.isEmpty ? .paragraph(vi ? "Chưa có bài nào được xếp lịch." : "Nothing is scheduled.")
                : .table(Table(header: vi ? ["Ngày", "Kênh", "Bài", "Nội dung trọng tâm", "Trạng thái"] : ["Date", "Channel", "Item", "Themes", "Status"], rows: rows)),
        ]))

        // II. observances
        var obsBlocks: [Block] = []
        if s.observances.isEmpty {
            obsBlocks.append(.paragraph(vi ? "Trong tháng không có ngày kỷ niệm nào trong danh mục." : "No observances this month."))
        } else {
            obsBlocks.append(.table(Table(header: vi ? ["Ngày", "Ngày kỷ niệm", "Kỷ niệm"] : ["Date", "Observance", "Anniversary"],
                                          rows: s.observances.map { o in [dayLabel(o.date, lang), o.observance.name, anniversaryLabel(o, lang)] })))
        }
        sections.append(Section(vi ? "CÁC NGÀY KỶ NIỆM TRONG THÁNG" : "OBSERVANCES", obsBlocks))

        // III. coverage of active themes
        var count: [String: Int] = [:]
        for e in s.entries { for t in items[e.item]?.themes ?? [] { count[t.value, default: 0] += 1 } }
        let coverageRows = s.activeThemes.map { ref -> [String] in
            [ref.description, themes[ref.description]?.theme.title ?? "", String(count[ref.description] ?? 0)]
        }
        let covered = s.activeThemes.filter { (count[$0.description] ?? 0) > 0 }.count
        sections.append(Section(vi ? "ĐỘ BAO PHỦ NỘI DUNG TRỌNG TÂM" : "THEME COVERAGE", [
            .paragraph(vi ? "\(covered)/\(s.activeThemes.count) nội dung trọng tâm đang triển khai có bài trong tháng."
                          : "\(covered) of \(s.activeThemes.count) active themes have an item this month."),
            .table(Table(header: vi ? ["Mã", "Nội dung trọng tâm", "Số lượt bài"] : ["Ref", "Theme", "Placements"], rows: coverageRows, numeric: [2])),
        ]))

        // IV. gaps
        let ready = Set(ws.items.filter { $0.status == .approved }.flatMap { $0.themes.map(\.value) })
        let noContent = s.activeThemes.filter { !ready.contains($0.description) }
        var gaps: [Block] = []
        gaps.append(.subheading(vi ? "Nội dung trọng tâm chưa có bài đã duyệt" : "Themes without approved content"))
        gaps.append(noContent.isEmpty ? .paragraph(vi ? "Không có." : "None.")
                    : .bullets(noContent.map { "\($0) — \(themes[$0.description]?.theme.title ?? "")" }))
        gaps.append(.subheading(vi ? "Kỳ phát hành còn chỗ trống" : "Slots with room"))
        let empty = s.emptySlots
        gaps.append(empty.isEmpty ? .paragraph(vi ? "Không có." : "None.")
                    : .table(Table(header: vi ? ["Ngày", "Kênh", "Còn trống"] : ["Date", "Channel", "Free"],
                                   rows: empty.map { [dayLabel($0.slot.date, lang), channels[$0.slot.channel]?.name ?? $0.slot.channel, String($0.free)] },
                                   numeric: [2])))
        if !s.waiting.isEmpty {
            gaps.append(.subheading(vi ? "Bài gắn ngày kỷ niệm đang chờ kỳ phát hành" : "Observance items waiting for a slot"))
            gaps.append(.bullets(s.waiting.map { w in
                let title = items[w.item]?.title ?? w.item
                guard let o = w.observance else { return title }
                return "\(title) — \(o.observance.name) (\(dayLabel(o.date, lang)))"
            }))
        }
        sections.append(Section(vi ? "NHỮNG VIỆC CẦN BỔ SUNG" : "GAPS", gaps))

        // V. reports due from units this month
        let previous = m.previous
        let due = previous.last.adding(days: ws.plan.reportDueDays)
        var dueBlocks: [Block] = []
        if due.monthOfYear == m {
            let expected = ws.units.filter { $0.exists(in: previous) }
            dueBlocks.append(.paragraph(vi
                ? "Các CĐCS gửi báo cáo kết quả tuyên truyền tháng \(previous.month)/\(previous.year) chậm nhất ngày \(dayLabel(due, lang)) (\(expected.count) đơn vị):"
                : "Units send their report for \(previous.iso) by \(due.iso) (\(expected.count) units):"))
            dueBlocks.append(.bullets(expected.map { "\($0.name) (\($0.code.value))" }))
        } else {
            dueBlocks.append(.paragraph(vi ? "Không có báo cáo đến hạn trong tháng." : "No reports fall due this month."))
        }
        sections.append(Section(vi ? "BÁO CÁO ĐẾN HẠN CỦA CÁC CĐCS" : "REPORTS DUE FROM UNITS", dueBlocks))

        sections.append(Section(vi ? "TỔ CHỨC THỰC HIỆN" : "IMPLEMENTATION", [
            .paragraph(vi
                ? "Bộ phận tuyên giáo hoàn thiện, trình duyệt các bài còn ở trạng thái chờ duyệt trước hạn của từng kênh; các CĐCS tiếp nhận bản tin, tổ chức sinh hoạt, nắm bắt tâm tư của đoàn viên và báo cáo kịp thời những vấn đề nhạy cảm phát sinh."
                : "Officers finish and approve the pending items before each channel's deadline; units receive the issues, hold activities, follow members' opinions and report sensitive issues early."),
        ]))

        return AdminDocument(
            kind: .plan, plan: ws.plan, date: today, title: vi ? "KẾ HOẠCH" : "PLAN",
            subtitle: vi ? "Tuyên truyền \(monthName)" : "Communication plan, \(monthName)",
            sections: sections,
            recipients: vi ? ["Ban Thường vụ (để chỉ đạo);", "Các CĐCS trực thuộc (để thực hiện);", "Lưu: VT."]
                           : ["Standing committee (for direction);", "Grassroots unions (for action);", "File."],
            signer: vi ? "TM. BAN THƯỜNG VỤ" : "FOR THE STANDING COMMITTEE", language: lang)
    }

    public static func dayLabel(_ d: Day, _ lang: Language) -> String {
        guard lang == .vi else { return d.iso }
        let names = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
        let dd = d.day < 10 ? "0\(d.day)" : "\(d.day)"
        let mm = d.month < 10 ? "0\(d.month)" : "\(d.month)"
        return "\(names[d.weekday]), \(dd)/\(mm)/\(d.year)"
    }

    public static func anniversaryLabel(_ o: ObservanceDay, _ lang: Language) -> String {
        guard let n = o.anniversary, n > 0 else { return lang == .vi ? "âm lịch" : "lunar" }
        let vi = lang == .vi
        var s = vi ? "\(n) năm (\(o.observance.original.year) - \(o.date.year))" : "\(n) years (\(o.observance.original.year) - \(o.date.year))"
        if o.roundness == 10 { s += vi ? " — **năm tròn**" : " — **round (×10)**" } else if o.roundness == 5 { s += vi ? " — **năm lẻ**" : " — **round (×5)**" }
        return s
    }
}
