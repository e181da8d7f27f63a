import Foundation
import LoaCore

/// Reads report forms (`.md` with `form: loa-report/1` front matter) and activity tables (`.csv`).
public enum FormReader {
    public static let formVersion = "loa-report/1"

    /// Reads a form; `checking` also checks the references of records that cannot be read whole (and of a form
    /// without unit or period), so every error of a file is reported at once.
    public static func form(_ file: TextFile, diagnostics d: Diagnostics,
        checking: ReportValidator? = nil) -> ReportForm? {
        guard let (node, body, _) = FrontMatter.parse(file, firstKey: "form", diagnostics: d) else { return nil }
        let r = MappingReader(node, name: "form", into: d)
        defer { r.finish() }
        if let v = r.string("form", required: true), v.value != formVersion {
            d.add(.error(.invalidChoice(v.value, allowed: [formVersion], suggestion: nil), at: v.location))
        }
        let unit = r.string("unit", required: true).map { Located(UnitCode($0.value), at: $0.location) }
        var period: Located<Month>?
        if let p = r.string("period", required: true) {
            if let m = Month(iso: p.value) { period = Located(m, at: p.location) }
                else { d.add(.error(.invalidMonth(p.value), at: p.location)) }
        }
        let submitted = r.day("submitted")
        let reporter = r.string("reporter")
        let received = (r.list("received") ?? []).compactMap { text -> Located<Slot>? in
            guard let slot = Slot(issue: text.value) else {
                d.add(.error(.malformedIssueRef(text.value), at: text.location))
                return nil
            }
            return Located(slot, at: text.location)
        }
        // activities are read even without a unit, so their errors show in the same round
        let placeholder = unit ?? Located(UnitCode(""), at: r.location)
        let activities: [Activity] = r.records("activities") { a in activity(a, unit: placeholder, d, checking) }
        let noActivity = r.locatedBool("no_activity")
        let noActivityReason = r.string("no_activity_reason")
        if noActivity?.value == true, !activities.isEmpty, let at = noActivity?.location {
            d.add(.error(.noActivityButActivities, at: at))
        }
        var mood: Mood?
        var summary: String?
        var issues: [FeedbackIssue] = []
        if let f = r.mapping("feedback") {
            mood = f.choice("mood", Mood.self)
            summary = f.string("summary")?.value
            issues = f.records("issues") { i in
                guard let topic = i.string("topic", required: true) else { return nil }
                return FeedbackIssue(topic: topic.value, detail: i.string("detail")?.value,
                    sensitive: i.bool("sensitive") ?? false)
            }
            f.finish()
        }
        guard let unit, let period else {
            for a in activities { d.add(contentsOf: checking?.checkReferences(themes: a.themes, items: a.items) ?? []) }
            return nil
        }
        var form = ReportForm(path: file.path, unit: unit, period: period, submitted: submitted,
                              reporter: reporter?.value, received: received, activities: activities, mood: mood,
                              feedbackSummary: summary, issues: issues, notes: trimmed(body),
                              content: file.joinedLines(file.lines.indices))
        form.noActivity = noActivity?.value ?? false
        form.noActivityReason = noActivityReason?.value
        return form
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, scalar by scalar from each end: ASCII told at once,
    /// other scalars by the same character set.
    static func trimmed(_ text: String) -> String {
        let set = CharacterSet.whitespacesAndNewlines
        func white(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x80 ? u == " " || (0x09...0x0D).contains(u.value) : set.contains(u)
        }
        let u = text.unicodeScalars
        var a = u.startIndex, b = u.endIndex
        while a < b, white(u[a]) { a = u.index(after: a) }
        while b > a, white(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(u[a..<b])
    }

    static func activity(_ a: MappingReader, unit: Located<UnitCode>, _ d: Diagnostics,
        _ checking: ReportValidator?) -> Activity? {
        let date = a.day("date", required: true)
        let type = a.choice("type", ActivityType.self, required: true)
        let title = a.string("title", required: true)
        let themes = a.themeRefs("themes") ?? []
        let items = a.references("items", as: ItemID.self) ?? []
        var participants: Located<Int>?
        if let p = a.string("participants", required: true) {
            if let n = Int(p.value), n >= 0 { participants = Located(n, at: p.location) }
                else { d.add(.error(.invalidInteger(p.value), at: p.location)) }
        }
        guard let date, let type, let title, let participants else {
            d.add(contentsOf: checking?.checkReferences(themes: themes, items: items) ?? [])
            return nil
        }
        return Activity(unit: unit, date: date, type: type, title: title.value, themes: themes,
            participants: participants, items: items)
    }

    public static let tableColumns = ["unit", "date", "type", "title", "themes", "participants", "items"]

    /// Reads an activity table row by row, calling `row` for each well-formed activity; problems are collected.
    /// The file is read in chunks, so a table of a million rows needs little memory. A `spreadsheet` (a unit's web
    /// upload) may also write dates as dd/mm/yyyy and types by their names.
    public static func activities(source: ByteChunks, path: String, diagnostics d: Diagnostics,
                                  checking: ReportValidator? = nil, spreadsheet: Bool = false,
                                  _ row: (Activity) throws -> Void) rethrows {
        var table: CSVTable
        do throws(Failure) {
            table = try CSVTable(reader: CSVReader(source: source, path: path), path: path,
                                 required: ["unit", "date", "type", "title", "participants"], known: tableColumns)
        } catch {
            d.add(contentsOf: error.diagnostics)
            return
        }
        let types = ActivityType.allCases.map(\.rawValue)
        let col = Dictionary(uniqueKeysWithValues: tableColumns.map { ($0, table.columns[$0]) })
        // columns resolved once, and themes parsed once each: a large table repeats the same few
        let unitColumn = col["unit"] ?? nil, dateColumn = col["date"] ?? nil, typeColumn = col["type"] ?? nil,
            titleColumn = col["title"] ?? nil, participantsColumn = col["participants"] ?? nil,
            themesColumn = col["themes"] ?? nil, itemsColumn = col["items"] ?? nil
        var knownThemes: [String: ThemeRef] = [:]
        while true {
            let r: CSVRow
            do throws(Failure) { guard let next = try table.next() else { return }; r = next } catch {
                d.add(contentsOf: error.diagnostics)
                return
            }
            func req(_ c: String, _ n: Int?) -> (String, Int?)? {
                guard let t = r.text(at: n) else { d.add(.error(.emptyValue(c), at: r.location(at: n))); return nil }
                return (t, n)
            }
            let unit = req("unit", unitColumn), dateText = req("date", dateColumn), typeText = req("type", typeColumn),
                title = req("title", titleColumn), pText = req("participants", participantsColumn)
            var date: Day?
            if let (t, n) = dateText {
                date = spreadsheet ? Day(spreadsheet: t) : Day(iso: t)
                if date == nil { d.add(.error(.badDate(t), at: r.location(at: n))) }
            }
            var type: ActivityType?
            if let (t, n) = typeText {
                type = ActivityType(rawValue: t) ?? (spreadsheet ? ActivityType(named: t) : nil)
                if type == nil { d.add(.error(.invalidChoice(t, allowed: types, suggestion: closest(to: t, in: types)),
                    at: r.location(at: n))) }
            }
            var participants: Int?
            if let (t, n) = pText { participants = Int(t).flatMap { $0 >= 0
                ? $0 : nil }; if participants == nil { d.add(.error(.invalidInteger(t), at: r.location(at: n))) } }
            func list(_ n: Int?) -> [Located<String>] {
                guard let t = r.text(at: n) else { return [] }
                let loc = r.location(at: n)
                return t.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map { Located(String($0),
                    at: loc) }
            }
            let themes = list(themesColumn).compactMap { t -> Located<ThemeRef>? in
                if let ref = knownThemes[t.value] { return Located(ref, at: t.location) }
                guard let ref = ThemeRef(parsing: t.value) else {
                    d.add(.error(.malformedThemeRef(t.value), at: t.location))
                    return nil
                }
                if knownThemes.count < 4096 { knownThemes[t.value] = ref }
                return Located(ref, at: t.location)
            }
            let items = list(itemsColumn).map { Located(ItemID($0.value), at: $0.location) }
            guard let unit, let dateText, let date, let type, let title, let pText, let participants else {
                // a row that cannot be read whole still has its unit, themes and items checked
                if let checking {
                    if let unit { d.add(contentsOf: checking.checkUnit(Located(UnitCode(unit.0),
                        at: r.location(at: unit.1)))) }
                    d.add(contentsOf: checking.checkReferences(themes: themes, items: items))
                }
                continue
            }
            try row(Activity(unit: Located(UnitCode(unit.0), at: r.location(at: unit.1)),
                             date: Located(date, at: r.location(at: dateText.1)), type: type, title: title.0,
                                 themes: themes,
                             participants: Located(participants, at: r.location(at: pText.1)), items: items))
        }
    }
}
