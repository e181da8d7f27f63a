import LoaCore
import LoaFormats

let checkCommand = CommandSpec(
    name: "check", usage: "check",
    vi: "Kiểm tra toàn bộ không gian làm việc: kế hoạch, kênh, đơn vị, bài, lịch kỷ niệm.\nIn mọi lỗi cùng lúc dạng tệp:dòng:cột; mã thoát 65 khi có lỗi.",
    en: "Validate the whole workspace: plan, channels, units, items, observances.\nPrints every problem at once as path:line:col; exit 65 on any error."
) { ctx, _ in
    let paths = try ctx.workspacePaths()
    let diagnostics = Diagnostics()
    if let ws = WorkspaceLoader.load(paths, diagnostics: diagnostics) {
        diagnostics.add(contentsOf: Validator.validate(ws))
        if !diagnostics.hasErrors {
            let themes = ws.plan.allThemes.count
            ctx.console.say(
                vi: "Hợp lệ: \(ws.plan.projects.count) đề án, \(themes) nội dung trọng tâm, \(ws.channels.count) kênh, \(ws.units.count) đơn vị, \(ws.items.count) bài, \(ws.observances.count) ngày kỷ niệm.",
                en: "Valid: \(ws.plan.projects.count) projects, \(themes) themes, \(ws.channels.count) channels, \(ws.units.count) units, \(ws.items.count) items, \(ws.observances.count) observances.")
        }
    }
    ctx.console.report(diagnostics.all)
    return diagnostics.hasErrors ? ExitCode.dataError : ExitCode.ok
}
