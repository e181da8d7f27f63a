import Foundation
import LoaCore

/// The paths of a workspace's files (SPEC §2).
public struct WorkspacePaths: Sendable {
    public let root: String
    public init(root: String) { self.root = root }
    public var plan: String { root + "/content/plan.yml" }
    public var channels: String { root + "/content/channels.yml" }
    public var units: String { root + "/content/units.csv" }
    public var items: String { root + "/content/items" }
    public var observances: String { root + "/calendars/observances.ics" }
    public func calendar(_ m: Month) -> String { root + "/calendars/\(m.iso).ics" }
    public var out: String { root + "/out" }
    public var defaultDatabase: String { root + "/loa.sqlite" }

    /// Shows a path relative to the workspace root, as users see it in messages.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// Reads every authored file of a workspace into values, collecting every problem rather than stopping at the first.
public enum WorkspaceLoader {
    public static func load(_ paths: WorkspacePaths, diagnostics: Diagnostics) -> Workspace? {
        let plan = loadYAML(paths.plan, paths: paths, diagnostics: diagnostics).flatMap { PlanReader.plan($0, diagnostics) }
        let channels = loadYAML(paths.channels, paths: paths, diagnostics: diagnostics).map { ChannelReader.channels($0, diagnostics) } ?? []
        var units: [UnionUnit] = []
        do throws(Failure) {
            units = try UnitReader.units(bytes: try TextFile.readBytes(paths.units), path: paths.relative(paths.units))
        } catch { diagnostics.add(contentsOf: error.diagnostics) }
        var items: [Item] = []
        for file in listFiles(paths.items, extension: "md") {
            do throws(Failure) {
                let text = try TextFile.decode(try TextFile.readBytes(file), path: paths.relative(file))
                if let item = ItemReader.item(text, diagnostics: diagnostics) { items.append(item) }
            } catch { diagnostics.add(contentsOf: error.diagnostics) }
        }
        var observances: [Observance] = []
        if FileManager.default.fileExists(atPath: paths.observances) {
            do throws(Failure) {
                observances = try ObservanceReader.observances(try TextFile.decode(try TextFile.readBytes(paths.observances), path: paths.relative(paths.observances)))
            } catch { diagnostics.add(contentsOf: error.diagnostics) }
        }
        guard let plan else { return nil }
        return Workspace(plan: plan, channels: channels, units: units, items: items, observances: observances)
    }

    static func loadYAML(_ path: String, paths: WorkspacePaths, diagnostics: Diagnostics) -> YAMLNode? {
        do throws(Failure) {
            let file = try TextFile.decode(try TextFile.readBytes(path), path: paths.relative(path))
            guard let node = try YAMLParser.parse(file) else {
                diagnostics.add(.error(.yamlEmptyDocument, at: SourceLocation(path: file.path, line: 1, column: 1)))
                return nil
            }
            return node
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Every regular file under `dir` (recursively) with the extension, sorted by path.
    public static func listFiles(_ dir: String, extension ext: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix("." + ext) { out.append(dir + "/" + rel) }
        }
        return out.sorted()
    }
}

enum PlanReader {
    static func plan(_ node: YAMLNode, _ d: Diagnostics) -> Plan? {
        let m = MappingReader(node, name: "plan", into: d)
        defer { m.finish() }
        let id = m.id("id", required: true)
        let title = m.string("title", required: true)
        let issuer = m.string("issuer", required: true)
        let parent = m.string("parent_issuer")
        let place = m.string("place", required: true)
        let code = m.string("issuer_code")
        let due = m.integer("report_due_days")
        let audiences = m.records("audiences", required: true) { r -> Audience? in
            guard let id = r.id("id", required: true), let name = r.string("name", required: true) else { return nil }
            return Audience(id: id, name: name.value)
        }
        let projects = m.records("projects", required: true) { r -> Project? in
            let id = r.id("id", required: true)
            let name = r.string("name", required: true)
            let short = r.string("short")
            let phases = r.records("phases", required: true) { p -> Phase? in
                let pid = p.string("id", required: true)
                let pname = p.string("name", required: true)
                let from = p.day("from", required: true)
                let to = p.day("to")
                let themes = p.records("themes", required: true) { t -> Theme? in
                    let tid = t.id("id", required: true)
                    let title = t.string("title", required: true)
                    let source = t.string("source")
                    let aud = t.list("audiences") ?? []
                    guard let tid, let title else { return nil }
                    return Theme(id: tid, title: title.value, source: source?.value, audiences: aud)
                }
                guard let pid, let pname, let from else { return nil }
                return Phase(id: pid, name: pname.value, from: from, to: to, themes: themes)
            }
            guard let id, let name else { return nil }
            return Project(id: id, name: name.value, short: short?.value ?? name.value, phases: phases)
        }
        let targets = m.records("targets") { t -> Target? in
            let id = t.id("id", required: true)
            let title = t.string("title", required: true)
            let metric = t.choice("metric", Metric.self, required: true)
            let period = t.choice("period", TargetPeriod.self, required: true)
            let min = t.number("min")
            let share = t.number("share")
            if let share, !(0...1).contains(share.value) { d.add(.error(.shareOutOfRange(String(share.value)), at: share.location)) }
            guard let id, let title, let metric, let period else { return nil }
            return Target(id: id, title: title.value, metric: metric, period: period, min: min?.value ?? 1, share: share?.value ?? 1)
        }
        guard let id, let title, let issuer, let place else { return nil }
        return Plan(id: id.value, title: title.value, issuer: issuer.value, parentIssuer: parent?.value, place: place.value,
                    issuerCode: code?.value, reportDueDays: due?.value ?? 5, audiences: audiences, projects: projects, targets: targets)
    }
}

enum ChannelReader {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func channels(_ node: YAMLNode, _ d: Diagnostics) -> [Channel] {
        guard case .sequence(let items, _) = node else {
            d.add(.error(.expectedList("channels"), at: node.location))
            return []
        }
        return items.compactMap { item in
            let r = MappingReader(item, name: "channel", into: d)
            defer { r.finish() }
            let id = r.id("id", required: true)
            let name = r.string("name", required: true)
            let kind = r.choice("kind", ChannelKind.self, required: true)
            let every = r.choice("every", Cadence.self, required: true)
            let on = r.list("on", required: true) ?? []
            let skip = r.bool("skip_weekends") ?? false
            let capacity = r.integer("capacity", required: true)
            let lead = r.integer("lead_days")
            let audiences = r.list("audiences") ?? []
            var scope = UnitScope.all
            if let units = r.list("units") {
                if !(units.count == 1 && units[0].value == "all") { scope = .some(units) }
            }
            var days: [Located<Int>] = []
            for o in on {
                if every == .week {
                    if let w = weekdays.firstIndex(of: o.value.lowercased()) { days.append(Located(w + 1, at: o.location)) } else {
                        d.add(.error(.weekdayExpected(o.value), at: o.location))
                    }
                } else if let n = Int(o.value), (1...31).contains(n) {
                    days.append(Located(n, at: o.location))
                } else {
                    d.add(.error(.dayOfMonthExpected(o.value), at: o.location))
                }
            }
            // a channel with a broken field still exists, so items that name it do not cascade into more errors
            guard let id else { return nil }
            return Channel(id: id, name: name?.value ?? id.value, kind: kind ?? .newsletter, every: every ?? .month, on: days,
                           skipWeekends: skip, capacity: capacity?.value ?? 0, leadDays: lead?.value ?? 0,
                           audiences: audiences, units: scope)
        }
    }
}

public enum UnitReader {
    public static let columns = ["code", "name", "cluster", "members", "email", "joined", "left"]

    public static func units(bytes: [UInt8], path: String) throws(Failure) -> [UnionUnit] {
        var table = try CSVTable(bytes: bytes, path: path, required: ["code", "name"], known: columns)
        var units: [UnionUnit] = []
        var problems: [Diagnostic] = []
        while true {
            let row: CSVRow
            do throws(Failure) { guard let r = try table.next() else { break }; row = r } catch { problems += error.diagnostics; break }
            guard let code = row.text("code") else { problems.append(.error(.emptyValue("code"), at: row.location("code"))); continue }
            if !isValidId(code) || code.contains(".") || code.contains("_") { problems.append(.error(.invalidId(code), at: row.location("code"))) }
            guard let name = row.text("name") else { problems.append(.error(.emptyValue("name"), at: row.location("name"))); continue }
            var members = 0
            if let m = row.text("members") {
                if let v = Int(m), v >= 0 { members = v } else { problems.append(.error(.invalidInteger(m), at: row.location("members"))) }
            }
            func day(_ col: String) -> Day? {
                guard let t = row.text(col) else { return nil }
                guard let d = Day(iso: t) else { problems.append(.error(.invalidDate(t), at: row.location(col))); return nil }
                return d
            }
            let joined = day("joined"), left = day("left")
            if let joined, let left, left < joined { problems.append(.error(.unitLeftBeforeJoined, at: row.location("left"))) }
            units.append(UnionUnit(code: Located(code, at: row.location("code")), name: name, cluster: row.text("cluster"),
                              members: members, email: row.text("email"), joined: joined, left: left))
        }
        if !problems.isEmpty { throw Failure(problems) }
        return units
    }
}

/// Splits `---` front matter from a Markdown body.
public enum FrontMatter {
    public static func split(_ file: TextFile) throws(Failure) -> (yaml: ArraySlice<Substring>, firstLine: Int, body: String) {
        guard let first = file.lines.first, isMarker(first) else {
            throw Failure(.frontMatterMissing, at: SourceLocation(path: file.path, line: 1, column: 1))
        }
        guard let close = file.lines.dropFirst().firstIndex(where: isMarker) else {
            throw Failure(.frontMatterUnterminated, at: SourceLocation(path: file.path, line: 1, column: 1))
        }
        let body = file.lines[(close + 1)...].joined(separator: "\n")
        return (file.lines[1..<close], 2, body)
    }

    /// A `---` line, trailing spaces allowed.
    static func isMarker(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == 32 || last == 9 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8)
    }

    /// The front matter parsed as YAML, and the body; problems go to `diagnostics` and give nil.
    /// An empty front matter is reported as a missing `firstKey`.
    public static func parse(_ file: TextFile, firstKey: String, diagnostics d: Diagnostics) -> (node: YAMLNode, body: String)? {
        do throws(Failure) {
            let (yaml, firstLine, body) = try split(file)
            guard let node = try YAMLParser.parse(lines: yaml, path: file.path, firstLine: firstLine) else {
                d.add(.error(.missingKey(firstKey), at: SourceLocation(path: file.path, line: 1, column: 1)))
                return nil
            }
            return (node, body)
        } catch {
            d.add(contentsOf: error.diagnostics)
            return nil
        }
    }
}

public enum ItemReader {
    public static func item(_ file: TextFile, diagnostics d: Diagnostics) -> Item? {
        guard let (node, body) = FrontMatter.parse(file, firstKey: "title", diagnostics: d) else { return nil }
        let r = MappingReader(node, name: "front matter", into: d)
        defer { r.finish() }
        let fileId = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = r.id("id") ?? Located(fileId, at: SourceLocation(path: file.path, line: 1, column: 1))
        if !r.has("id"), !isValidId(fileId) { d.add(.error(.invalidId(fileId), at: id.location)) }
        let title = r.string("title", required: true)
        let themes = r.list("themes", required: true) ?? []
        let channels = r.list("channels", required: true) ?? []
        let audiences = r.list("audiences") ?? []
        let status = r.choice("status", ItemStatus.self, required: true)
        let approved = r.day("approved")
        let author = r.string("author")
        let approvedBy = r.string("approved_by")
        let notBefore = r.day("not_before")
        let notAfter = r.day("not_after")
        let observance = r.string("observance")
        let pin = r.day("pin")
        let summary = r.string("summary")
        if status == .approved, approved == nil, !r.has("approved") {
            d.add(.error(.approvedDateMissing, at: r.location))
        }
        guard let title, let status else { return nil }
        return Item(id: id, path: file.path, title: title.value, themes: themes, channels: channels, audiences: audiences,
                    status: status, approved: approved, author: author?.value, approvedBy: approvedBy?.value,
                    notBefore: notBefore, notAfter: notAfter, observance: observance, pin: pin, summary: summary?.value,
                    body: body)
    }
}

public enum ObservanceReader {
    public static func observances(_ file: TextFile) throws(Failure) -> [Observance] {
        var byUID: [String: Observance] = [:]
        var order: [String] = []
        for cal in try ICSReader.parse(file) {
            for ev in cal.children where ev.name == "VEVENT" {
                let at = SourceLocation(path: file.path, line: ev.line, column: 1)
                guard let uid = ev.first("UID")?.value else { throw Failure(.icsMissingProperty("UID"), at: at) }
                guard let start = ev.first("DTSTART") else { throw Failure(.icsMissingProperty("DTSTART"), at: at) }
                guard let day = Day(compact: start.value) else {
                    throw Failure(.icsBadDate(start.value), at: SourceLocation(path: file.path, line: start.line, column: 1))
                }
                var yearly = false
                if let rule = ev.first("RRULE") {
                    guard rule.value.uppercased().contains("FREQ=YEARLY") else {
                        throw Failure(.icsNotYearly(rule.value), at: SourceLocation(path: file.path, line: rule.line, column: 1))
                    }
                    yearly = true
                }
                var dates: [Day] = []
                for r in ev.all("RDATE") {
                    for t in r.value.split(separator: ",") {
                        guard let d = Day(compact: t) else {
                            throw Failure(.icsBadDate(String(t)), at: SourceLocation(path: file.path, line: r.line, column: 1))
                        }
                        dates.append(d)
                    }
                }
                let name = ICSReader.unescape(ev.first("SUMMARY")?.value ?? uid)
                if var existing = byUID[uid] {
                    existing.dates.append(day)
                    existing.dates += dates
                    existing.original = min(existing.original, day)
                    byUID[uid] = existing
                } else {
                    order.append(uid)
                    byUID[uid] = Observance(uid: uid, name: name, original: day, location: at, dates: dates, yearly: yearly)
                }
            }
        }
        return order.map { byUID[$0]! }
    }
}
