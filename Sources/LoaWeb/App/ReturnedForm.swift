import LoaCore

/// The values of a recording form that come back to the person who typed them instead of being recorded
/// (SPEC §9.5): nothing typed is lost, nothing is recorded.
struct ReturnedForm: Sendable {
    enum Reason: Sendable, Equatable {
        /// The unit's session had ended (a restart, 30 days): 401, asking to reopen the link.
        case sessionEnded
        /// The link is open again: the values, ready to send with this session's token (200).
        case resumed
        /// The form's one-time key was already used with other content: 409, to send as a new form.
        case keyReused

        var status: Int {
            switch self {
            case .sessionEnded: 401
            case .resumed: 200
            case .keyReused: 409
            }
        }
    }

    /// The hidden field a returned form carries so that, once the link is open again, its values come back
    /// ready to send rather than being refused for a missing token.
    static let resumeField = "resume"

    let reason: Reason
    /// The decoded path the values were posted to.
    let path: String
    /// What was posted, in order.
    let fields: [FormField]

    /// The fields to send again: the token and the resume marker are the page's own, and a reused key is
    /// replaced by a new one (the values then make a new form).
    var fieldsToSendAgain: [FormField] {
        let dropped: Set<String> = reason == .keyReused
            ? [CSRF.fieldName, ReturnedForm.resumeField, OnceOnly.keyField]
            : [CSRF.fieldName, ReturnedForm.resumeField]
        return fields.filter { !dropped.contains($0.name) }
    }
}
