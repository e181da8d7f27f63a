import LoaCore

/// The help texts: the overview (`loa help`), a group's (`loa help report`) and a command's
/// (`loa help report month`, `loa report month --help` — the same text).
enum Help {
    static let width = 100

    static func overview(_ t: Localizer) -> String {
        var s = t(CommandText.overviewIntro) + "\n\n" + t(CommandText.overviewUsage) + "\n\n" + t(CommandText.commands)
            + ":\n"
        for entry in commandTable {
            switch entry {
            case .command(let c): s += line(c.fullUsage, t(c.summary))
            case .group(let g):
                if let standalone = g.standalone { s += line(standalone.fullUsage, t(standalone.summary)) }
                for c in g.children { s += line(c.fullUsage, t(c.summary)) }
            }
        }
        return s + "\n" + t(CommandText.moreHelp) + "\n"
    }

    static func group(_ g: CommandGroup, _ t: Localizer) -> String {
        var s = "\(t(CommandText.usage)): loa \(g.name) <\(g.childNames.joined(separator: "|"))> …\n\n" + t(g.summary)
            + "\n\n"
        s += t(CommandText.subcommands) + ":\n"
        if let standalone = g.standalone { s += line(standalone.fullUsage, t(standalone.summary)) }
        for c in g.children { s += line(c.fullUsage, t(c.summary)) }
        return s + "\n" + t(CommandText.moreHelpGroup(g.name)) + "\n"
    }

    static func command(_ c: any Command.Type, _ t: Localizer) -> String {
        var s = "\(t(CommandText.usage)): loa \(c.fullUsage)\n\n" + wrap(t(c.summary), indent: 0) + "\n"
        if let d = c.details { s += "\n" + wrap(t(d), indent: 0) + "\n" }
        s += options(t(CommandText.options), c.options, t)
        s += options(t(CommandText.globalOptions), GlobalOptions.all, t)
        return s
    }

    static func options(_ title: String, _ specs: [OptionSpec], _ t: Localizer) -> String {
        guard !specs.isEmpty else { return "" }
        var s = "\n\(title):\n"
        for o in specs {
            let left = o.placeholder.map { "\(o.name) \($0)" } ?? o.name
            s += line(left + (o.repeatable ? " …" : ""), t(o.help), column: 26)
        }
        return s
    }

    /// "  left   text", the text wrapped on word boundaries; a long left part puts the text on the next line.
    static func line(_ left: String, _ text: String, column: Int = 38) -> String {
        let head = "  " + left
        if head.count + 2 > column {
            return head + "\n" + wrap(text, indent: column) + "\n"
        }
        let padded = head + String(repeating: " ", count: column - head.count)
        return padded + String(wrap(text, indent: column).dropFirst(column)) + "\n"
    }

    /// Text wrapped at `width` columns, every line indented by `indent`; paragraphs stay apart.
    static func wrap(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var current = ""
            for word in paragraph.split(separator: " ") {
                if !current.isEmpty, indent + current.count + 1 + word.count > width {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += (current.isEmpty ? "" : " ") + word
                }
            }
            lines.append(current)
            return lines.map { pad + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

struct HelpCommand: Command {
    static let path = ["help"]
    static let usage = "[COMMAND [SUBCOMMAND]]"
    static let summary = CommandText.helpSummary
    static let arity = 0...2
    let words: [String]

    init(parsing args: ParsedArguments) throws(Failure) { words = args.positional }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        guard !words.isEmpty else { ctx.console.out(Help.overview(ctx.t)); return ExitCode.ok }
        switch try CommandResolver.resolve(words + (words.count == 1 ? ["--help"] : [])) {
        case .command(let c, _): ctx.console.out(Help.command(c, ctx.t))
        case .groupHelp(let g, _): ctx.console.out(Help.group(g, ctx.t))
        }
        return ExitCode.ok
    }
}
