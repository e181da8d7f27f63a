import LoaCore

/// An option a command accepts, with how its text becomes a value of its type.
struct Option<Value: Sendable>: Sendable {
    let name: String
    /// What to type after the option (`YYYY-MM`, `md|html|csv|json`); nil for a flag.
    let placeholder: String?
    let help: CommandText
    let repeatable: Bool
    let parse: @Sendable (String) throws(Failure) -> Value

    var spec: OptionSpec { OptionSpec(name: name, placeholder: placeholder, help: help, repeatable: repeatable) }
}

extension Option where Value == Bool {
    /// An option that takes no value.
    static func flag(_ name: String, help: CommandText) -> Option<Bool> {
        Option(name: name, placeholder: nil, help: help, repeatable: false) { _ throws(Failure) in true }
    }
}

extension Option where Value == String {
    static func text(_ name: String, _ placeholder: String, help: CommandText,
        repeatable: Bool = false) -> Option<String> {
        Option(name: name, placeholder: placeholder, help: help, repeatable: repeatable) { s throws(Failure) in s.nfc }
    }
}

extension Option where Value == Day {
    static func day(_ name: String, help: CommandText) -> Option<Day> {
        Option(name: name, placeholder: "YYYY-MM-DD", help: help, repeatable: false, parse: Arguments.day)
    }
}

extension Option {
    /// An option whose value is one of an enumeration's cases.
    static func choice(_ name: String, help: CommandText) -> Option<Value>
    where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        let all = Value.allCases.map(\.rawValue)
        return Option(name: name, placeholder: all.joined(separator: "|"), help: help,
            repeatable: false) { s throws(Failure) in
            guard let v = Value(rawValue: s) else {
                throw Failure(.invalidChoice(s, allowed: all, suggestion: closest(to: s, in: all)),
                    exitCode: ExitCode.usage)
            }
            return v
        }
    }
}

/// An option as help and the parser see it, whatever its value's type.
struct OptionSpec: Sendable {
    let name: String
    let placeholder: String?
    let help: CommandText
    let repeatable: Bool
}

/// A positional argument, with how its text becomes a value.
struct Argument<Value: Sendable>: Sendable {
    let name: String
    let parse: @Sendable (String) throws(Failure) -> Value
}

/// Parsers shared by options and arguments; every failure is a usage error (exit 64) naming what was expected.
enum Arguments {
    @Sendable static func day(_ s: String) throws(Failure) -> Day {
        if let d = Day(iso: s) { return d }
        if Day.isOutOfRange(iso: s) { throw Failure(.outOfRange(s), exitCode: ExitCode.usage) }
        throw Failure(.invalidArgument(s, expected: "YYYY-MM-DD"), exitCode: ExitCode.usage)
    }
    @Sendable static func month(_ s: String) throws(Failure) -> Month {
        guard let m = Month(iso: s) else { throw Failure(.invalidMonth(s), exitCode: ExitCode.usage) }
        return m
    }
    @Sendable static func text(_ s: String) throws(Failure) -> String { s.nfc }
    static func id<Tag>(_ s: String) throws(Failure) -> Identifier<Tag> { Identifier(s) }

    static let month = Argument<Month>(name: "YYYY-MM", parse: month)
    static let date = Argument<Day>(name: "YYYY-MM-DD", parse: day)
}

/// What the parser found: positional words and option values, read back through typed options.
struct ParsedArguments: Sendable {
    private(set) var positional: [String] = []
    private var values: [String: [String]] = [:]

    mutating func append(positional word: String) { positional.append(word) }
    mutating func append(option name: String, value: String) { values[name, default: []].append(value) }

    /// The option's value (its last occurrence), parsed; nil when absent.
    func value<T>(_ option: Option<T>) throws(Failure) -> T? {
        guard let text = values[option.name]?.last else { return nil }
        return try option.parse(text)
    }
    /// Every occurrence of a repeatable option, parsed.
    func values<T>(_ option: Option<T>) throws(Failure) -> [T] {
        var out: [T] = []
        for text in values[option.name] ?? [] { out.append(try option.parse(text)) }
        return out
    }
    func has(_ flag: Option<Bool>) -> Bool { values[flag.name] != nil }
    func has(name: String) -> Bool { values[name] != nil }
    func raw(_ name: String) -> String? { values[name]?.last }

    /// The positional argument at `index`, parsed.
    func argument<T>(_ index: Int, _ argument: Argument<T>) throws(Failure) -> T {
        guard index < positional.count else { throw Failure(.missingArgument(argument.name), exitCode: ExitCode.usage) }
        return try argument.parse(positional[index])
    }
}

/// The options every command takes, before or after its name.
enum GlobalOptions {
    static let workspace = Option<String>.text("--workspace", "DIR", help: .optWorkspace)
    static let db = Option<String>.text("--db", "PATH", help: .optDatabase)
    static let today = Option<Day>(name: "--today", placeholder: "YYYY-MM-DD", help: .optToday, repeatable: false,
                                   parse: Arguments.day)
    static let lang = Option<Language>.choice("--lang", help: .optLanguage)
    static let quiet = Option<Bool>.flag("--quiet", help: .optQuiet)
    static let help = Option<Bool>.flag("--help", help: .optHelp)

    static let all: [OptionSpec] = [workspace.spec, db.spec, today.spec, lang.spec, quiet.spec, help.spec]
}
