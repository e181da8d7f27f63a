/// What kind of thing an id names, for messages ("unknown theme …").
public enum EntityKind: String, Sendable, Hashable {
    case audience, project, phase, theme, target, channel, unit, cluster, item, observance, activityType, mood, key, column, command, option, alert

    func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.audience, .vi): return "đối tượng"
        case (.project, .vi): return "đề án"
        case (.phase, .vi): return "giai đoạn"
        case (.theme, .vi): return "nội dung trọng tâm"
        case (.target, .vi): return "chỉ tiêu"
        case (.channel, .vi): return "kênh"
        case (.unit, .vi): return "đơn vị"
        case (.cluster, .vi): return "cụm"
        case (.item, .vi): return "bài"
        case (.observance, .vi): return "ngày kỷ niệm"
        case (.activityType, .vi): return "loại hoạt động"
        case (.mood, .vi): return "tâm trạng"
        case (.key, .vi): return "khóa"
        case (.column, .vi): return "cột"
        case (.command, .vi): return "lệnh"
        case (.option, .vi): return "tùy chọn"
        case (.alert, .vi): return "cảnh báo"
        case (.activityType, .en): return "activity type"
        case (_, .en): return rawValue
        }
    }
}

/// Every message Loa shows a user, with its arguments; `text(_:)` is the catalog.
public enum Message: Sendable, Hashable {
    // text input
    case invalidUTF8(offset: Int)
    case fileMissing(String)
    case fileUnreadable(String, reason: String)
    case fileUnwritable(String, reason: String)
    // YAML subset
    case yamlTab
    case yamlUnsupported(String)
    case yamlUnterminatedQuote
    case yamlUnterminatedFlow
    case yamlBadEscape(String)
    case yamlBadIndent
    case yamlExpectedKey
    case yamlDuplicateKey(String)
    case yamlTrailing(String)
    case yamlEmptyDocument
    case frontMatterMissing
    case frontMatterUnterminated
    // schema
    case unknownKey(String, suggestion: String?)
    case missingKey(String)
    case expectedScalar(String)
    case expectedList(String)
    case expectedMapping(String)
    case invalidDate(String)
    case invalidMonth(String)
    case invalidInteger(String)
    case invalidNumber(String)
    case invalidBool(String)
    case invalidChoice(String, allowed: [String], suggestion: String?)
    case invalidId(String)
    case emptyValue(String)
    // CSV
    case csvUnterminatedQuote
    case csvMissingColumn(String)
    case csvUnknownColumn(String, suggestion: String?)
    case csvDuplicateColumn(String)
    case csvFieldCount(expected: Int, got: Int)
    case csvEmpty
    // model
    case duplicateId(EntityKind, String, first: String)
    case unknownReference(EntityKind, String, suggestion: String?)
    case malformedThemeRef(String)
    case approvedDateMissing
    case windowReversed(from: String, to: String)
    case phaseReversed(from: String, to: String)
    case phasesOverlap(String, String, from: String, to: String)
    case audienceOutsideTheme(item: String, audience: String, theme: String)
    case channelWithoutSlots(String)
    case unitLeftBeforeJoined
    case weekdayExpected(String)
    case dayOfMonthExpected(String)
    case shareOutOfRange(String)
    // calendars
    case icsBadLine
    case icsUnbalanced(String)
    case icsMissingProperty(String)
    case icsBadDate(String)
    case icsNotYearly(String)
    // command line
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case optionNeedsValue(String)
    case missingArgument(String)
    case tooManyArguments(String)
    case invalidArgument(String, expected: String)
    case workspaceNotFound
    case workspaceExists(String)
    case itemExists(String)
    case plain(String)
    case plain2(vi: String, en: String)
    // strict input: characters, sizes, YAML and CSV syntax (issues 13 and 17)
    case controlCharacter(UInt32)
    case fileTooLarge(size: Int?, limit: Int)
    case notRegularFile(String)
    case csvFieldTooLong(limit: Int)
    case csvTooManyFields(limit: Int)
    case csvRowTooLong(limit: Int)
    case csvTextAfterQuote
    case yamlTabOutsideQuotes
    case yamlPlainColon(suggestion: String)
    case yamlPlainIndicator(String, suggestion: String)
    case yamlFlowCharacter(String, suggestion: String)
    case yamlTooDeep(limit: Int)
    case yamlQuotedIndent
    case listEntryIsMapping(String, entry: String, suggestion: String?)
    case outOfRange(String)
    case yamlKeyTooLong(limit: Int)

    public func text(_ lang: Language) -> String {
        let vi = lang == .vi
        switch self {
        case .invalidUTF8(let offset): return vi ? "UTF-8 không hợp lệ (byte thứ \(offset))" : "invalid UTF-8 (byte offset \(offset))"
        case .fileMissing(let p): return vi ? "không tìm thấy tệp \(p)" : "no such file: \(p)"
        case .fileUnreadable(let p, let r): return vi ? "không đọc được \(p): \(r)" : "cannot read \(p): \(r)"
        case .fileUnwritable(let p, let r): return vi ? "không ghi được \(p): \(r)" : "cannot write \(p): \(r)"
        case .yamlTab: return vi ? "không dùng ký tự tab để thụt lề; hãy dùng dấu cách" : "tab used for indentation; use spaces"
        case .yamlUnsupported(let what): return vi ? "Loa không hỗ trợ \(what) trong YAML" : "\(what) are not supported in Loa's YAML"
        case .yamlUnterminatedQuote: return vi ? "chuỗi trong dấu nháy chưa được đóng" : "unterminated quoted string"
        case .yamlUnterminatedFlow: return vi ? "danh sách [ … ] chưa được đóng bằng ]" : "flow sequence [ … ] is not closed by ]"
        case .yamlBadEscape(let e): return vi ? "chuỗi thoát không hợp lệ \\\(e)" : "invalid escape \\\(e)"
        case .yamlBadIndent: return vi ? "thụt lề không đúng" : "unexpected indentation"
        case .yamlExpectedKey: return vi ? "cần một dòng dạng \"khóa: giá trị\" hoặc \"- phần tử\"" : "expected \"key: value\" or \"- item\""
        case .yamlDuplicateKey(let k): return vi ? "khóa \"\(k)\" bị lặp" : "duplicate key \"\(k)\""
        case .yamlTrailing(let t): return vi ? "nội dung thừa sau giá trị: \(t)" : "unexpected text after the value: \(t)"
        case .yamlEmptyDocument: return vi ? "tệp rỗng" : "the document is empty"
        case .frontMatterMissing: return vi ? "thiếu phần đầu (front matter) mở bằng dòng ---" : "missing front matter: the file must start with a --- line"
        case .frontMatterUnterminated: return vi ? "phần đầu (front matter) chưa được đóng bằng dòng ---" : "front matter is not closed by a --- line"
        case .unknownKey(let k, let s): return (vi ? "khóa không hợp lệ \"\(k)\"" : "unknown key \"\(k)\"") + Message.didYouMean(s, vi)
        case .missingKey(let k): return vi ? "thiếu khóa bắt buộc \"\(k)\"" : "missing required key \"\(k)\""
        case .expectedScalar(let k): return vi ? "\"\(k)\" phải là một giá trị đơn" : "\"\(k)\" must be a single value"
        case .expectedList(let k): return vi ? "\"\(k)\" phải là một danh sách" : "\"\(k)\" must be a list"
        case .expectedMapping(let k): return vi ? "\"\(k)\" phải là một bảng khóa: giá trị" : "\"\(k)\" must be a mapping of keys"
        case .invalidDate(let t): return vi ? "ngày không hợp lệ \"\(t)\" (cần YYYY-MM-DD, là một ngày có thật)" : "invalid date \"\(t)\" (expected an existing YYYY-MM-DD)"
        case .invalidMonth(let t): return vi ? "tháng không hợp lệ \"\(t)\" (cần YYYY-MM)" : "invalid month \"\(t)\" (expected YYYY-MM)"
        case .invalidInteger(let t): return vi ? "\"\(t)\" không phải số nguyên không âm" : "\"\(t)\" is not a whole number ≥ 0"
        case .invalidNumber(let t): return vi ? "\"\(t)\" không phải là số" : "\"\(t)\" is not a number"
        case .invalidBool(let t): return vi ? "\"\(t)\" phải là true hoặc false" : "\"\(t)\" must be true or false"
        case .invalidChoice(let v, let allowed, let s):
            return (vi ? "giá trị không hợp lệ \"\(v)\" (chọn một trong: \(allowed.joined(separator: ", ")))" : "invalid value \"\(v)\" (one of: \(allowed.joined(separator: ", ")))") + Message.didYouMean(s, vi)
        case .invalidId(let t): return vi ? "mã \"\(t)\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang" : "id \"\(t)\" may hold only a-z, 0-9 and -"
        case .emptyValue(let k): return vi ? "\"\(k)\" không được để trống" : "\"\(k)\" must not be empty"
        case .csvUnterminatedQuote: return vi ? "ô trong dấu nháy kép chưa được đóng" : "unterminated quoted field"
        case .csvMissingColumn(let c): return vi ? "thiếu cột bắt buộc \"\(c)\"" : "missing required column \"\(c)\""
        case .csvUnknownColumn(let c, let s): return (vi ? "cột không hợp lệ \"\(c)\"" : "unknown column \"\(c)\"") + Message.didYouMean(s, vi)
        case .csvDuplicateColumn(let c): return vi ? "cột \"\(c)\" bị lặp" : "duplicate column \"\(c)\""
        case .csvFieldCount(let e, let g): return vi ? "dòng có \(g) ô, tiêu đề có \(e) cột" : "row has \(g) fields, the header has \(e)"
        case .csvEmpty: return vi ? "tệp CSV không có dòng tiêu đề" : "the CSV file has no header row"
        case .duplicateId(let kind, let id, let first): return vi ? "\(kind.name(.vi)) \"\(id)\" bị trùng (đã khai báo tại \(first))" : "duplicate \(kind.name(.en)) \"\(id)\" (first declared at \(first))"
        case .unknownReference(let kind, let id, let s): return (vi ? "không có \(kind.name(.vi)) \"\(id)\"" : "unknown \(kind.name(.en)) \"\(id)\"") + Message.didYouMean(s, vi)
        case .malformedThemeRef(let r): return vi ? "\"\(r)\" phải có dạng ĐỀ-ÁN/GIAI-ĐOẠN/NỘI-DUNG, ví dụ museum/1.1/b" : "\"\(r)\" must read PROJECT/PHASE/THEME, e.g. museum/1.1/b"
        case .approvedDateMissing: return vi ? "bài ở trạng thái approved phải có ngày duyệt \"approved\"" : "an approved item needs an \"approved\" date"
        case .windowReversed(let f, let t): return vi ? "not_before (\(f)) sau not_after (\(t))" : "not_before (\(f)) is after not_after (\(t))"
        case .phaseReversed(let f, let t): return vi ? "ngày bắt đầu \(f) sau ngày kết thúc \(t)" : "phase starts (\(f)) after it ends (\(t))"
        case .phasesOverlap(let a, let b, let f, let t): return vi ? "giai đoạn \(a) và \(b) chồng lấn từ \(f) đến \(t)" : "phases \(a) and \(b) overlap from \(f) to \(t)"
        case .audienceOutsideTheme(let i, let a, let t): return vi ? "bài \(i) hướng tới \(a), không thuộc đối tượng của \(t)" : "item \(i) addresses \(a), which theme \(t) does not list"
        case .channelWithoutSlots(let c): return vi ? "kênh \(c) không có ngày phát hành nào" : "channel \(c) has no slot days"
        case .unitLeftBeforeJoined: return vi ? "ngày rời (left) trước ngày gia nhập (joined)" : "left is before joined"
        case .weekdayExpected(let t): return vi ? "\"\(t)\" phải là thứ trong tuần (mon … sun)" : "\"\(t)\" must be a weekday (mon … sun)"
        case .dayOfMonthExpected(let t): return vi ? "\"\(t)\" phải là ngày trong tháng (1–31)" : "\"\(t)\" must be a day of the month (1–31)"
        case .shareOutOfRange(let t): return vi ? "\"\(t)\" phải nằm trong khoảng 0 đến 1" : "\"\(t)\" must lie between 0 and 1"
        case .icsBadLine: return vi ? "dòng iCalendar không hợp lệ (thiếu dấu :)" : "invalid iCalendar line (no colon)"
        case .icsUnbalanced(let c): return vi ? "BEGIN/END:\(c) không khớp" : "unbalanced BEGIN/END:\(c)"
        case .icsMissingProperty(let p): return vi ? "sự kiện thiếu \(p)" : "event has no \(p)"
        case .icsBadDate(let t): return vi ? "ngày iCalendar không hợp lệ \"\(t)\"" : "invalid iCalendar date \"\(t)\""
        case .icsNotYearly(let r): return vi ? "chỉ hỗ trợ RRULE:FREQ=YEARLY, không phải \"\(r)\"" : "only RRULE:FREQ=YEARLY is supported, not \"\(r)\""
        case .unknownCommand(let c, let s): return (vi ? "không có lệnh \"\(c)\"" : "unknown command \"\(c)\"") + Message.didYouMean(s, vi) + (vi ? " (xem: loa help)" : " (see: loa help)")
        case .unknownOption(let o, let s): return (vi ? "tùy chọn không hợp lệ \"\(o)\"" : "unknown option \"\(o)\"") + Message.didYouMean(s, vi)
        case .optionNeedsValue(let o): return vi ? "tùy chọn \(o) cần một giá trị" : "option \(o) needs a value"
        case .missingArgument(let a): return vi ? "thiếu tham số \(a)" : "missing argument \(a)"
        case .tooManyArguments(let a): return vi ? "thừa tham số \"\(a)\"" : "unexpected argument \"\(a)\""
        case .invalidArgument(let a, let e): return vi ? "tham số \"\(a)\" không hợp lệ (cần \(e))" : "invalid argument \"\(a)\" (expected \(e))"
        case .workspaceNotFound: return vi ? "không tìm thấy không gian làm việc (thư mục có content/plan.yml); dùng --workspace DIR hoặc loa init DIR" : "no workspace found (a folder holding content/plan.yml); use --workspace DIR or loa init DIR"
        case .workspaceExists(let p): return vi ? "\(p) đã tồn tại và không trống" : "\(p) already exists and is not empty"
        case .itemExists(let p): return vi ? "bài \(p) đã tồn tại" : "item \(p) already exists"
        case .plain(let t): return t
        case .plain2(let v, let e): return vi ? v : e
        case .controlCharacter(let v):
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(v, radix: 16).count))
                + String(v, radix: 16, uppercase: true)
            return vi ? "ký tự điều khiển \(code) không được phép trong văn bản; hãy xóa nó"
                : "control character \(code) is not allowed in text; delete it"
        case .fileTooLarge(let size, let limit):
            guard let size else {
                return vi ? "tệp lớn hơn \(sizeText(limit)), giới hạn Loa đọc"
                    : "file larger than \(sizeText(limit)), the most Loa reads"
            }
            return vi ? "tệp quá lớn (\(sizeText(size))); Loa chỉ đọc tệp văn bản tối đa \(sizeText(limit))"
                : "file too large (\(sizeText(size))); Loa reads text files of at most \(sizeText(limit))"
        case .notRegularFile(let p):
            return vi ? "\(p) không phải là tệp thông thường (mà là thư mục, thiết bị hoặc ống dẫn)"
                : "\(p) is not a regular file (it is a folder, device or pipe)"
        case .csvFieldTooLong(let limit):
            return vi ? "ô dài hơn \(sizeText(limit))" : "field longer than \(sizeText(limit))"
        case .csvTooManyFields(let limit):
            return vi ? "dòng có hơn \(limit) ô" : "row has more than \(limit) fields"
        case .csvRowTooLong(let limit):
            return vi ? "dòng dài hơn \(sizeText(limit))" : "row longer than \(sizeText(limit))"
        case .csvTextAfterQuote:
            return vi ? "có ký tự sau dấu nháy kép đóng ô; dấu nháy bên trong ô phải viết hai lần (\"\")"
                : "text after the closing quote of a field; write a quote inside a quoted field as \"\""
        case .yamlTabOutsideQuotes:
            return vi ? "ký tự tab chỉ được nằm trong chuỗi có dấu nháy hoặc khối |; hãy dùng dấu cách"
                : "tab character outside quotes or a | block; use spaces"
        case .yamlPlainColon(let s):
            return vi ? "dấu \":\" theo sau là dấu cách hoặc ở cuối dòng là cú pháp khóa của YAML; "
                + "hãy đặt cả giá trị trong dấu nháy kép: \(s)"
                : "\":\" followed by a space or ending the line is YAML syntax for a key; "
                + "put the whole value in double quotes: \(s)"
        case .yamlPlainIndicator(let c, let s):
            return vi ? "giá trị không có dấu nháy không được bắt đầu bằng \"\(c)\"; "
                + "hãy đặt nó trong dấu nháy kép: \(s)"
                : "a value cannot begin with \"\(c)\" unless it is quoted: \(s)"
        case .yamlFlowCharacter(let c, let s):
            return vi ? "\"\(c)\" không được nằm trong phần tử của danh sách [ … ] nếu không có dấu nháy: \(s)"
                : "\"\(c)\" is not allowed in an item of a [ … ] list unless the item is quoted: \(s)"
        case .yamlTooDeep(let limit):
            return vi ? "cấu trúc lồng nhau sâu hơn \(limit) cấp" : "nesting deeper than \(limit) levels"
        case .yamlQuotedIndent:
            return vi ? "dòng tiếp theo của chuỗi trong dấu nháy phải thụt lề sâu hơn khóa của nó"
                : "a quoted value continued on this line must be indented more than its key"
        case .listEntryIsMapping(let k, let e, let s):
            let text = vi
                ? "một phần tử của \"\(k)\" là cặp khóa: giá trị (\(e)) trong khi cần một giá trị; "
                    + "nếu là văn bản, hãy đặt trong dấu nháy kép: \"\(e)\""
                : "an entry of \"\(k)\" is a mapping (\(e)) where a value was expected; "
                    + "if it is text, quote it: \"\(e)\""
            return text + Message.didYouMean(s, vi)
        case .outOfRange(let t):
            let years = "\(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)"
            return vi ? "\"\(t)\" nằm ngoài khoảng năm \(years)" : "\"\(t)\" is outside the years \(years)"
        case .yamlKeyTooLong(let limit):
            return vi ? "khóa dài hơn \(limit) ký tự" : "key longer than \(limit) characters"
        }
    }

    static func didYouMean(_ s: String?, _ vi: Bool) -> String {
        guard let s else { return "" }
        return vi ? "; có phải ý bạn là \"\(s)\"?" : "; did you mean \"\(s)\"?"
    }
}
