import Foundation
import LoaCore
import LoaFormats

/// One option a command accepts.
struct OptionSpec: Sendable {
    let name: String
    let value: String?    // placeholder when the option takes a value
    let vi: String
    let en: String
    var repeatable = false
}

/// A command as a value: its name, help, options and the function that runs it.
struct CommandSpec: Sendable {
    let name: String
    let usage: String
    let vi: String
    let en: String
    var options: [OptionSpec] = []
    var minArguments = 0
    var maxArguments = 0
    let run: @Sendable (Context, ParsedArguments) throws -> Int32
}

/// What the parser found on the command line.
struct ParsedArguments: Sendable {
    var positional: [String] = []
    var options: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { options[name]?.last }
    func values(_ name: String) -> [String] { options[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

let globalOptions: [OptionSpec] = [
    OptionSpec(name: "--workspace", value: "DIR", vi: "thư mục không gian làm việc", en: "workspace folder"),
    OptionSpec(name: "--db", value: "PATH", vi: "tệp cơ sở dữ liệu (mặc định WORKSPACE/loa.sqlite)", en: "database file (default WORKSPACE/loa.sqlite)"),
    OptionSpec(name: "--today", value: "YYYY-MM-DD", vi: "ngày hôm nay (để kết quả lặp lại được)", en: "today's date (for reproducible output)"),
    OptionSpec(name: "--lang", value: "vi|en", vi: "ngôn ngữ", en: "language"),
    OptionSpec(name: "--quiet", value: nil, vi: "không in thông báo phụ", en: "print less"),
    OptionSpec(name: "--help", value: nil, vi: "hướng dẫn của lệnh", en: "this command's help"),
]

/// Parses `argv` against the command table: global options anywhere, unknown flags with a suggestion.
func parse(_ args: [String], for command: CommandSpec) throws(Failure) -> ParsedArguments {
    var parsed = ParsedArguments()
    let specs = command.options + globalOptions
    var i = 0
    var onlyPositional = false
    while i < args.count {
        let a = args[i]
        i += 1
        if onlyPositional || !a.hasPrefix("-") || a == "-" {
            parsed.positional.append(a)
            continue
        }
        if a == "--" { onlyPositional = true; continue }
        var name = a
        var inline: String?
        if let eq = a.firstIndex(of: "=") { name = String(a[..<eq]); inline = String(a[a.index(after: eq)...]) }
        if name == "-h" { name = "--help" }
        guard let spec = specs.first(where: { $0.name == name }) else {
            throw Failure(.unknownOption(name, suggestion: closest(to: name, in: specs.map(\.name))), exitCode: ExitCode.usage)
        }
        if spec.value != nil {
            let v: String
            if let inline { v = inline } else {
                guard i < args.count else { throw Failure(.optionNeedsValue(name), exitCode: ExitCode.usage) }
                v = args[i]
                i += 1
            }
            parsed.options[name, default: []].append(v)
        } else {
            parsed.flags.insert(name)
        }
    }
    if parsed.has("--help") { return parsed }
    if parsed.positional.count < command.minArguments {
        throw Failure(.missingArgument(command.usage), exitCode: ExitCode.usage)
    }
    if parsed.positional.count > command.maxArguments {
        throw Failure(.tooManyArguments(parsed.positional[command.maxArguments]), exitCode: ExitCode.usage)
    }
    return parsed
}

func helpText(for c: CommandSpec, _ lang: Language) -> String {
    var s = "\(lang == .vi ? "Cách dùng" : "Usage"): loa \(c.usage)\n\n\(lang == .vi ? c.vi : c.en)\n"
    func section(_ title: String, _ opts: [OptionSpec]) {
        guard !opts.isEmpty else { return }
        s += "\n\(title):\n"
        for o in opts {
            let left = o.value.map { "\(o.name) \($0)" } ?? o.name
            s += "  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + (lang == .vi ? o.vi : o.en) + "\n"
        }
    }
    section(lang == .vi ? "Tùy chọn" : "Options", c.options)
    section(lang == .vi ? "Tùy chọn chung" : "Global options", globalOptions)
    return s
}

func overviewHelp(_ lang: Language) -> String {
    var s = lang == .vi
        ? "Loa — lập kế hoạch, lịch đăng và theo dõi công tác tuyên truyền của công đoàn.\n\nCách dùng: loa LỆNH [tham số] [tùy chọn]\n\nCác lệnh:\n"
        : "Loa — plans, schedules and tracks a trade union's communication campaign.\n\nUsage: loa COMMAND [arguments] [options]\n\nCommands:\n"
    for c in commandTable {
        s += "  " + c.usage.padding(toLength: max(36, c.usage.count + 2), withPad: " ", startingAt: 0) + (lang == .vi ? c.vi : c.en).prefix { $0 != "\n" } + "\n"
    }
    s += lang == .vi ? "\nXem chi tiết: loa help LỆNH hoặc loa LỆNH --help.\n" : "\nMore: loa help COMMAND or loa COMMAND --help.\n"
    return s
}

public let loaVersion = "0.1.0"

/// Runs one invocation of `loa`; returns the process exit code.
public func runLoa(_ argv: [String], environment: [String: String]) -> Int32 {
    var lang: Language = environment["LOA_LANG"] == "en" ? .en : .vi
    if let i = argv.firstIndex(of: "--lang"), i + 1 < argv.count { lang = argv[i + 1] == "en" ? .en : .vi }
    if let a = argv.first(where: { $0.hasPrefix("--lang=") }) { lang = a.hasSuffix("=en") ? .en : .vi }
    let console = Console(language: lang, quiet: argv.contains("--quiet"))
    do {
        // global options may stand before the command: pull them out, keep them for the command's parser
        var leading: [String] = []
        var rest = argv
        while let a = rest.first, a.hasPrefix("-"), a != "--version", a != "-V", a != "--help", a != "-h" {
            let name = String(a.split(separator: "=", maxSplits: 1)[0])
            guard let spec = globalOptions.first(where: { $0.name == name }) else { break }
            leading.append(rest.removeFirst())
            if spec.value != nil, !a.contains("="), !rest.isEmpty { leading.append(rest.removeFirst()) }
        }
        guard let first = rest.first else {
            console.out(overviewHelp(lang))
            return ExitCode.usage
        }
        if first == "--version" || first == "-V" { console.out("loa \(loaVersion)\n"); return ExitCode.ok }
        if first == "--help" || first == "-h" { console.out(overviewHelp(lang)); return ExitCode.ok }
        var name = first
        rest = leading + Array(rest.dropFirst())
        // two-word commands: "new item", "report month", "alerts resolve"
        if let second = rest.dropFirst(leading.count).first, commandTable.contains(where: { $0.name == "\(first) \(second)" }) {
            name = "\(first) \(second)"
            rest.remove(at: leading.count)
        }
        guard let command = commandTable.first(where: { $0.name == name }) else {
            let names = Set(commandTable.map { String($0.name.split(separator: " ")[0]) })
            throw Failure(.unknownCommand(first, suggestion: closest(to: first, in: names.sorted())), exitCode: ExitCode.usage)
        }
        let args = try parse(rest, for: command)
        if args.has("--help") { console.out(helpText(for: command, lang)); return ExitCode.ok }
        let context = try Context(arguments: args, environment: environment, console: console)
        return try command.run(context, args)
    } catch let failure as Failure {
        console.report(failure.diagnostics)
        return failure.exitCode
    } catch {
        console.err("loa: error: \(error)\n")
        return ExitCode.software
    }
}
