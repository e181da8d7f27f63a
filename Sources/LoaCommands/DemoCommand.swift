import Foundation
import LoaCore
import LoaFormats

let demoCommand = CommandSpec(
    name: "demo", usage: "demo [DIR]",
    vi: "Chạy toàn bộ quy trình trên một bản sao của không gian làm việc mẫu (mặc định out/demo): kiểm tra, lập kế hoạch,\nxác nhận, xuất bản, phát mẫu báo cáo, nhập báo cáo mẫu, viết báo cáo tháng và sơ kết giai đoạn; in nơi lưu từng kết quả.",
    en: "Run the whole flow on a copy of the shipped workspace (default out/demo): check, plan, confirm, publish, write forms,\nimport the sample reports, write the month and phase reports; prints where each output went.",
    maxArguments: 1
) { ctx, args in
    let source = try ctx.shippedWorkspace()
    let target = args.positional.first.map(Context.absolute) ?? source + "/out/demo"
    try? FileManager.default.removeItem(atPath: target)
    try copyWorkspace(from: source, to: target)
    let vi = ctx.language == .vi
    let lang = ["--lang", ctx.language.rawValue]
    var failures = 0
    func step(_ title: String, _ today: String, _ argv: [String]) {
        ctx.console.out("\n== \(title)  (loa \(argv.joined(separator: " ")) --today \(today))\n")
        let code = runLoa(["--workspace", target, "--today", today] + lang + argv, environment: ctx.environment)
        if code != 0 && code != ExitCode.dataError { failures += 1 }
    }
    ctx.console.out((vi ? "Bản trình diễn Loa trong " : "Loa demo in ") + target + "\n")
    step(vi ? "1. Kiểm tra không gian làm việc" : "1. Check the workspace", "2026-10-20", ["check"])
    step(vi ? "2. Lập và xác nhận kế hoạch tháng 11/2026" : "2. Plan and confirm November 2026", "2026-10-20", ["plan", "2026-11", "--confirm"])
    let paths = WorkspacePaths(root: target)
    let entries = (try? readCalendar(paths.calendar(Month(year: 2026, month: 11)!), paths)) ?? []
    let slots = Array(Set(entries.filter(\.confirmed).map(\.slot))).sorted()
    for s in slots {
        step((vi ? "3. Xuất bản " : "3. Publish ") + "\(s.channel) \(s.date.iso)", s.date.iso, ["publish", s.channel, s.date.iso])
    }
    step(vi ? "4. Phát mẫu báo cáo tháng 11 cho một CĐCS" : "4. Write a November report form for a unit", "2026-12-01", ["form", "cdcs-so-gddt", "2026-11"])
    step(vi ? "5. Nhập báo cáo mẫu (tháng 10 và 11)" : "5. Import the sample reports (October and November)", "2026-12-06", ["import", target + "/reports/samples"])
    step(vi ? "6. Lập kế hoạch tháng 12/2026" : "6. Plan December 2026", "2026-12-06", ["plan", "2026-12"])
    step(vi ? "7. Báo cáo tháng 11/2026" : "7. November 2026 report", "2026-12-08", ["report", "month", "2026-11"])
    step(vi ? "8. Sơ kết giai đoạn 2.1 Đề án Chuyển đổi số (từ 01/10/2026)" : "8. Interim review of digital phase 2.1 (from 2026-10-01)", "2026-12-08",
         ["report", "phase", "digital", "2.1", "--from", "2026-10-01"])
    step(vi ? "9. Báo cáo của một CĐCS" : "9. One unit's report", "2026-12-08", ["report", "unit", "cdcs-bv-da-khoa", "--from", "2026-10-01"])
    step(vi ? "10. Cảnh báo đang mở" : "10. Open alerts", "2026-12-08", ["alerts"])
    step(vi ? "11. Tình hình hôm nay" : "11. Today's status", "2026-12-08", ["status"])
    ctx.console.out("\n" + (vi ? "Xong. Mở các tệp HTML trong \(target)/out bằng trình duyệt để xem, in khổ A4.\n"
                                : "Done. Open the HTML files under \(target)/out in a browser; they print on A4.\n"))
    return failures == 0 ? ExitCode.ok : ExitCode.software
}
