import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/upload`: the offline path standing alone (SPEC §9.5) — the month's blank form and an activity table to
/// download, and a filled `.md` form or `.csv` table to send back, imported as `loa import` would
/// (`UnitReports.upload`), restricted to the unit's own code, its errors said in words.
enum UnitUploadPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse { try form(c, notice: nil, status: 200) }

    static func form(_ c: RequestContext, notice: HTML?, status: Int, extra: [HTML] = []) throws -> HTTPResponse {
        let t = c.t
        let unit = try UnitReportPage.unit(c)
        let expectation = try c.expectation()
        var body: [HTML] = [.el("h1", text: t(WebText.uploadTitle)), .el("p", [], text: t(WebText.uploadIntro))]
        if let notice { body.append(notice) }
        body += extra
        body.append(Pages.form(.unitUpload, c, attributes: [("enctype", "multipart/form-data")], [
            Pages.field(t(WebText.chooseFile), for: "file",
                        .el("input", [("type", "file"), ("id", "file"), ("name", "file"),
                                      ("accept", ".md,.csv,text/markdown,text/csv")])),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.uploadButton))]),
        ]))
        // the forms to fill offline: the report due now and this month's, and the activity table
        let months = [c.today.monthOfYear.previous, c.today.monthOfYear].filter {
            OpenMonths.isOpen($0, for: unit, expectation: expectation, today: c.today)
        }
        body.append(.el("h2", text: t(WebText.offlineTitle)))
        body.append(.el("p", [], text: t(WebText.offlineHowTo)))
        body.append(.el("ul", [("class", "plain")], months.map { m in
            .el("li", [], [.el("a", [("href", Route.unitBlankForm(m).path), ("download", "")],
                               text: t(WebText.blankForm(t.month(m))))])
        } + [.el("li", [], [.el("a", [("href", Route.unitActivityTemplate.path), ("download", "")],
                                    text: t(WebText.activityTemplate))])]))
        let types = ActivityType.allCases.map { t($0) }.joined(separator: ", ")
        let columns: [(String, WebText)] = [
            ("unit", .columnUnit(unit.code.value.rawValue)), ("date", .columnDate), ("type", .columnType(types)),
            ("title", .columnTitle), ("themes", .columnThemes), ("participants", .columnParticipants),
            ("items", .columnItems),
        ]
        body.append(.el("p", [], text: t(WebText.columnsHelp)))
        body.append(.el("dl", [("class", "facts")], columns.flatMap { key, help in
            [HTML.el("dt", text: FieldLabels.label(key, t) ?? ""), .el("dd", text: t(help))]
        }))
        return Pages.page(t(WebText.uploadTitle), context: c, status: status, body: body)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let code = try c.signedInUnit()
        let t = c.t
        guard let file = c.request.files.first(where: { $0.fieldName == "file" }), !file.bytes.isEmpty else {
            return try form(c, notice: Pages.notice(t(WebText.uploadNoFile), kind: "error"), status: 422)
        }
        let name = (file.fileName as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard ext == "md" || ext == "csv" else {
            return try form(c, notice: Pages.notice(t(WebText.uploadWrongType), kind: "error"), status: 422)
        }
        let (ws, s) = (try c.workspace(), try c.session())
        let upload = try c.workflow {
            try UnitReports.upload(file.bytes, fileName: name, unit: code, folder: UploadFolder.path(s.paths),
                                   workspace: ws, session: s)
        }
        let r = upload.result
        let outcome: WebText = switch r.outcome {
        case .imported: .resultImported
        case .unchanged: .resultUnchanged
        case .corrected: .resultCorrected
        case .rejected: .resultRejected
        }
        var extra: [HTML] = [.el("h2", text: t(WebText.uploadResult(name)))]
        extra.append(Pages.notice(t(outcome), kind: r.outcome == .rejected ? "error" : "ok"))
        if !upload.problems.isEmpty {
            extra.append(.el("ul", [("class", "errors")],
                             upload.problems.map { .el("li", text: FieldLabels.fileProblem($0, t)) }))
        }
        if r.outcome != .rejected, let period = r.period {
            extra.append(.el("p", [], [.el("a", [("href", Route.unitReportSent(period).path)],
                                           text: t(WebText.sentTitle(t.month(period))))]))
        }
        return try form(c, notice: nil, status: r.outcome == .rejected ? 422 : 200, extra: extra)
    }

    /// `/unit/report/YYYY-MM/form`: the month's blank form as `loa form` writes it, to fill offline.
    static func blankForm(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let unit = try UnitReportPage.unit(c)
        let m = try UnitReportPage.open(month, c, unit: unit)
        let (ws, s) = (try c.workspace(), try c.session())
        let text = try c.workflow { try UnitReports.blankForm(unit: unit, month: m, workspace: ws, session: s) }
        return download(Array(text.utf8), type: "text/markdown; charset=utf-8",
                        name: "\(unit.code.value)-\(m.iso).md")
    }

    /// `/unit/activities.csv`: the activity table to fill in a spreadsheet.
    static func activityTemplate(_ c: RequestContext) -> HTTPResponse {
        download(UnitReports.activityTemplate(), type: "text/csv; charset=utf-8", name: "hoat-dong.csv")
    }

    static func download(_ bytes: [UInt8], type: String, name: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", type),
                                            HTTPHeader("Content-Disposition", "attachment; filename=\"\(name)\""),
                                            HTTPHeader("Cache-Control", "no-store")], body: bytes)
    }
}
