import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// Writes results to stdout and diagnostics to stderr.
final class Console: Sendable {
    let language: Language
    let quiet: Bool
    init(language: Language, quiet: Bool) { self.language = language; self.quiet = quiet }

    func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    func out(bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    func err(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
    /// A line for the user; `--quiet` keeps it.
    func say(_ entry: some Localizable) { out(entry.text(language) + "\n") }
    /// A progress or status line that `--quiet` silences.
    func info(_ entry: some Localizable) { if !quiet { err(entry.text(language) + "\n") } }
    func report(_ ds: [Diagnostic]) {
        guard !ds.isEmpty else { return }
        err(sortedDiagnostics(ds).map { $0.rendered(language) }.joined(separator: "\n") + "\n")
    }
}

/// What every command gets: the console, today, the language, and where to find the workspace and database.
struct Context: Sendable {
    let console: Console
    let today: Day
    /// The day given with `--today` or `LOA_TODAY`, if any (the web server then uses it for every request).
    let fixedToday: Day?
    let workspaceOption: String?
    let databaseOption: String?
    let environment: [String: String]
    let currentDirectory: String
    var language: Language { console.language }
    var t: Localizer { Localizer(language) }

    init(arguments: ParsedArguments, environment: [String: String], console: Console) throws(Failure) {
        self.console = console
        self.environment = environment
        currentDirectory = FileManager.default.currentDirectoryPath
        if let d = try arguments.value(GlobalOptions.today) {
            fixedToday = d
        } else if let t = environment["LOA_TODAY"] {
            fixedToday = try Arguments.day(t)
        } else {
            fixedToday = nil
        }
        today = fixedToday ?? todayInHanoi()
        workspaceOption = try arguments.value(GlobalOptions.workspace) ?? environment["LOA_WORKSPACE"]
        databaseOption = try arguments.value(GlobalOptions.db)
    }

    /// The person at the command line, as the audit history names them.
    var actor: Actor { .commandLine(user: environment["LOA_USER"] ?? environment["USER"] ?? "?") }

    func absolute(_ path: String) -> String { absolutePath(path, relativeTo: currentDirectory) }

    /// The workspace: `--workspace`, `LOA_WORKSPACE`, or the nearest ancestor holding content/plan.yml.
    func workspacePaths() throws(Failure) -> WorkspacePaths {
        let fm = FileManager.default
        if let w = workspaceOption {
            let abs = absolute(w)
            guard fm.fileExists(atPath: abs + "/content/plan.yml") else {
                throw Failure(.fileMissing(abs + "/content/plan.yml"), exitCode: ExitCode.noInput)
            }
            return WorkspacePaths(root: abs)
        }
        var dir = currentDirectory
        while true {
            if fm.fileExists(atPath: dir + "/content/plan.yml") { return WorkspacePaths(root: dir) }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        throw Failure(.workspaceNotFound, exitCode: ExitCode.noInput)
    }

    /// The session a use case runs in.
    func session() throws(Failure) -> Session {
        Session(paths: try workspacePaths(), databasePath: databaseOption.map(absolute), today: today,
            language: language,
                actor: actor)
    }

    /// The session and the loaded, valid workspace; warnings are printed.
    func load(bodies: Bool = true) throws(Failure) -> (Session, Workspace) {
        let s = try session()
        let (ws, warnings) = try s.loadWorkspace(bodies: bodies)
        console.report(warnings)
        return (s, ws)
    }

    /// The shipped workspace: `LOA_HOME`, or the repository the binary was built in.
    func shippedWorkspace() throws(Failure) -> String {
        if let home = environment["LOA_HOME"],
            FileManager.default.fileExists(atPath: home + "/content/plan.yml") { return home }
        var dir = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        if let exe = Bundle.main.executablePath { dir = (exe as NSString).deletingLastPathComponent }
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir + "/content/plan.yml") { return dir }
            dir = (dir as NSString).deletingLastPathComponent
        }
        throw Failure(.shippedWorkspaceNotFound, exitCode: ExitCode.noInput)
    }

    /// A path as the user should read it: relative to the workspace when inside it.
    func shown(_ path: String, _ s: Session) -> String { s.paths.relative(path) }
}

public let loaVersion = "0.2.0"

/// Runs one invocation of `loa`; returns the process exit code.
public func runLoa(_ argv: [String], environment: [String: String]) -> Int32 {
    var lang: Language = environment["LOA_LANG"] == "en" ? .en : .vi
    if let i = argv.firstIndex(of: "--lang"), i + 1 < argv.count, let l = Language(rawValue: argv[i + 1]) { lang = l }
    if let a = argv.first(where: { $0.hasPrefix("--lang=") }),
        let l = Language(rawValue: String(a.dropFirst(7))) { lang = l }
    let console = Console(language: lang, quiet: argv.contains("--quiet"))
    let t = Localizer(lang)
    do throws(Failure) {
        // global options may stand before the command: pull them out, keep them for the command's parser
        var leading: [String] = []
        var rest = argv
        while let a = rest.first, a.hasPrefix("-"), !["--version", "-V", "--help", "-h"].contains(a) {
            let name = String(a.split(separator: "=", maxSplits: 1).first ?? "")
            guard let spec = GlobalOptions.all.first(where: { $0.name == name }) else { break }
            leading.append(rest.removeFirst())
            if spec.placeholder != nil, !a.contains("="), !rest.isEmpty { leading.append(rest.removeFirst()) }
        }
        guard let first = rest.first else {
            console.out(Help.overview(t))
            return ExitCode.usage
        }
        if first == "--version" || first == "-V" { console.out("loa \(loaVersion)\n"); return ExitCode.ok }
        if first == "--help" || first == "-h" { console.out(Help.overview(t)); return ExitCode.ok }
        switch try CommandResolver.resolve(rest) {
        case .groupHelp(let g, let asked):
            console.out(Help.group(g, t))
            return asked ? ExitCode.ok : ExitCode.usage
        case .command(let command, let words):
            let args = try CommandResolver.parse(leading + words, for: command)
            if args.has(GlobalOptions.help) { console.out(Help.command(command, t)); return ExitCode.ok }
            _ = try args.value(GlobalOptions.lang)  // an unknown language is a usage error
            let context = try Context(arguments: args, environment: environment, console: console)
            return try command.init(parsing: args).run(in: context)
        }
    } catch {
        console.report(error.diagnostics)
        return error.exitCode
    }
}
