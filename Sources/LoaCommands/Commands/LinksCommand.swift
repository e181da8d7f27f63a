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
        let store = try s.openStore()
        let versions = try s.guarded {
            try store.write { w -> [UnitCode: Int] in
                for u in units where rotatingAll || u.code.value == rotating {
                    _ = try w.rotateLink(unit: u.code.value, today: s.today, actor: s.actor)
                }
                return try w.reader.linkVersions()
            }
        }
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

/// A printable A4 sheet: one card per unit with its name, a QR code and the link.
enum LinkSheet {
    static func html(_ links: [(unit: UnionUnit, url: String)], plan: Plan, today: Day,
        language: Language) throws(Failure) -> String {
        let t = Localizer(language)
        var cards: [HTML] = []
        for l in links {
            let svg: String
            do { svg = try QRCode.svg(for: l.url, moduleSize: 4, label: l.unit.name) } catch {
                throw Failure(.verbatim("\(l.unit.code.value): \(error)"), exitCode: ExitCode.software)
            }
            cards.append(.el("section", [("class", "card")], [
                .el("h2", text: l.unit.name), .el("div", [("class", "qr")], [.trusted(svg)]),
                .el("p", [("class", "url")], text: l.url),
                    .el("p", [("class", "hint")], text: t(CommandText.linkCardHint)),
            ]))
        }
        let style = """
        @page { size: A4; margin: 12mm; }
        body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; }
        h1 { font-size: 14pt; margin: 0 0 4mm; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
        .card { border: 1px dashed #777; padding: 4mm; break-inside: avoid; page-break-inside: avoid; }
        .card h2 { font-size: 12pt; margin: 0 0 2mm; }
        .qr svg { width: 42mm; height: 42mm; }
        .url { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; word-break: break-all; margin: 2mm 0; }
        .hint { font-size: 8.5pt; color: #333; margin: 0; }
        """
        return HTMLRenderer.page(title: t(CommandText.linkSheetTitle), language: language, style: style, body: [
            .el("h1", text: "\(plan.issuer) — \(t(CommandText.linkSheetTitle)) (\(t.date(today)))"),
            .el("div", [("class", "grid")], cards),
        ])
    }
}
