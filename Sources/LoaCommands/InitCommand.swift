import Foundation
import LoaCore
import LoaFormats

let initCommand = CommandSpec(
    name: "init", usage: "init DIR",
    vi: "Tạo không gian làm việc mới từ kế hoạch mẫu đi kèm (content/, calendars/, reports/).",
    en: "Create a new workspace from the shipped plan (content/, calendars/, reports/).",
    minArguments: 1, maxArguments: 1
) { ctx, args in
    let target = Context.absolute(args.positional[0])
    let fm = FileManager.default
    if let existing = try? fm.contentsOfDirectory(atPath: target), !existing.isEmpty {
        throw Failure(.workspaceExists(target), exitCode: ExitCode.usage)
    }
    let source = try ctx.shippedWorkspace()
    try copyWorkspace(from: source, to: target)
    ctx.console.say(vi: "Đã tạo không gian làm việc tại \(target)", en: "Created a workspace at \(target)")
    return ExitCode.ok
}

/// Copies the authored parts of a workspace (never its database or outputs).
func copyWorkspace(from source: String, to target: String) throws(Failure) {
    let fm = FileManager.default
    do {
        try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        for part in ["content", "calendars", "reports"] where fm.fileExists(atPath: source + "/" + part) {
            if fm.fileExists(atPath: target + "/" + part) { try fm.removeItem(atPath: target + "/" + part) }
            try fm.copyItem(atPath: source + "/" + part, toPath: target + "/" + part)
        }
        // the month calendars belong to the source's own planning; a new workspace starts with observances only
        for f in (try? fm.contentsOfDirectory(atPath: target + "/calendars")) ?? [] where f != "observances.ics" {
            try fm.removeItem(atPath: target + "/calendars/" + f)
        }
        try fm.createDirectory(atPath: target + "/reports/inbox", withIntermediateDirectories: true)
    } catch {
        throw Failure(.fileUnwritable(target, reason: error.localizedDescription), exitCode: ExitCode.ioError)
    }
}
