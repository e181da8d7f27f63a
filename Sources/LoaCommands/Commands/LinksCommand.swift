import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWeb
import LoaWorkflows

/// `loa links`: each unit's secret link, as CSV or a printable sheet with a QR code per unit; `--rotate` replaces
/// a unit's link (or every link), which revokes the old one at once.
struct LinksCommand: Command {
    enum Format: String, CaseIterable, Sendable { case csv, html }
    static let path = ["links"]
    static let usage = ""
    static let summary = CommandText.linksSummary
    static let details: CommandText? = .linksDetails
    static let baseURL = Option<String>.text("--base-url", "URL", help: .optBaseURL)
    /// `--rotate UNIT` replaces one unit's link, `--rotate --all` every link (SPEC §9.2).
    static let rotate = Option<String>.text("--rotate", "UNIT|--all", help: .optRotate)
    static let format = Option<Format>.choice("--format", help: .optLinksFormat)
    static let options = [baseURL.spec, rotate.spec, format.spec]
    let base: String
    let rotating: UnitCode?
    let rotatingAll: Bool
    let output: Format

    init(parsing args: ParsedArguments) throws(Failure) {
        base = try args.value(Self.baseURL) ?? "http://127.0.0.1:8080"
        let rotate = try args.value(Self.rotate)
        rotatingAll = rotate == "--all"
        rotating = rotatingAll ? nil : rotate.map { UnitCode($0) }
        output = try args.value(Self.format) ?? .csv
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        // the first `loa links` of a workspace makes its key (and says so); later ones print with it
        let key = try WebKeys.key(s, ctx, create: true)
        // units that exist today or will later; a unit that has left gets no link
        let units = ws.units.filter { $0.left.map { $0 >= s.today } ?? true }
        if let rotating, !units.contains(where: { $0.code.value == rotating }) {
            throw Failure(.unknown(rotating, among: units.map(\.code.value)), exitCode: ExitCode.usage)
        }
        let versions = try Administration.rotateLinks(
            of: units.filter { rotatingAll || $0.code.value == rotating }.map(\.code.value), session: s)
        if rotatingAll || rotating != nil { ctx.console.info(CommandText.linksRotated(rotatingAll ? units.count : 1)) }
        let sorted = VietnameseOrder.sorted(units) { $0.name }
        let links = sorted.map { u in
            (unit: u, url: UnitLink.url(key: key, unit: u.code.value, version: versions[u.code.value] ?? 1,
                                          base: base))
        }
        switch output {
        case .csv:
            ctx.console.out(CSVWriter.document([["code", "name", "url"]]
                + links.map { [$0.unit.code.value.rawValue, $0.unit.name, $0.url] }))
        case .html:
            ctx.console.out(try LinkSheet.html(links, plan: ws.plan, today: s.today, language: ctx.language))
        }
        return ExitCode.ok
    }
}
