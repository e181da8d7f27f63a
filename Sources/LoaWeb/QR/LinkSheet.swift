import LoaCore
import LoaFormats

/// A printable A4 sheet: one card per unit with its name, a QR code and the link.
public enum LinkSheet {
    public static func html(_ links: [(unit: UnionUnit, url: String)], plan: Plan, today: Day,
        language: Language) throws(Failure) -> String {
        let t = Localizer(language)
        var cards: [HTML] = []
        for l in links {
            do { cards.append(try card(unit: l.unit, url: l.url, t: t)) } catch {
                throw Failure(.verbatim("\(l.unit.code.value): \(error)"), exitCode: ExitCode.software)
            }
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

    /// One unit's card: its name, the QR code of its link, the link, and how to use it. The web's administration
    /// page shows the same card after a link is replaced (`.card` and `.qr` are styled by the site's sheet too).
    public static func card(unit: UnionUnit, url: String, t: Localizer) throws -> HTML {
        let svg = try QRCode.svg(for: url, moduleSize: 4, label: unit.name)
        return .el("section", [("class", "card linkcard")], [
            .el("h2", text: unit.name), .el("div", [("class", "qr")], [.trusted(svg)]),
            .el("p", [("class", "url")], text: url),
            .el("p", [("class", "hint")], text: t(CommandText.linkCardHint)),
        ])
    }
}
