import Foundation
import LoaCore
import LoaFormats
import LoaStore

let formCommand = CommandSpec(
    name: "form", usage: "form UNIT YYYY-MM",
    vi: "Ghi mẫu báo cáo tháng của một CĐCS, điền sẵn đơn vị, kỳ và các số bản tin đã chuyển đến: out/forms/UNIT-YYYY-MM.md.",
    en: "Write a unit's monthly report form, pre-filled with unit, period and the issues delivered: out/forms/UNIT-YYYY-MM.md.",
    minArguments: 2, maxArguments: 2
) { ctx, args in
    let (ws, paths) = try ctx.loadWorkspace()
    let code = args.positional[0]
    let unit = try lookup(.unit, code, in: ws.units, by: \.code.value)
    let month = try parseMonth(args.positional[1])
    let received = FileManager.default.fileExists(atPath: ctx.databasePath(paths))
        ? try ctx.withStore(paths) { try $0.issuesDelivered(unit: code, month: month) } : []
    let text = FormTemplate.render(unit: unit, month: month, received: received, workspace: ws, language: ctx.language)
    let path = paths.out + "/forms/\(code)-\(month.iso).md"
    try writeFile(path, text)
    ctx.console.out(paths.relative(path) + "\n")
    return ExitCode.ok
}

/// The text of a pre-filled report form, with commented examples of every field.
enum FormTemplate {
    static func render(unit: UnionUnit, month: Month, received: [String], workspace ws: Workspace, language: Language) -> String {
        let vi = language == .vi
        let active = PhaseIndex(ws.plan).themes(activeBetween: month.first, and: month.last)
        let titles = Dictionary(ws.plan.allThemes.map { ($0.ref.description, $0.theme.title) }, uniquingKeysWith: { a, _ in a })
        let example = active.first?.description ?? "museum/1.1/a"
        var s = "---\n"
        s += vi ? "# MẪU BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN THÁNG \(month.month)/\(month.year) — \(unit.name)\n"
                : "# MONTHLY REPORT FORM \(month.iso) — \(unit.name)\n"
        s += vi ? "# Điền các dòng dưới đây rồi gửi lại tệp này. Dòng bắt đầu bằng # là hướng dẫn, không cần xóa.\n"
                : "# Fill in the lines below and send this file back. Lines starting with # are guidance.\n"
        s += "form: \(FormReader.formVersion)\n"
        s += "unit: \(unit.code.value)\n"
        s += "period: \(month.iso)\n"
        s += vi ? "submitted:            # ngày gửi, ví dụ \(month.next.first.adding(days: 2).iso); để trống thì tính là ngày nhập\n"
                : "submitted:            # date sent, e.g. \(month.next.first.adding(days: 2).iso); empty means the import day\n"
        s += vi ? "reporter:             # họ tên người báo cáo\n" : "reporter:             # who reports\n"
        s += vi ? "# Các số bản tin, bảng tin đơn vị đã nhận trong tháng (bỏ những số chưa nhận):\n"
                : "# Issues the unit received this month (remove any not received):\n"
        s += "received: [\(received.joined(separator: ", "))]\n"
        s += vi ? "# Mỗi hoạt động tuyên truyền là một khối \"- date: …\". Bỏ dấu # ở đầu các dòng ví dụ để dùng:\n"
                : "# Each activity is one \"- date: …\" block. Remove the leading # of the example lines to use them:\n"
        s += "activities:\n"
        s += "#  - date: \(month.first.adding(days: 11).iso)\n"
        s += "#    type: hoi-nghi\n"
        s += vi ? "#    title: Hội nghị quán triệt kế hoạch tuyên truyền 03 đề án\n" : "#    title: Briefing on the three projects' plan\n"
        s += "#    themes: [\(example)]\n"
        s += "#    participants: \(max(1, unit.members / 2))\n"
        s += "#    items: []\n"
        s += vi ? "# type là một trong:\n" : "# type is one of:\n"
        for t in ActivityType.allCases { s += "#   \(t.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))\(t.name(language))\n" }
        s += vi ? "# themes: mã nội dung trọng tâm đang triển khai trong tháng:\n" : "# themes: the themes active this month:\n"
        for t in active { s += "#   \(t.description.padding(toLength: 16, withPad: " ", startingAt: 0))\(titles[t.description] ?? "")\n" }
        s += "feedback:\n"
        s += vi ? "  mood:               # on-dinh (ổn định) | quan-tam (quan tâm) | lo-ngai (lo ngại)\n"
                : "  mood:               # on-dinh (settled) | quan-tam (interested) | lo-ngai (worried)\n"
        s += vi ? "  summary:            # tóm tắt ý kiến, tâm tư của đoàn viên\n" : "  summary:            # what members think, in a sentence\n"
        s += "  issues:\n"
        s += "#    - topic: …\n#      detail: …\n"
        s += vi ? "#      sensitive: true   # true khi là vấn đề nhạy cảm, phức tạp cần báo cáo ngay\n"
                : "#      sensitive: true   # true when the issue is sensitive and must be reported early\n"
        s += "---\n\n"
        s += vi ? "Ghi chú thêm (nếu có).\n" : "Further notes (optional).\n"
        return s
    }
}
