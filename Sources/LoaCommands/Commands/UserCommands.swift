import Foundation
import LoaCore
import LoaStore
import LoaWeb
import LoaWorkflows

/// `loa user add NAME --role officer|leader [--sensitive] [--admin] [--approve]`.
struct UserAddCommand: Command {
    static let path = ["user", "add"]
    static let usage = "NAME --role officer|leader"
    static let summary = CommandText.userAddSummary
    static let details: CommandText? = .passwordDetails
    static let role = Option<Role>.choice("--role", help: .optRole)
    static let sensitive = Option<Bool>.flag("--sensitive", help: .optSensitive)
    static let admin = Option<Bool>.flag("--admin", help: .optAdmin)
    static let approve = Option<Bool>.flag("--approve", help: .optApprove)
    static let options = [role.spec, sensitive.spec, admin.spec, approve.spec]
    static let arity = 1...1
    let name: String
    let userRole: Role
    let seesSensitive: Bool
    let isAdmin: Bool
    let approves: Bool

    init(parsing args: ParsedArguments) throws(Failure) {
        name = try UserNames.check(args.positional[0])
        guard let r = try args.value(Self.role)
            else { throw Failure(.missingArgument("--role officer|leader"), exitCode: ExitCode.usage) }
        userRole = r
        seesSensitive = args.has(Self.sensitive)
        isAdmin = args.has(Self.admin)
        approves = args.has(Self.approve)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let s = try ctx.session()
        if try Administration.user(named: name, session: s) != nil {
            throw Failure(.userExists(name), exitCode: ExitCode.usage)
        }
        let hash = try Passwords.read(ctx)
        let profile = Administration.Profile(role: userRole, sensitive: seesSensitive, admin: isAdmin,
                                             approve: approves)
        try Administration.addUser(name, profile, passwordHash: hash, session: s)
        ctx.console.say(CommandText.userAdded(name))
        return ExitCode.ok
    }
}

/// `loa user remove NAME`.
struct UserRemoveCommand: Command {
    static let path = ["user", "remove"]
    static let usage = "NAME"
    static let summary = CommandText.userRemoveSummary
    static let arity = 1...1
    let name: String

    init(parsing args: ParsedArguments) throws(Failure) { name = args.positional[0] }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        try Administration.removeUser(name, session: try ctx.session())
        ctx.console.say(CommandText.userRemoved(name))
        return ExitCode.ok
    }
}

/// `loa user passwd NAME`: a new password; the user's open sessions end.
struct UserPasswdCommand: Command {
    static let path = ["user", "passwd"]
    static let usage = "NAME"
    static let summary = CommandText.userPasswdSummary
    static let details: CommandText? = .passwordDetails
    static let arity = 1...1
    let name: String

    init(parsing args: ParsedArguments) throws(Failure) { name = args.positional[0] }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let s = try ctx.session()
        guard try Administration.user(named: name, session: s) != nil else {
            throw Failure(.noSuchUser(name), exitCode: ExitCode.dataError)
        }
        try Administration.setPassword(of: name, passwordHash: try Passwords.read(ctx), session: s)
        ctx.console.say(CommandText.passwordChanged(name))
        return ExitCode.ok
    }
}

enum UserNames {
    /// A user name: 1–64 characters, no spaces or control characters.
    static func check(_ raw: String) throws(Failure) -> String {
        let name = raw.nfc
        guard !name.isEmpty, name.count <= 64,
            !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { throw Failure(.invalidArgument(raw, expected: "NAME"), exitCode: ExitCode.usage) }
        return name
    }
}

/// Reads a new password from the terminal (twice, not echoed) or from the first line of stdin, checks it
/// (`PasswordPolicy`), and hashes it.
enum Passwords {
    static func read(_ ctx: Context) throws(Failure) -> String {
        let password: String
        if isatty(0) == 1 {
            let first = prompt(ctx.t(CommandText.passwordPrompt))
            let again = prompt(ctx.t(CommandText.passwordAgain))
            guard first == again else { throw Failure(.passwordsDiffer, exitCode: ExitCode.dataError) }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        try Administration.check(password: password)
        do { return try PasswordHash.hash(password) } catch {
            throw Failure(.verbatim("\(error)"), exitCode: ExitCode.software)
        }
    }

    /// A line read with the terminal's echo off.
    static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data((text + ": ").utf8))
        var old = termios()
        tcgetattr(0, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer {
            tcsetattr(0, TCSANOW, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
