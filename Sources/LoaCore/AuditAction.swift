/// What a line of the audit history says was done: a closed list, so every change on the command line and on the
/// web is one of these and each reads the same in every history. The raw value is what the database keeps.
public enum AuditAction: String, Sendable, CaseIterable {
    case formImported = "form imported"
    case formCorrected = "form corrected"
    case activitiesImported = "activities imported"
    case draftSaved = "draft saved"
    case activityLogged = "activity logged"
    case publication = "publication"
    case alertResolved = "alert resolved"
    case itemCreated = "item created"
    case itemApproved = "item approved"
    case itemSentBack = "item sent back"
    case itemPinned = "item pinned"
    case itemUnpinned = "item unpinned"
    case monthProposed = "month proposed"
    case monthConfirmed = "month confirmed"
    case linkRotated = "link rotated"
    case userAdded = "user added"
    case userChanged = "user changed"
    case userRemoved = "user removed"
    case reportTextSaved = "report text saved"
}
