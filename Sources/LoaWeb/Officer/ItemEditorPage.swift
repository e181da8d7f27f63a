import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// The item editor (SPEC §9.7): `/items/new` and `/items/ID/edit`. Title, themes chosen by their titles, audiences,
/// channels, summary and a Markdown body with a preview ("Xem trước", a submit button: no script needed), pictures
/// uploaded into `content/media/`. Saved through `Editorial.create` (the file `loa new item` writes) or
/// `Editorial.update`, audited; invalid input is 422 with each error beside its field, nothing written.
enum ItemEditorPage {
    static let maxTitle = 200, maxSummary = 500, maxBody = 100_000

    /// What the form holds.
    struct Values {
        var title = "", themes: [String] = [], audiences: [String] = [], channels: [String] = []
        var summary = "", body = "", folder = "", imageAlt = ""

        init() {}

        init(_ item: Item) {
            title = item.title
            themes = item.themeRefs.map(\.description)
            audiences = item.audiences.map(\.value.rawValue)
            channels = item.channels.map(\.value.rawValue)
            summary = item.summary ?? ""
            body = ItemReview.isPlaceholder(item.body) ? "" : ItemTemplate.normalized(item.body)
        }

        init(_ r: HTTPRequest) {
            func one(_ n: String) -> String { r.formValue(n) ?? "" }
            title = one("title").trimmingCharacters(in: .whitespacesAndNewlines)
            themes = r.formValues("themes")
            audiences = r.formValues("audiences")
            channels = r.formValues("channels")
            summary = one("summary").trimmingCharacters(in: .whitespacesAndNewlines)
            body = one("body")
            folder = one("folder")
            imageAlt = one("image-alt").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func get(_ id: ItemID?, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let values = try id.map { Values(try ItemPage.item($0, ws, c)) } ?? Values()
        return try render(id, values, c, problems: FieldErrors(), preview: false, status: 200)
    }

    static func post(_ id: ItemID?, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let name = try c.signedInUser()
        let ws = try c.workspace()
        let existing = try id.map { try ItemPage.item($0, ws, c) }
        var values = Values(c.request)
        let previewing = c.request.formValue("action") == "preview"
        var problems = previewing ? FieldErrors() : check(values, ws, t, new: existing == nil)
        var notices: [HTML] = []
        if let file = c.request.files.first(where: { $0.fieldName == "image" }),
           !file.bytes.isEmpty || !file.fileName.isEmpty {
            if let problem = ItemImages.problem(file.bytes) {
                problems.add("image", t(problem.text))
            } else if problems.isEmpty {
                // the picture is stored once the rest of the form is right, or for a preview
                switch try c.changing({ _, s throws(Failure) in
                    try ItemImages.store(file.bytes, originalName: file.fileName, session: s)
                }) {
                case .success(let reference):
                    let caption = values.imageAlt.isEmpty ? values.title : values.imageAlt
                    let alt = caption.replacingOccurrences(of: "]", with: ")").replacingOccurrences(of: "[", with: "(")
                    values.body = ItemTemplate.normalized(values.body) + "\n\n![\(alt)](\(reference))\n"
                    values.imageAlt = ""
                    notices.append(Pages.notice(t(ItemText.imageAdded(String(reference.dropFirst(6))))))
                case .failure(let f): return try render(id, values, c, problems: problems, preview: true,
                                                         status: 422, failure: f)
                }
            }
        }
        if !problems.isEmpty { return try render(id, values, c, problems: problems, preview: previewing, status: 422) }
        if previewing { return try render(id, values, c, problems: problems, preview: true, status: 200, notices) }
        if let id, let item = existing {
            let content = ItemContent(title: values.title, themes: values.themes, channels: values.channels,
                                      audiences: values.audiences, summary: values.summary, body: values.body)
            switch try c.changing({ ws, s throws(Failure) in try Editorial.update(id, content, workspace: ws,
                                                                                    session: s) }) {
            case .success(.unchanged): return .redirect(to: .item(id), [("done", "unchanged")])
            case .success: return .redirect(to: .item(id), [("done", item.status == .approved ? "savedWithdrawn"
                                                                                                 : "saved")])
            case .failure(let f): return try render(id, values, c, problems: problems, preview: false, status: 422,
                                                    failure: f)
            }
        }
        let new = NewItem(title: values.title, themes: values.themes, channels: values.channels.map { ChannelID($0) },
                          author: name, summary: values.summary, folder: values.folder.isEmpty ? nil : values.folder,
                          audiences: values.audiences, body: values.body)
        switch try c.changing({ ws, s throws(Failure) in try Editorial.create(new, workspace: ws, session: s) }) {
        case .success(let file):
            let created = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            return .redirect(to: .item(ItemID(created)), [("done", "created")])
        case .failure(let f): return try render(id, values, c, problems: problems, preview: false, status: 422,
                                                failure: f)
        }
    }

    /// The problems of a form about to be saved, in words beside each field.
    static func check(_ v: Values, _ ws: Workspace, _ t: Localizer, new: Bool) -> FieldErrors {
        var p = FieldErrors()
        if v.title.isEmpty { p.add("title", t(ItemText.needsTitle)) }
        if v.title.count > maxTitle || v.title.contains(where: \.isNewline) {
            p.add("title", t(ItemText.titleTooLong(maxTitle)))
        }
        if new, !v.title.isEmpty {
            let id = String(v.title.slug.prefix(60))
            if !isValidId(id) {
                p.add("title", t(ItemText.idInvalid))
            } else if ws.items.contains(where: { $0.id.value.rawValue == id }) {
                p.add("title", t(ItemText.idTaken))
            }
        }
        let themes = Set(ws.plan.allThemes.map(\.ref.description))
        if v.themes.isEmpty { p.add("themes", t(ItemText.needsTheme)) }
        if v.themes.contains(where: { !themes.contains($0) }) { p.add("themes", t(ItemText.unknownChoice)) }
        let audiences = Set(ws.plan.audiences.map(\.id.value.rawValue))
        if v.audiences.contains(where: { !audiences.contains($0) }) { p.add("audiences", t(ItemText.unknownChoice)) }
        let channels = Set(ws.channels.map(\.id.value.rawValue))
        if v.channels.isEmpty { p.add("channels", t(ItemText.needsChannel)) }
        if v.channels.contains(where: { !channels.contains($0) }) { p.add("channels", t(ItemText.unknownChoice)) }
        if v.summary.count > maxSummary || v.summary.contains(where: \.isNewline) {
            p.add("summary", t(ItemText.summaryOneLine))
        }
        if v.body.count > maxBody { p.add("body", t(ItemText.bodyTooLong(maxBody))) }
        if new, !v.folder.isEmpty, !folders(ws).contains(v.folder) { p.add("folder", t(ItemText.unknownChoice)) }
        return p
    }

    /// The item folders under `content/items/` (the officer picks one of them, never types a path).
    static func folders(_ ws: Workspace) -> [String] {
        Array(Set(ws.items.compactMap { i -> String? in
            let parts = i.path.split(separator: "/")
            return parts.count > 3 ? parts[2..<(parts.count - 1)].joined(separator: "/") : nil
        })).sorted()
    }

    static func render(_ id: ItemID?, _ v: Values, _ c: RequestContext, problems: FieldErrors, preview: Bool,
                       status: Int, failure: Failure? = nil, _ notices: [HTML] = []) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let item = try id.map { try ItemPage.item($0, ws, c) }
        let heading = item.map { t(ItemText.editTitle($0.title)) } ?? t(OfficerText.newItem)
        var body: [HTML] = [.el("p", [], [.el("a", [("href", (id.map { Route.item($0) } ?? .items).path)],
                                              text: "← " + (item?.title ?? t(OfficerText.itemsTitle)))]),
                            .el("h1", [("lang", "vi")], text: heading)]
        body += notices
        if let failure { body.append(OfficerUI.failure(failure, c)) }
        if let box = problems.summaryBox(t, shown: nil, anchor: anchor) { body.append(box) }
        if item?.status == .approved { body.append(Pages.notice(t(ItemText.withdrawnOnSave), kind: "info")) }
        // the preview first (on a phone, the page a button press answers opens at its top); on a wide screen it
        // stays beside the form as the officer scrolls
        let editor = form(id, v, ws, c, problems)
        body.append(preview ? .el("div", [("class", "editor")], [.el("section", [("class", "preview-pane")],
                                                                        previewSection(v, c)), editor]) : editor)
        return OfficerUI.page(heading, c, status: status, body)
    }

    /// The element a problem's link goes to: the field itself, or a group's first box.
    static func anchor(_ field: String) -> String {
        ["themes": "themes-group", "audiences": "audiences-group", "channels": "channels-group"][field] ?? field
    }

    static func form(_ id: ItemID?, _ v: Values, _ ws: Workspace, _ c: RequestContext, _ p: FieldErrors) -> HTML {
        let t = c.t
        let chosenThemes = Set(v.themes), chosenAudiences = Set(v.audiences), chosenChannels = Set(v.channels)
        let projects: [HTML] = ws.plan.projects.map { project in
            let refs = project.phases.flatMap { ph in
                ph.themes.map { "\(project.id.value)/\(ph.id.value)/\($0.id.value)" }
            }
            let open = refs.contains(where: chosenThemes.contains)
            return .el("details", open ? [("open", "")] : [], [.el("summary", text: project.name)]
                + project.phases.flatMap { ph -> [HTML] in
                    [.el("p", [("class", "muted")], text: ph.name)] + ph.themes.map { th in
                        let ref = "\(project.id.value)/\(ph.id.value)/\(th.id.value)"
                        return Pages.checkbox("themes", value: ref, label: th.title,
                                              checked: chosenThemes.contains(ref), id: "theme-" + ref.slugForID)
                    }
                })
        }
        func group(_ field: String, _ legend: String, hint: String, _ boxes: [HTML]) -> HTML {
            let errors = p.on(field)
            return .el("fieldset", [("id", anchor(field)), ("class", errors.isEmpty ? "field" : "field invalid")],
                       [.el("legend", text: legend), .el("small", text: hint)] + Pages.errorLines(errors, id: field)
                        + boxes)
        }
        var fields: [HTML] = [
            Pages.field(t(OfficerText.title), for: "title",
                        Pages.input("title", value: v.title, attributes: [("required", ""), ("maxlength", "200")],
                                    invalid: !p.on("title").isEmpty), errors: p.on("title")),
            group("themes", t(WebText.themes), hint: t(ItemText.themesHint), projects),
            group("audiences", t(ItemText.audiences), hint: t(ItemText.audiencesHint), ws.plan.audiences.map { a in
                let id = a.id.value.rawValue
                return Pages.checkbox("audiences", value: id, label: a.name, checked: chosenAudiences.contains(id),
                                      id: "audience-" + id)
            }),
            group("channels", t(OfficerText.channels), hint: t(ItemText.channelsHint), ws.channels.map { ch in
                let id = ch.id.value.rawValue
                return Pages.checkbox("channels", value: id, label: ch.name, checked: chosenChannels.contains(id),
                                      id: "channel-" + id)
            }),
            Pages.field(t(ItemText.summary), for: "summary",
                        Pages.input("summary", value: v.summary, attributes: [("maxlength", "500")],
                                    invalid: !p.on("summary").isEmpty), errors: p.on("summary")),
            Pages.field(t(ItemText.body), for: "body",
                        Pages.textarea("body", value: v.body, rows: 14, invalid: !p.on("body").isEmpty),
                        errors: p.on("body"), hint: t(ItemText.bodyHint)),
            Pages.field(t(ItemText.image), for: "image",
                        .el("input", [("type", "file"), ("id", "image"), ("name", "image"),
                                      ("accept", "image/png,image/jpeg,image/webp,image/gif")]
                            + (p.on("image").isEmpty ? [] : [("aria-invalid", "true")])),
                        errors: p.on("image"), hint: t(ItemText.imageHint)),
            Pages.field(t(ItemText.imageAlt), for: "image-alt", Pages.input("image-alt", value: v.imageAlt)),
        ]
        if id == nil {
            let folders = folders(ws)
            if !folders.isEmpty {
                fields.append(Pages.field(t(OfficerText.folder), for: "folder",
                                          Pages.select("folder", options: [("", t(OfficerText.all))]
                                                        + folders.map { ($0, $0) }, selected: v.folder),
                                          errors: p.on("folder")))
            }
        }
        fields.append(.el("div", [("class", "actions")], [
            .el("button", [("type", "submit"), ("name", "action"), ("value", "preview"), ("class", "secondary")],
                text: t(ItemText.previewButton)),
            .el("button", [("type", "submit"), ("name", "action"), ("value", "save")], text: t(ItemText.save)),
        ]))
        return Pages.form(id.map { .itemEdit($0) } ?? .newItem, c, attributes: [("enctype", "multipart/form-data")],
                          fields)
    }

    static func previewSection(_ v: Values, _ c: RequestContext) -> [HTML] {
        let t = c.t
        var article: [HTML] = [.el("h2", [("lang", "vi")], text: v.title)]
        if !v.summary.isEmpty { article.append(.el("p", [("class", "lead")], text: v.summary)) }
        let text = ItemTemplate.normalized(v.body)
        article.append(text.isEmpty ? .el("p", [("class", "muted")], text: t(ItemText.previewEmpty))
                                    : .trusted(previewHTML(text)))
        return [.el("h2", [("id", "preview")], text: t(ItemText.previewTitle)),
                .el("article", [("lang", "vi"), ("class", "preview")], article)]
    }

    /// An item's body as HTML for a page of this site: cmark's safe rendering, with the pictures of
    /// `content/media/` shown through `/media/NAME`.
    static func previewHTML(_ markdown: String) -> String {
        Markdown.html(markdown).replacingOccurrences(of: " src=\"media/", with: " src=\"/media/")
    }

    /// `GET /media/NAME`: a picture of `content/media/`, by a name that is one plain segment, served only when its
    /// first bytes say it is a picture.
    static func media(_ name: String, _ c: RequestContext) throws -> HTTPResponse {
        let plain = !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
        let s = try c.session()
        guard plain, let data = FileManager.default.contents(atPath: s.paths.media + "/" + name),
              data.count <= 4 * ItemImages.maxBytes, let kind = ItemImages.kind(of: Array(data)) else {
            throw HTTPError(404, c.t(WebText.notFound))
        }
        let type = switch kind {
        case .png: "image/png"
        case .jpg: "image/jpeg"
        case .webp: "image/webp"
        case .gif: "image/gif"
        }
        var r = HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", type)], body: Array(data))
        r.setHeader("Cache-Control", "private, no-cache")
        return r
    }
}
