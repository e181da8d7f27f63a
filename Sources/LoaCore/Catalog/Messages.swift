/// What kind of thing an id names, for messages ("unknown theme …").
public enum EntityKind: String, Sendable, Hashable, CaseIterable, Localizable {
    case audience, project, phase, theme, target, channel, unit, cluster, item, observance, activityType, mood, key
    case column, command, option, alert, user, authority

    public var phrase: Phrase {
        switch self {
        case .audience: Phrase(vi: "đối tượng", en: "audience")
        case .project: Phrase(vi: "đề án", en: "project")
        case .phase: Phrase(vi: "giai đoạn", en: "phase")
        case .theme: Phrase(vi: "nội dung trọng tâm", en: "theme")
        case .target: Phrase(vi: "chỉ tiêu", en: "target")
        case .channel: Phrase(vi: "kênh", en: "channel")
        case .unit: Phrase(vi: "đơn vị", en: "unit")
        case .cluster: Phrase(vi: "cụm", en: "cluster")
        case .item: Phrase(vi: "bài", en: "item")
        case .observance: Phrase(vi: "ngày kỷ niệm", en: "observance")
        case .activityType: Phrase(vi: "loại hoạt động", en: "activity type")
        case .mood: Phrase(vi: "tâm trạng", en: "mood")
        case .key: Phrase(vi: "khóa", en: "key")
        case .column: Phrase(vi: "cột", en: "column")
        case .command: Phrase(vi: "lệnh", en: "command")
        case .option: Phrase(vi: "tùy chọn", en: "option")
        case .alert: Phrase(vi: "cảnh báo", en: "alert")
        case .user: Phrase(vi: "người dùng", en: "user")
        case .authority: Phrase(vi: "cơ quan có thẩm quyền", en: "authority")
        }
    }
}

/// Every diagnostic Loa shows a user, with its arguments; `phrase` is the catalog of their texts.
public enum Message: Sendable, Hashable, Localizable {
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
    case invalidEmail(String)
    case invalidInteger(String)
    case invalidNumber(String)
    case invalidBool(String)
    case invalidChoice(String, allowed: [String], suggestion: String?)
    case invalidId(String)
    case emptyValue(String)
    case malformedIssueRef(String)
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
    case windowReversed(from: Day, to: Day)
    case phaseReversed(from: Day, to: Day)
    case phasesOverlap(ProjectID, PhaseID, PhaseID, from: Day, to: Day?)
    case audienceOutsideTheme(item: ItemID, audience: AudienceID, theme: ThemeRef)
    case channelWithoutSlots(ChannelID)
    case unitLeftBeforeJoined
    case clusterCycle([String])
    case weekdayExpected(String)
    case dayOfMonthExpected(String)
    case shareOutOfRange(String)
    case pipeTable
    case remoteImage(String)
    case imageOutsideMedia(String)
    case imageMissing(String)
    // calendars
    case icsBadLine
    case icsUnbalanced(String)
    case icsMissingProperty(String)
    case icsBadDate(String)
    case icsNotYearly(String)
    // planning
    case pinBreaks(item: ItemID, channel: ChannelID, date: Day, rule: PlanRule)
    case pinWithoutSlot(item: ItemID, channels: [ChannelID], date: Day)
    case nothingConfirmed(channel: ChannelID, date: Day)
    // reporting
    case unitAbsentInMonth(UnitCode, Month)
    case unitAbsentOnDay(UnitCode, Day)
    case submittedAfterToday(Day, today: Day)
    case periodNotBegun(Month)
    case activityOutsidePeriod(Day, Month)
    case activityAfterToday(Day, today: Day)
    case participantsTooMany(Int, limit: Int)
    case participantsAboveMembers(Int, members: Int, factor: Int)
    case moreWarnings(Int)
    case unitNotYours(UnitCode, yours: UnitCode)
    case noActivityButActivities
    case notSpreadsheetText
    case noOpenAlert(Int)
    case alertResolvedAlready(Int), noEscalation(Int), noSuchAlert(Int), emptyNote
    case phaseNotStarted(project: String, phase: String, starts: Day)
    case reportSectionMissing(String)
    // store
    case databaseMissing(String)
    case databaseTooNew(String, version: Int, known: Int)
    case databaseBusy(String)
    case databaseFailed(String, reason: String)
    // command line
    case unknownCommand(String, suggestion: String?)
    case unknownSubcommand(String, of: String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case optionNeedsValue(String)
    case missingArgument(String)
    case tooManyArguments(String)
    case invalidArgument(String, expected: String)
    case workspaceNotFound
    case shippedWorkspaceNotFound
    case workspaceExists(String)
    case itemExists(String)
    case targetExists(String)
    case userExists(String)
    case noSuchUser(String)
    case passwordsDiffer
    case passwordTooShort(Int)
    case passwordOneCharacter
    case passwordCommon
    case notPositive(String)
    case serverKeyMissing(String)
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
    /// Text from outside Loa (an operating-system or SQLite error), shown as it came.
    case verbatim(String)
    /// The editorial messages of items, calendar and the officers' pages (their own catalog).
    case officer(OfficerText)
    /// What distribution says: sending, receipts, publishing on schedule (their own catalog).
    case delivery(DeliveryText)
    /// Writing and approving items (their own catalog).
    case item(ItemText)
    /// The month grid's changes to one entry, and publishing asked first (their own catalog).
    case calendar(CalendarText)

    public var phrase: Phrase {
        switch self {
        case .invalidUTF8(let offset):
            Phrase(vi: "UTF-8 không hợp lệ (byte thứ \(offset))", en: "invalid UTF-8 (byte offset \(offset))")
        case .fileMissing(let p): Phrase(vi: "không tìm thấy tệp \(p)", en: "no such file: \(p)")
        case .fileUnreadable(let p, let r): Phrase(vi: "không đọc được \(p): \(r)", en: "cannot read \(p): \(r)")
        case .fileUnwritable(let p, let r): Phrase(vi: "không ghi được \(p): \(r)", en: "cannot write \(p): \(r)")
        case .yamlTab:
            Phrase(vi: "không dùng ký tự tab để thụt lề; hãy dùng dấu cách", en: "tab used for indentation; use spaces")
        case .yamlUnsupported(let what):
            Phrase(vi: "Loa không hỗ trợ \(what) trong YAML", en: "\(what) are not supported in Loa's YAML")
        case .yamlUnterminatedQuote: Phrase(vi: "chuỗi trong dấu nháy chưa được đóng", en: "unterminated quoted string")
        case .yamlUnterminatedFlow:
            Phrase(vi: "danh sách [ … ] chưa được đóng bằng ]", en: "flow sequence [ … ] is not closed by ]")
        case .yamlBadEscape(let e): Phrase(vi: "chuỗi thoát không hợp lệ \\\(e)", en: "invalid escape \\\(e)")
        case .yamlBadIndent: Phrase(vi: "thụt lề không đúng", en: "unexpected indentation")
        case .yamlExpectedKey:
            Phrase(vi: "cần một dòng dạng \"khóa: giá trị\" hoặc \"- phần tử\"",
                en: "expected \"key: value\" or \"- item\"")
        case .yamlDuplicateKey(let k): Phrase(vi: "khóa \"\(k)\" bị lặp", en: "duplicate key \"\(k)\"")
        case .yamlTrailing(let t): Phrase(vi: "nội dung thừa sau giá trị: \(t)",
            en: "unexpected text after the value: \(t)")
        case .yamlEmptyDocument: Phrase(vi: "tệp rỗng", en: "the document is empty")
        case .frontMatterMissing:
            Phrase(vi: "thiếu phần đầu (front matter) mở bằng dòng ---",
                   en: "missing front matter: the file must start with a --- line")
        case .frontMatterUnterminated:
            Phrase(vi: "phần đầu (front matter) chưa được đóng bằng dòng ---",
                en: "front matter is not closed by a --- line")
        case .unknownKey(let k, let s):
            Phrase(vi: "khóa không hợp lệ \"\(k)\"", en: "unknown key \"\(k)\"") + Message.didYouMean(s)
        case .missingKey(let k): Phrase(vi: "thiếu khóa bắt buộc \"\(k)\"", en: "missing required key \"\(k)\"")
        case .expectedScalar(let k): Phrase(vi: "\"\(k)\" phải là một giá trị đơn",
            en: "\"\(k)\" must be a single value")
        case .expectedList(let k): Phrase(vi: "\"\(k)\" phải là một danh sách", en: "\"\(k)\" must be a list")
        case .expectedMapping(let k):
            Phrase(vi: "\"\(k)\" phải là một bảng khóa: giá trị", en: "\"\(k)\" must be a mapping of keys")
        case .invalidDate(let t):
            Phrase(vi: "ngày không hợp lệ \"\(t)\" (cần YYYY-MM-DD, là một ngày có thật)",
                   en: "invalid date \"\(t)\" (expected an existing YYYY-MM-DD)")
        case .invalidEmail(let t): Phrase(vi: "địa chỉ thư điện tử không hợp lệ \"\(t)\"",
                                          en: "not an e-mail address: \"\(t)\"")
        case .invalidMonth(let t): Phrase(vi: "tháng không hợp lệ \"\(t)\" (cần YYYY-MM)",
            en: "invalid month \"\(t)\" (expected YYYY-MM)")
        case .invalidInteger(let t):
            Phrase(vi: "\"\(t)\" không phải số nguyên không âm", en: "\"\(t)\" is not a whole number ≥ 0")
        case .invalidNumber(let t): Phrase(vi: "\"\(t)\" không phải là số", en: "\"\(t)\" is not a number")
        case .invalidBool(let t): Phrase(vi: "\"\(t)\" phải là true hoặc false", en: "\"\(t)\" must be true or false")
        case .invalidChoice(let v, let allowed, let s):
            Phrase(vi: "giá trị không hợp lệ \"\(v)\" (chọn một trong: \(allowed.joined(separator: ", ")))",
                   en: "invalid value \"\(v)\" (one of: \(allowed.joined(separator: ", ")))") + Message.didYouMean(s)
        case .invalidId(let t):
            Phrase(vi: "mã \"\(t)\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang",
                   en: "id \"\(t)\" may hold only a-z, 0-9 and -")
        case .emptyValue(let k): Phrase(vi: "\"\(k)\" không được để trống", en: "\"\(k)\" must not be empty")
        case .malformedIssueRef(let t):
            Phrase(vi: "\"\(t)\" phải có dạng KÊNH.YYYY-MM-DD", en: "\"\(t)\" must read CHANNEL.YYYY-MM-DD")
        case .csvUnterminatedQuote: Phrase(vi: "ô trong dấu nháy kép chưa được đóng", en: "unterminated quoted field")
        case .csvMissingColumn(let c): Phrase(vi: "thiếu cột bắt buộc \"\(c)\"", en: "missing required column \"\(c)\"")
        case .csvUnknownColumn(let c, let s):
            Phrase(vi: "cột không hợp lệ \"\(c)\"", en: "unknown column \"\(c)\"") + Message.didYouMean(s)
        case .csvDuplicateColumn(let c): Phrase(vi: "cột \"\(c)\" bị lặp", en: "duplicate column \"\(c)\"")
        case .csvFieldCount(let e, let g): Phrase(vi: "dòng có \(g) ô, tiêu đề có \(e) cột",
            en: "row has \(g) fields, the header has \(e)")
        case .csvEmpty: Phrase(vi: "tệp CSV không có dòng tiêu đề", en: "the CSV file has no header row")
        case .duplicateId(let kind, let id, let first):
            Phrase(vi: "\(kind.phrase.vi) \"\(id)\" bị trùng (đã khai báo tại \(first))",
                   en: "duplicate \(kind.phrase.en) \"\(id)\" (first declared at \(first))")
        case .unknownReference(let kind, let id, let s):
            Phrase(vi: "không có \(kind.phrase.vi) \"\(id)\"", en: "unknown \(kind.phrase.en) \"\(id)\"")
                + Message.didYouMean(s)
        case .malformedThemeRef(let r):
            Phrase(vi: "\"\(r)\" phải có dạng ĐỀ-ÁN/GIAI-ĐOẠN/NỘI-DUNG, ví dụ museum/1.1/b",
                   en: "\"\(r)\" must read PROJECT/PHASE/THEME, e.g. museum/1.1/b")
        case .approvedDateMissing:
            Phrase(vi: "bài ở trạng thái approved phải có ngày duyệt \"approved\"",
                en: "an approved item needs an \"approved\" date")
        case .windowReversed(let f, let t):
            Phrase(vi: "not_before (\(f.iso)) sau not_after (\(t.iso))",
                en: "not_before (\(f.iso)) is after not_after (\(t.iso))")
        case .phaseReversed(let f, let t):
            Phrase(vi: "ngày bắt đầu \(f.iso) sau ngày kết thúc \(t.iso)",
                en: "phase starts (\(f.iso)) after it ends (\(t.iso))")
        case .phasesOverlap(let p, let a, let b, let f, let t):
            Phrase(vi: "giai đoạn \(p)/\(a) và \(p)/\(b) chồng lấn từ \(f.iso) đến \(t?.iso ?? "…")",
                   en: "phases \(p)/\(a) and \(p)/\(b) overlap from \(f.iso) to \(t?.iso ?? "…")")
        case .audienceOutsideTheme(let i, let a, let t):
            Phrase(vi: "bài \(i) hướng tới \(a), không thuộc đối tượng của \(t)",
                   en: "item \(i) addresses \(a), which theme \(t) does not list")
        case .channelWithoutSlots(let c): Phrase(vi: "kênh \(c) không có ngày phát hành nào",
            en: "channel \(c) has no slot days")
        case .unitLeftBeforeJoined: Phrase(vi: "ngày rời (left) trước ngày gia nhập (joined)",
            en: "left is before joined")
        case .clusterCycle(let path):
            Phrase(vi: "cụm nằm trong chính nó qua cột parent: \(path.joined(separator: " → "))",
                   en: "a cluster lies inside itself through its parent column: \(path.joined(separator: " → "))")
        case .phaseNotStarted(let project, let phase, let starts):
            Phrase(vi: "\(phase) của \(project) chưa bắt đầu: giai đoạn bắt đầu từ ngày "
                       + Localizer(.vi).date(starts) + ", chưa có gì để báo cáo",
                   en: "\(phase) of \(project) has not started: it starts on \(Localizer(.en).date(starts)), "
                       + "there is nothing to report yet")
        case .reportSectionMissing(let section):
            Phrase(vi: "thiếu mục \"\(section)\": báo cáo chính thức (--final) cần đủ các mục do cán bộ viết",
                   en: "section \"\(section)\" is missing: a final report (--final) needs every section officers "
                       + "write")
        case .weekdayExpected(let t):
            Phrase(vi: "\"\(t)\" phải là thứ trong tuần (mon … sun)", en: "\"\(t)\" must be a weekday (mon … sun)")
        case .dayOfMonthExpected(let t):
            Phrase(vi: "\"\(t)\" phải là ngày trong tháng (1–31)", en: "\"\(t)\" must be a day of the month (1–31)")
        case .shareOutOfRange(let t): Phrase(vi: "\"\(t)\" phải nằm trong khoảng 0 đến 1",
            en: "\"\(t)\" must lie between 0 and 1")
        case .pipeTable:
            Phrase(vi: "bảng kẻ bằng dấu | không phải CommonMark và sẽ in ra nguyên dấu |; hãy viết thành đoạn văn "
                + "hoặc danh sách",
                   en: "pipe tables are not CommonMark and print as raw pipes; write it as prose or a list")
        case .remoteImage(let u):
            Phrase(vi: "ảnh \"\(u)\" nằm trên mạng; hãy lưu ảnh vào content/media/ và dẫn tới tệp đó (tài liệu không "
                + "tải gì từ mạng)",
                   en: "image \"\(u)\" is on the network; save it in content/media/ and link the file (documents load "
                       + "nothing remote)")
        case .imageOutsideMedia(let u):
            Phrase(vi: "ảnh \"\(u)\" phải là đường dẫn tương đối trong content/, ví dụ media/anh.jpg",
                   en: "image \"\(u)\" must be a relative path inside content/, e.g. media/photo.jpg")
        case .imageMissing(let u):
            Phrase(vi: "không tìm thấy ảnh \"\(u)\" trong content/ hoặc content/media/",
                en: "image \"\(u)\" is not in content/ or content/media/")
        case .icsBadLine: Phrase(vi: "dòng iCalendar không hợp lệ (thiếu dấu :)",
            en: "invalid iCalendar line (no colon)")
        case .icsUnbalanced(let c): Phrase(vi: "BEGIN/END:\(c) không khớp", en: "unbalanced BEGIN/END:\(c)")
        case .icsMissingProperty(let p): Phrase(vi: "sự kiện thiếu \(p)", en: "event has no \(p)")
        case .icsBadDate(let t): Phrase(vi: "ngày iCalendar không hợp lệ \"\(t)\"",
            en: "invalid iCalendar date \"\(t)\"")
        case .icsNotYearly(let r):
            Phrase(vi: "chỉ hỗ trợ RRULE:FREQ=YEARLY, không phải \"\(r)\"",
                en: "only RRULE:FREQ=YEARLY is supported, not \"\(r)\"")
        case .pinBreaks(let item, let channel, let date, let rule):
            Phrase(vi: "bài \(item) ghim ngày \(date.iso) trên kênh \(channel) vi phạm ",
                   en: "item \(item) pinned to \(date.iso) on \(channel) breaks ") + rule.phrase
        case .pinWithoutSlot(let item, let channels, let date):
            Phrase(vi: "bài \(item) ghim ngày \(date.iso) nhưng không kênh nào của bài (\(Message.join(channels))) "
                       + "có kỳ phát hành ngày đó (quy tắc 7)",
                   en: "item \(item) is pinned to \(date.iso) but none of its channels (\(Message.join(channels))) "
                       + "has a slot that day (rule 7)")
        case .nothingConfirmed(let c, let d):
            Phrase(vi: "không có bài nào đã xác nhận cho kênh \(c) ngày \(d.iso); hãy chạy: loa plan "
                + "\(d.monthOfYear.iso) "
                       + "--confirm (hoặc đổi STATUS thành CONFIRMED trong lịch)",
                   en: "no confirmed entries for \(c) on \(d.iso); run: loa plan \(d.monthOfYear.iso) --confirm "
                       + "(or set STATUS:CONFIRMED in the calendar)")
        case .unitAbsentInMonth(let u, let m):
            Phrase(vi: "đơn vị \(u) không tồn tại trong tháng \(m.iso)", en: "unit \(u) does not exist in \(m.iso)")
        case .unitAbsentOnDay(let u, let d):
            Phrase(vi: "đơn vị \(u) không tồn tại vào ngày \(d.iso)", en: "unit \(u) does not exist on \(d.iso)")
        case .submittedAfterToday(let s, let today):
            Phrase(vi: "ngày gửi \(s.iso) sau ngày nhập \(today.iso)",
                en: "submitted \(s.iso) is after the import day \(today.iso)")
        case .periodNotBegun(let m): Phrase(vi: "kỳ báo cáo \(m.iso) chưa bắt đầu", en: "period \(m.iso) has not begun")
        case .activityOutsidePeriod(let d, let m):
            Phrase(vi: "ngày \(d.iso) nằm ngoài kỳ báo cáo \(m.iso)",
                en: "date \(d.iso) is outside the period \(m.iso)")
        case .activityAfterToday(let d, let today):
            Phrase(vi: "ngày hoạt động \(d.iso) sau ngày nhập \(today.iso)",
                   en: "activity date \(d.iso) is after the import day \(today.iso)")
        case .participantsTooMany(let n, let limit):
            Phrase(vi: "\(n) người tham dự là không thể; số người tham dự phải nhỏ hơn \(limit)",
                   en: "\(n) participants is not plausible; participants must be below \(limit)")
        case .participantsAboveMembers(let n, let members, let factor):
            Phrase(vi: "\(n) người tham dự, gấp hơn \(factor) lần số đoàn viên của đơn vị (\(members))",
                   en: "\(n) participants is over \(factor) times the unit's members (\(members))")
        case .unitNotYours(let u, let yours):
            Phrase(vi: "báo cáo này là của đơn vị \(u); đơn vị của bạn là \(yours)",
                   en: "this report belongs to unit \(u); yours is \(yours)")
        case .noActivityButActivities:
            Phrase(vi: "báo cáo ghi \"no_activity: true\" nhưng vẫn liệt kê hoạt động",
                   en: "the report says \"no_activity: true\" but lists activities")
        case .notSpreadsheetText:
            Phrase(vi: "không đọc được tệp; hãy lưu tệp dạng CSV UTF-8 (trong Excel: Lưu thành, chọn CSV UTF-8)",
                   en: "the file cannot be read; save it as CSV UTF-8 (in Excel: Save As, then CSV UTF-8)")
        case .moreWarnings(let n):
            Phrase(vi: "còn \(n) cảnh báo khác trong tệp này", en: "\(n) more warnings in this file")
        case .alertResolvedAlready(let id): Phrase(vi: "cảnh báo #\(id) đã kết thúc theo dõi",
                                                   en: "alert #\(id) is already resolved")
        case .noEscalation(let id): Phrase(vi: "cảnh báo #\(id) chưa được báo cáo lên cấp có thẩm quyền",
                                           en: "alert #\(id) has not been reported to an authority yet")
        case .noSuchAlert(let id): Phrase(vi: "không có cảnh báo số \(id)", en: "no alert #\(id)")
        case .emptyNote: Phrase(vi: "nội dung ghi nhận không được để trống", en: "the note is empty")
        case .noOpenAlert(let id):
            Phrase(vi: "không có cảnh báo đang mở số \(id) (xem: loa alerts)",
                en: "no open alert #\(id) (see: loa alerts)")
        case .databaseMissing(let p):
            Phrase(vi: "\(p): chưa có cơ sở dữ liệu (chưa ghi nhận gì); kiểm tra lại --db hoặc nhập báo cáo trước",
                   en: "\(p): no such database (nothing recorded yet); check --db, or import reports first")
        case .databaseTooNew(let p, let v, let known):
            Phrase(vi: "\(p): cơ sở dữ liệu phiên bản \(v) mới hơn phiên bản loa này hỗ trợ (\(known)); hãy cập nhật "
                + "loa",
                   en: "\(p): database version \(v) is newer than this loa supports (\(known)); update loa")
        case .databaseBusy(let p):
            Phrase(vi: "\(p): cơ sở dữ liệu đang bị khóa bởi tiến trình khác (đã chờ hết thời gian)",
                   en: "\(p): the database is still locked by another process after the busy timeout")
        case .databaseFailed(let p, let reason): Phrase(both: "\(p): \(reason)")
        case .unknownCommand(let c, let s):
            Phrase(vi: "không có lệnh \"\(c)\"", en: "unknown command \"\(c)\"") + Message.didYouMean(s)
                + Phrase(vi: " (xem: loa help)", en: " (see: loa help)")
        case .unknownSubcommand(let c, let parent, let s):
            Phrase(vi: "lệnh \"loa \(parent)\" không có lệnh con \"\(c)\"",
                en: "\"loa \(parent)\" has no subcommand \"\(c)\"")
                + Message.didYouMean(s) + Phrase(vi: " (xem: loa help \(parent))", en: " (see: loa help \(parent))")
        case .unknownOption(let o, let s):
            Phrase(vi: "tùy chọn không hợp lệ \"\(o)\"", en: "unknown option \"\(o)\"") + Message.didYouMean(s)
        case .optionNeedsValue(let o): Phrase(vi: "tùy chọn \(o) cần một giá trị", en: "option \(o) needs a value")
        case .missingArgument(let a): Phrase(vi: "thiếu tham số \(a)", en: "missing argument \(a)")
        case .tooManyArguments(let a): Phrase(vi: "thừa tham số \"\(a)\"", en: "unexpected argument \"\(a)\"")
        case .invalidArgument(let a, let e):
            Phrase(vi: "tham số \"\(a)\" không hợp lệ (cần \(e))", en: "invalid argument \"\(a)\" (expected \(e))")
        case .workspaceNotFound:
            Phrase(vi: "không tìm thấy không gian làm việc (thư mục có content/plan.yml); dùng --workspace DIR hoặc "
                + "loa init DIR",
                   en: "no workspace found (a folder holding content/plan.yml); use --workspace DIR or loa init DIR")
        case .shippedWorkspaceNotFound:
            Phrase(vi: "không tìm thấy không gian làm việc mẫu; đặt LOA_HOME là thư mục mã nguồn Loa",
                   en: "cannot find the shipped workspace; set LOA_HOME to Loa's source folder")
        case .workspaceExists(let p): Phrase(vi: "\(p) đã tồn tại và không trống",
            en: "\(p) already exists and is not empty")
        case .itemExists(let p): Phrase(vi: "bài \(p) đã tồn tại", en: "item \(p) already exists")
        case .targetExists(let p): Phrase(vi: "\(p) đã tồn tại; hãy chọn tên khác",
            en: "\(p) exists; choose another name")
        case .controlCharacter(let v):
            Phrase(vi: "ký tự điều khiển \(Message.codePoint(v)) không được phép trong văn bản; hãy xóa nó",
                   en: "control character \(Message.codePoint(v)) is not allowed in text; delete it")
        case .fileTooLarge(let size, let limit):
            size.map { size in
                Phrase(vi: "tệp quá lớn (\(sizeText(size))); Loa chỉ đọc tệp văn bản tối đa \(sizeText(limit))",
                       en: "file too large (\(sizeText(size))); Loa reads text files of at most \(sizeText(limit))")
            } ?? Phrase(vi: "tệp lớn hơn \(sizeText(limit)), giới hạn Loa đọc",
                        en: "file larger than \(sizeText(limit)), the most Loa reads")
        case .notRegularFile(let p):
            Phrase(vi: "\(p) không phải là tệp thông thường (mà là thư mục, thiết bị hoặc ống dẫn)",
                   en: "\(p) is not a regular file (it is a folder, device or pipe)")
        case .csvFieldTooLong(let limit): Phrase(vi: "ô dài hơn \(sizeText(limit))",
            en: "field longer than \(sizeText(limit))")
        case .csvTooManyFields(let limit): Phrase(vi: "dòng có hơn \(limit) ô", en: "row has more than \(limit) fields")
        case .csvRowTooLong(let limit): Phrase(vi: "dòng dài hơn \(sizeText(limit))",
            en: "row longer than \(sizeText(limit))")
        case .csvTextAfterQuote:
            Phrase(vi: "có ký tự sau dấu nháy kép đóng ô; dấu nháy bên trong ô phải viết hai lần (\"\")",
                   en: "text after the closing quote of a field; write a quote inside a quoted field as \"\"")
        case .yamlTabOutsideQuotes:
            Phrase(vi: "ký tự tab chỉ được nằm trong chuỗi có dấu nháy hoặc khối |; hãy dùng dấu cách",
                   en: "tab character outside quotes or a | block; use spaces")
        case .yamlPlainColon(let s):
            Phrase(vi: "dấu \":\" theo sau là dấu cách hoặc ở cuối dòng là cú pháp khóa của YAML; "
                       + "hãy đặt cả giá trị trong dấu nháy kép: \(s)",
                   en: "\":\" followed by a space or ending the line is YAML syntax for a key; "
                       + "put the whole value in double quotes: \(s)")
        case .yamlPlainIndicator(let c, let s):
            Phrase(vi: "giá trị không có dấu nháy không được bắt đầu bằng \"\(c)\"; hãy đặt nó trong dấu nháy kép: "
                + "\(s)",
                   en: "a value cannot begin with \"\(c)\" unless it is quoted: \(s)")
        case .yamlFlowCharacter(let c, let s):
            Phrase(vi: "\"\(c)\" không được nằm trong phần tử của danh sách [ … ] nếu không có dấu nháy: \(s)",
                   en: "\"\(c)\" is not allowed in an item of a [ … ] list unless the item is quoted: \(s)")
        case .yamlTooDeep(let limit):
            Phrase(vi: "cấu trúc lồng nhau sâu hơn \(limit) cấp", en: "nesting deeper than \(limit) levels")
        case .yamlQuotedIndent:
            Phrase(vi: "dòng tiếp theo của chuỗi trong dấu nháy phải thụt lề sâu hơn khóa của nó",
                   en: "a quoted value continued on this line must be indented more than its key")
        case .listEntryIsMapping(let k, let e, let s):
            Phrase(vi: "một phần tử của \"\(k)\" là cặp khóa: giá trị (\(e)) trong khi cần một giá trị; "
                       + "nếu là văn bản, hãy đặt trong dấu nháy kép: \"\(e)\"",
                   en: "an entry of \"\(k)\" is a mapping (\(e)) where a value was expected; "
                       + "if it is text, quote it: \"\(e)\"") + Message.didYouMean(s)
        case .outOfRange(let t):
            Phrase(vi: "\"\(t)\" nằm ngoài khoảng năm \(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)",
                   en: "\"\(t)\" is outside the years \(Day.inputYears.lowerBound)–\(Day.inputYears.upperBound)")
        case .yamlKeyTooLong(let limit):
            Phrase(vi: "khóa dài hơn \(limit) ký tự", en: "key longer than \(limit) characters")
        case .userExists(let n): Phrase(vi: "người dùng \(n) đã có (đổi mật khẩu: loa user passwd \(n))",
                                        en: "user \(n) already exists (new password: loa user passwd \(n))")
        case .noSuchUser(let n): Phrase(vi: "không có người dùng \(n)", en: "no user \(n)")
        case .passwordsDiffer: Phrase(vi: "hai lần nhập mật khẩu không khớp", en: "the two passwords differ")
        case .passwordTooShort(let n): Phrase(vi: "mật khẩu phải dài ít nhất \(n) ký tự",
            en: "the password must be at least \(n) characters")
        case .passwordOneCharacter: Phrase(vi: "mật khẩu không được chỉ lặp lại một ký tự",
                                           en: "the password must not be one character repeated")
        case .passwordCommon: Phrase(vi: "mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác",
                                     en: "this password is too common and easily guessed; choose another")
        case .notPositive(let key): Phrase(vi: "\(key) phải là số nguyên lớn hơn 0",
                                           en: "\(key) must be a whole number above 0")
        case .serverKeyMissing(let path):
            Phrase(vi: "\(path): không có khóa máy chủ, nên không mở được đường dẫn nào đã in. Hãy khôi phục tệp "
                + "khóa từ bản sao lưu; hoặc chạy lại với --new-key để tạo khóa mới (mọi đường dẫn và mã QR đã in "
                + "sẽ không dùng được nữa, phải in lại bằng loa links)",
                   en: "\(path): the server key is missing, so no printed link can open. Restore the key file from "
                + "a backup, or run again with --new-key to make a new one (every printed link and QR card then "
                + "stops working and must be printed again with loa links)")
        case .verbatim(let t): Phrase(both: t)
        case .officer(let o): o.phrase
        case .delivery(let d): d.phrase
        case .item(let i): i.phrase
        case .calendar(let c): c.phrase
        }
    }

    static func didYouMean(_ s: String?) -> Phrase {
        guard let s else { return .empty }
        return Phrase(vi: "; có phải ý bạn là \"\(s)\"?", en: "; did you mean \"\(s)\"?")
    }

    /// `U+001B`: a code point as Unicode writes it.
    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func join(_ ids: [ChannelID]) -> String { ids.map(\.rawValue).joined(separator: ", ") }
}

extension PlanRule: Localizable {
    public var phrase: Phrase {
        switch self {
        case .channel: Phrase(vi: "quy tắc 1: bài chỉ lên kênh bài đó liệt kê",
            en: "rule 1: an item goes only to a channel it lists")
        case .approval:
            Phrase(vi: "quy tắc 2: bài phải ở trạng thái approved và được duyệt trước ngày phát hành ít nhất "
                + "lead_days ngày",
                   en: "rule 2: the item must be approved, at least lead_days before the slot")
        case .window:
            Phrase(vi: "quy tắc 3: ngày phát hành phải trong khung not_before/not_after và trong giai đoạn đang triển "
                + "khai",
                   en: "rule 3: the slot must lie inside the item's window and an active phase of its themes")
        case .capacity: Phrase(vi: "quy tắc 4: số bài vượt sức chứa của kênh",
            en: "rule 4: the slot is over the channel's capacity")
        case .repeatOnChannel:
            Phrase(vi: "quy tắc 5: bài đã lên kênh này (đã đăng hoặc đã xác nhận)",
                   en: "rule 5: the item is already published or confirmed on this channel")
        case .observance: Phrase(vi: "quy tắc 6: bài gắn ngày kỷ niệm", en: "rule 6: observance item")
        case .pin:
            Phrase(vi: "quy tắc 7: ngày ghim không có kỳ phát hành của kênh nào của bài",
                   en: "rule 7: no slot of the item's channels on the pinned date")
        case .passed:
            Phrase(vi: "ngày phát hành đã qua: không đề xuất bài mới vào kỳ trước hôm nay",
                   en: "the slot's date has passed: nothing new is proposed for a slot before today")
        }
    }
}

extension ActivityType: Localizable {
    public var phrase: Phrase {
        switch self {
        case .hoiNghi: Phrase(vi: "Hội nghị", en: "Meeting")
        case .sinhHoatChuyenDe: Phrase(vi: "Sinh hoạt chuyên đề", en: "Topical session")
        case .tuyenTruyenMieng: Phrase(vi: "Tuyên truyền miệng", en: "Word of mouth")
        case .bangTin: Phrase(vi: "Bảng tin", en: "Bulletin board")
        case .mangXaHoi: Phrase(vi: "Mạng xã hội", en: "Social media")
        case .thiTimHieu: Phrase(vi: "Thi tìm hiểu", en: "Quiz contest")
        case .thamQuan: Phrase(vi: "Tham quan", en: "Study visit")
        case .khac: Phrase(vi: "Khác", en: "Other")
        }
    }
}

extension Mood: Localizable {
    public var phrase: Phrase {
        switch self {
        case .onDinh: Phrase(vi: "Ổn định", en: "Settled")
        case .quanTam: Phrase(vi: "Quan tâm", en: "Interested")
        case .loNgai: Phrase(vi: "Lo ngại", en: "Worried")
        }
    }
}

extension ItemStatus: Localizable {
    public var phrase: Phrase {
        switch self {
        case .draft: Phrase(vi: "bản nháp", en: "draft")
        case .review: Phrase(vi: "chờ duyệt", en: "in review")
        case .approved: Phrase(vi: "đã duyệt", en: "approved")
        case .archived: Phrase(vi: "lưu trữ", en: "archived")
        }
    }
}

extension Message {
    /// The error for a date text that is not a usable day: "outside the years" when it is a real date of a year
    /// Loa does not accept, "invalid" otherwise.
    public static func badDate(_ text: String) -> Message {
        Day.isOutOfRange(iso: text) ? .outOfRange(text) : .invalidDate(text)
    }
}
