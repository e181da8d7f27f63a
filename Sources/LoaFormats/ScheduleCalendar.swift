import LoaCore

/// Reads and writes a month's schedule, `calendars/YYYY-MM.ics` (SPEC §2.7).
public enum ScheduleCalendar {
    public static func write(entries: [ScheduleEntry], month: Month, workspace ws: Workspace, today: Day,
        language: Language) -> [UInt8] {
        let index = WorkspaceIndex(ws)
        var w = ICSWriter()
        w.line("BEGIN", "VCALENDAR")
        w.line("VERSION", "2.0")
        w.line("PRODID", "-//Loa//Loa lich tuyen truyen//\(language == .vi ? "VI" : "EN")")
        w.line("CALSCALE", "GREGORIAN")
        w.line("METHOD", "PUBLISH")
        let name = language == .vi ? "Lịch tuyên truyền tháng \(month.month)/\(month.year) — \(ws.plan.issuer)"
                                   : "Communication schedule \(month.iso) — \(ws.plan.issuer)"
        w.line("X-WR-CALNAME", plainName(name))
        w.line("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh")
        let stamp = today.compact + "T000000Z"
        for e in entries.sorted() {
            let item = index.items[e.item]
            let channelName = index.channelName(e.channel)
            w.line("BEGIN", "VEVENT")
            w.line("UID", e.uid)
            w.line("DTSTAMP", stamp)
            w.line("DTSTART;VALUE=DATE", e.date.compact)
            w.line("DTEND;VALUE=DATE", e.date.adding(days: 1).compact)
            w.text("SUMMARY", "[\(channelName)] \(item?.title ?? e.item.rawValue)")
            if let summary = item?.summary, !summary.isEmpty { w.text("DESCRIPTION", summary) }
            if let themes = item?.themes.map(\.value.description), !themes.isEmpty {
                w.line("CATEGORIES", themes.map(ICSWriter.escape).joined(separator: ","))
            }
            w.line("STATUS", e.confirmed ? "CONFIRMED" : "TENTATIVE")
            w.line("TRANSP", "TRANSPARENT")
            w.text("X-LOA-ITEM", e.item.rawValue)
            w.text("X-LOA-CHANNEL", e.channel.rawValue)
            w.line("END", "VEVENT")
        }
        w.line("END", "VCALENDAR")
        return w.bytes
    }

    /// A calendar's name as an `X-WR-*` value: icalendar and ics.py hand those out as written, without
    /// unescaping, so the characters TEXT escapes are left out (`,` `;` and line breaks become a space, `\`
    /// a slash) and every reader shows the same name.
    static func plainName(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "/"
            case ",", ";", "\n", "\r": out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    public static func read(_ file: TextFile) throws(Failure) -> [ScheduleEntry] {
        var out: [ScheduleEntry] = []
        for cal in try ICSReader.parse(file) {
            for ev in cal.children where ev.name == "VEVENT" {
                let at = SourceLocation(path: file.path, line: ev.line, column: 1)
                guard let item = ev.first("X-LOA-ITEM")
                    else { throw Failure(.icsMissingProperty("X-LOA-ITEM"), at: at) }
                guard let channel = ev.first("X-LOA-CHANNEL")
                    else { throw Failure(.icsMissingProperty("X-LOA-CHANNEL"), at: at) }
                guard let start = ev.first("DTSTART") else { throw Failure(.icsMissingProperty("DTSTART"), at: at) }
                guard let date = Day(compact: start.value) else {
                    throw Failure(.icsBadDate(start.value),
                        at: SourceLocation(path: file.path, line: start.line, column: 1))
                }
                let confirmed = ev.first("STATUS")?.value.uppercased() == "CONFIRMED"
                out.append(ScheduleEntry(item: ItemID(ICSReader.unescape(item.value)),
                    channel: ChannelID(ICSReader.unescape(channel.value)),
                                        date: date, confirmed: confirmed))
            }
        }
        return out.sorted()
    }
}
