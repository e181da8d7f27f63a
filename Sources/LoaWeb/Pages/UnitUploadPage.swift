import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/upload`: the offline path — a filled `.md` form or a `.csv` activity table, imported exactly as
/// `loa import` would, restricted to the unit's own code.
enum UnitUploadPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse { form(c, notice: nil, status: 200) }

    static func form(_ c: RequestContext, notice: HTML?, status: Int, extra: [HTML] = []) -> HTTPResponse {
        let t = c.t
        var body: [HTML] = [.el("h1", text: t(WebText.uploadTitle)), .el("p", [], text: t(WebText.uploadIntro))]
        if let notice { body.append(notice) }
        body += extra
        body.append(Pages.form(.unitUpload, c, attributes: [("enctype", "multipart/form-data")], [
            Pages.field(t(WebText.chooseFile), for: "file",
                        .el("input", [("type", "file"), ("id", "file"), ("name", "file"),
                            ("accept", ".md,.csv,text/markdown,text/csv")])),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.uploadButton))]),
        ]))
        return Pages.page(t(WebText.uploadTitle), context: c, status: status, body: body)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let code = try c.signedInUnit()
        let t = c.t
        guard let file = c.request.files.first(where: { $0.fieldName == "file" }), !file.bytes.isEmpty else {
            return form(c, notice: Pages.notice(t(WebText.uploadNoFile), kind: "error"), status: 422)
        }
        let name = (file.fileName as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard ext == "md" || ext == "csv" else {
            return form(c, notice: Pages.notice(t(WebText.uploadWrongType), kind: "error"), status: 422)
        }
        let ws = try c.workspace()
        let s = try c.session()
        // the upload goes through a private temporary file, so a table streams like any other
        let folder = UploadFolder.path(s.paths) + "/" + Secrets.base64URL(Secrets.randomBytes(12))
        let path = folder + "/upload." + ext
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results: [Importing.FileResult]
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            results = try Importing.importFiles([Importing.Source(path: path, shown: name)],
                                                options: .init(onlyUnit: code, archiveInbox: false), workspace: ws,
                                                    session: s)
        } catch let f as Failure {
            throw HTTPError(500, c.describe(f))
        }
        guard let r = results.first else { throw HTTPError(500, t(WebText.serverError)) }
        let outcome: WebText = switch r.outcome {
        case .imported: .resultImported
        case .unchanged: .resultUnchanged
        case .corrected: .resultCorrected
        case .rejected: .resultRejected
        }
        var extra: [HTML] = [.el("h2", text: t(WebText.uploadResult(name)))]
        extra.append(Pages.notice(t(outcome), kind: r.outcome == .rejected ? "error" : "ok"))
        if !r.errors.isEmpty {
            extra.append(.el("ul", [("class", "errors")],
                r.errors.map { .el("li", [], [.el("code", text: $0.rendered(c.language))]) }))
        }
        return form(c, notice: nil, status: r.outcome == .rejected ? 422 : 200, extra: extra)
    }
}
