/// The words of writing and approving items: the item editor, the four-eyes rule, the items list's search and bulk
/// decisions. Vietnamese and English side by side.
public enum ItemText: Sendable, Hashable, Localizable {
    // the rules
    case approverWroteIt(ItemID), placeholderBody(ItemID), leaderMayNotApprove
    // the editor
    case editTitle(String), edit, summary, body, bodyHint, themesHint, audiences, audiencesHint, channelsHint
    case image, imageHint, imageAlt, previewButton, save, previewTitle, previewEmpty, withdrawnOnSave
    case needsTitle, needsTheme, needsChannel, unknownChoice, titleTooLong(Int), summaryOneLine, bodyTooLong(Int)
    case imageWrongType, imageTooLarge(Int), imageEmpty, idTaken, idInvalid, imageAdded(String)
    case doneSaved, doneSavedWithdrawn
    // the list
    case searchLabel, searchPlaceholder, page(Int, of: Int), choose, chooseAll, bulkTitle
    case bulkHint, bulkApprove, bulkSendBack, bulkReason, bulkNothingChosen, bulkApproved(Int), bulkSentBack(Int)
    case bulkUnchanged(Int), bulkRefused(Int), bulkReasonNeeded
    case theme

    /// The notice a page shows after a redirect with `?done=KEY`, for the keys of the item editor.
    public static func done(_ key: String) -> ItemText? {
        ["saved": .doneSaved, "savedWithdrawn": .doneSavedWithdrawn][key]
    }

    public var phrase: Phrase {
        switch self {
        case .approverWroteIt(let id):
            Phrase(vi: "bài \(id) do chính người duyệt viết hoặc sửa; cần một người khác duyệt",
                   en: "the approver wrote or edited item \(id); someone else must approve it")
        case .placeholderBody(let id):
            Phrase(vi: "nội dung bài \(id) vẫn là đoạn mẫu; hãy viết nội dung bài trước khi duyệt",
                   en: "item \(id)'s body is still the template's placeholder; write it before approving")
        case .leaderMayNotApprove:
            Phrase(vi: "chỉ cán bộ nghiệp vụ hoặc lãnh đạo được giao duyệt bài mới duyệt được",
                   en: "only officers and leaders given approval may approve")
        case .editTitle(let title): Phrase(vi: "Sửa bài: \(title)", en: "Edit: \(title)")
        case .edit: Phrase(vi: "Sửa bài", en: "Edit")
        case .summary: Phrase(vi: "Tóm tắt", en: "Summary")
        case .body: Phrase(vi: "Nội dung bài", en: "Body")
        case .bodyHint:
            Phrase(vi: "Viết như thư thường; dòng trống tách đoạn, # ở đầu dòng là đề mục, **chữ đậm**, *chữ nghiêng*, "
                       + "- ở đầu dòng là gạch đầu dòng. Bấm «Xem trước» để xem bài sẽ hiện ra thế nào.",
                   en: "Write as in a letter; a blank line separates paragraphs, # starts a heading, **bold**, "
                       + "*italic*, - starts a bullet. Press Preview to see how it will look.")
        case .themesHint:
            Phrase(vi: "Chọn ít nhất một nội dung tuyên truyền của kế hoạch mà bài phục vụ.",
                   en: "Choose at least one of the plan's themes the item serves.")
        case .audiences: Phrase(vi: "Đối tượng", en: "Audiences")
        case .audiencesHint:
            Phrase(vi: "Không chọn thì bài dành cho đối tượng của các kênh đã chọn.",
                   en: "None chosen: the audiences of the chosen channels.")
        case .channelsHint: Phrase(vi: "Chọn ít nhất một kênh đăng bài.", en: "Choose at least one channel.")
        case .image: Phrase(vi: "Thêm ảnh", en: "Add a picture")
        case .imageHint:
            Phrase(vi: "Ảnh PNG, JPEG, WebP hoặc GIF, tối đa 5 MB; ảnh được chèn vào cuối nội dung bài khi bấm "
                       + "«Xem trước» hoặc «Lưu bài».",
                   en: "A PNG, JPEG, WebP or GIF picture of at most 5 MB; it is added at the end of the body when you "
                       + "press Preview or Save.")
        case .imageAlt: Phrase(vi: "Chú thích ảnh", en: "Picture caption")
        case .previewButton: Phrase(vi: "Xem trước", en: "Preview")
        case .save: Phrase(vi: "Lưu bài", en: "Save")
        case .previewTitle: Phrase(vi: "Bài sẽ hiện ra như sau", en: "How the item will look")
        case .previewEmpty: Phrase(vi: "(chưa có nội dung)", en: "(no body yet)")
        case .withdrawnOnSave:
            Phrase(vi: "Bài này đã được duyệt: lưu thay đổi sẽ bỏ việc duyệt, bài cần được duyệt lại.",
                   en: "This item is approved: saving a change withdraws the approval, and it must be approved again.")
        case .needsTitle: Phrase(vi: "Hãy nhập tiêu đề.", en: "Enter a title.")
        case .needsTheme: Phrase(vi: "Hãy chọn ít nhất một nội dung.", en: "Choose at least one theme.")
        case .needsChannel: Phrase(vi: "Hãy chọn ít nhất một kênh.", en: "Choose at least one channel.")
        case .unknownChoice:
            Phrase(vi: "Có lựa chọn không còn trong kế hoạch; hãy chọn lại.",
                   en: "A choice is no longer in the plan; choose again.")
        case .titleTooLong(let n): Phrase(vi: "Tiêu đề dài quá \(n) ký tự.", en: "The title is over \(n) characters.")
        case .summaryOneLine:
            Phrase(vi: "Tóm tắt là một câu trên một dòng, tối đa 500 ký tự.",
                   en: "The summary is one sentence on one line, at most 500 characters.")
        case .bodyTooLong(let n):
            Phrase(vi: "Nội dung bài dài quá \(n) ký tự.", en: "The body is over \(n) characters.")
        case .imageWrongType:
            Phrase(vi: "Tệp này không phải ảnh PNG, JPEG, WebP hay GIF.",
                   en: "This file is not a PNG, JPEG, WebP or GIF.")
        case .imageTooLarge(let mb):
            Phrase(vi: "Ảnh lớn quá \(mb) MB; hãy thu nhỏ ảnh rồi gửi lại.",
                   en: "The picture is over \(mb) MB; make it smaller and send it again.")
        case .imageEmpty: Phrase(vi: "Tệp ảnh trống.", en: "The picture file is empty.")
        case .idTaken:
            Phrase(vi: "Đã có bài với tiêu đề này; hãy đổi tiêu đề một chút.",
                   en: "An item with this title exists; change the title a little.")
        case .idInvalid:
            Phrase(vi: "Tiêu đề cần có ít nhất một chữ cái hoặc chữ số.", en: "The title needs a letter or a digit.")
        case .imageAdded(let name):
            Phrase(vi: "Đã thêm ảnh \(name) vào cuối nội dung bài.",
                   en: "Picture \(name) added at the end of the body.")
        case .doneSaved: Phrase(vi: "Đã lưu bài.", en: "The item was saved.")
        case .doneSavedWithdrawn:
            Phrase(vi: "Đã lưu bài; việc duyệt trước đây được bỏ, bài chờ duyệt lại.",
                   en: "The item was saved; its approval was withdrawn and it waits for approval again.")
        case .searchLabel: Phrase(vi: "Tìm bài", en: "Find items")
        case .searchPlaceholder: Phrase(vi: "tiêu đề, tóm tắt, nội dung", en: "title, summary, body")
        case .page(let n, let of): Phrase(vi: "Trang \(n)/\(of)", en: "Page \(n) of \(of)")
        case .choose: Phrase(vi: "Chọn", en: "Choose")
        case .chooseAll: Phrase(vi: "Chọn bài", en: "Choose")
        case .bulkTitle: Phrase(vi: "Duyệt hoặc trả lại các bài đã chọn", en: "Approve or send back the chosen items")
        case .bulkHint:
            Phrase(vi: "Mỗi bài được xét như khi duyệt riêng: bài do chính người duyệt viết hoặc nội dung còn là "
                       + "đoạn mẫu sẽ không được duyệt, và trang sẽ nói rõ lý do.",
                   en: "Each item is judged as if decided alone: one the approver wrote, or whose body is still the "
                       + "placeholder, is not approved, and the page says why.")
        case .bulkApprove: Phrase(vi: "Duyệt các bài đã chọn", en: "Approve the chosen items")
        case .bulkSendBack: Phrase(vi: "Trả lại các bài đã chọn", en: "Send back the chosen items")
        case .bulkReason: Phrase(vi: "Lý do trả lại (khi trả lại)", en: "Reason (when sending back)")
        case .bulkNothingChosen: Phrase(vi: "Chưa chọn bài nào.", en: "No item was chosen.")
        case .bulkApproved(let n): Phrase(vi: "Đã duyệt \(n) bài.", en: "\(n) approved.")
        case .bulkSentBack(let n): Phrase(vi: "Đã trả lại \(n) bài.", en: "\(n) sent back.")
        case .bulkUnchanged(let n): Phrase(vi: "\(n) bài đã như vậy từ trước.", en: "\(n) already read so.")
        case .bulkRefused(let n): Phrase(vi: "Không thực hiện được với \(n) bài:", en: "Not done for \(n):")
        case .bulkReasonNeeded:
            Phrase(vi: "Hãy ghi lý do trả lại để tác giả biết cần sửa gì.",
                   en: "Give the reason, so the authors know what to change.")
        case .theme: Phrase(vi: "Nội dung", en: "Theme")
        }
    }
}
