import Foundation
import LoaCore
import LoaFormats
import LoaStore

let statusCommand = CommandSpec(
    name: "status", usage: "status",
    vi: "Tổng quan việc cần làm hôm nay: kỳ phát hành trong tháng, bài chờ duyệt sắp đến hạn, kỳ còn trống,\nbáo cáo quá hạn theo đơn vị, cảnh báo đang mở và các ngày kỷ niệm năm chẵn sắp tới.",
    en: "One screen of what needs doing today: this month's slots, items in review nearing their deadline, empty slots,\nreports overdue by unit, open alerts by age, and the next round anniversaries."
) { ctx, _ in
    let (ws, paths) = try ctx.loadWorkspace()
    let vi = ctx.language == .vi
    let today = ctx.today
    let month = today.monthOfYear
    let hasDB = FileManager.default.fileExists(atPath: ctx.databasePath(paths))
    let store: Store? = hasDB ? try ctx.openStore(paths) : nil
    var out = vi ? "Loa — tình hình ngày \(today.iso)\n" : "Loa — status on \(today.iso)\n"

    // slots of this month: published, confirmed or not yet
    let published = try ctx.guarded(paths) { try store?.publishedSlots(from: month.first, to: month.last) ?? [] }
    let entries = try readCalendar(paths.calendar(month), paths) + readCalendar(paths.calendar(month.next), paths)
    var used: [Slot: (confirmed: Int, tentative: Int)] = [:]
    for e in entries { var u = used[e.slot] ?? (0, 0); if e.confirmed { u.confirmed += 1 } else { u.tentative += 1 }; used[e.slot] = u }
    out += "\n" + (vi ? "Kỳ phát hành tháng \(month.iso):" : "Slots in \(month.iso):") + "\n"
    let slots = ws.channels.flatMap { c in c.slots(in: month).map { Slot(channel: c.id.value, date: $0) } }.sorted()
    for s in slots {
        let u = used[s] ?? (0, 0)
        let state = published.contains(s) ? (vi ? "đã xuất bản" : "published")
            : u.confirmed > 0 ? (vi ? "\(u.confirmed) bài đã xác nhận" : "\(u.confirmed) confirmed")
            : u.tentative > 0 ? (vi ? "\(u.tentative) bài đề xuất, chưa xác nhận" : "\(u.tentative) proposed, not confirmed")
            : (vi ? "trống" : "empty")
        out += "  \(s.date.iso)  \(s.channel.padding(toLength: 24, withPad: " ", startingAt: 0)) \(state)\n"
    }
    if let store {
        let n = try ctx.guarded(paths) { try store.deliveryCount(from: month.first, to: month.last) }
        out += vi ? "  Lượt chuyển bài đến đơn vị trong tháng: \(n)\n" : "  Deliveries this month: \(n)\n"
    }

    // items in review whose approval deadline falls in the next 7 days
    var due: [String] = []
    let channels = ws.channels.indexed { $0.id.value }
    for item in ws.items where item.status == .review {
        for ref in item.channels {
            guard let c = channels[ref.value] else { continue }
            for d in c.slots(in: month) + c.slots(in: month.next) {
                if let nb = item.notBefore?.value, d < nb { continue }
                if let na = item.notAfter?.value, d > na { continue }
                let deadline = d.adding(days: -c.leadDays)
                if deadline >= today, deadline <= today.adding(days: 7) {
                    due.append("  \(deadline.iso)  \(item.id.value) → \(c.id.value) \(d.iso)")
                    break
                }
            }
        }
    }
    out += "\n" + (vi ? "Bài chờ duyệt cần duyệt trong 7 ngày tới:" : "Items in review due for approval in 7 days:") + "\n"
    out += due.isEmpty ? (vi ? "  (không có)\n" : "  (none)\n") : due.sorted().joined(separator: "\n") + "\n"

    // empty slots this month and next
    let nextSlots = ws.channels.flatMap { c in c.slots(in: month.next).map { Slot(channel: c.id.value, date: $0) } }
    let empty = (slots + nextSlots).filter { s in s.date >= today && used[s] == nil && !published.contains(s) }
    out += "\n" + (vi ? "Kỳ còn trống (tháng này và tháng sau): \(empty.count)" : "Empty slots (this month and next): \(empty.count)") + "\n"
    for s in empty.prefix(8) { out += "  \(s.date.iso)  \(s.channel)\n" }
    if empty.count > 8 { out += "  …\n" }

    // reports overdue by unit: the last three months whose deadline has passed, from the first month reported
    let first = try ctx.guarded(paths) { try store?.firstReportedPeriod() }
    let months = (1...4).map { k in (0..<k).reduce(month) { m, _ in m.previous } }
        .filter { ReportValidator.dueDate($0, dueDays: ws.plan.reportDueDays) < today && $0 >= (first ?? $0) }.prefix(3)
    var overdue: [String: [String]] = [:]
    for m in months {
        let received = try ctx.guarded(paths) { try store?.reportingUnits(period: m) ?? [] }
        for u in ws.units where u.exists(in: m) && !received.contains(u.code.value) { overdue[u.code.value, default: []].append(m.iso) }
    }
    out += "\n" + (vi ? "Báo cáo quá hạn:" : "Reports overdue:") + "\n"
    out += overdue.isEmpty ? (vi ? "  (không có)\n" : "  (none)\n")
        : overdue.keys.sorted().map { "  \($0.padding(toLength: 26, withPad: " ", startingAt: 0)) \(overdue[$0]!.sorted().joined(separator: ", "))" }.joined(separator: "\n") + "\n"

    // open alerts by age
    let alerts = try ctx.guarded(paths) { try store?.alerts() ?? [] }
    out += "\n" + (vi ? "Cảnh báo đang mở: \(alerts.count)" : "Open alerts: \(alerts.count)") + "\n"
    for a in alerts { out += "  #\(a.id)  \(today - a.openedOn) \(vi ? "ngày" : "days")  \(a.unit) \(a.period)\n" }

    // next round anniversaries
    let upcoming = ws.observances.flatMap { o in o.occurrences(from: today, to: today.adding(days: 730)).map { ObservanceDay(observance: o, date: $0) } }
        .filter { $0.roundness > 0 }.sorted { ($0.date, $0.observance.uid) < ($1.date, $1.observance.uid) }.prefix(5)
    out += "\n" + (vi ? "Ngày kỷ niệm năm chẵn sắp tới:" : "Next round anniversaries:") + "\n"
    for o in upcoming { out += "  \(o.date.iso)  \(o.observance.name) — \(o.anniversary ?? 0) \(vi ? "năm" : "years")\n" }
    ctx.console.out(out)
    return ExitCode.ok
}
