import LoaCore
import LoaStore

/// Returning a unit's sent report for correction (SPEC §9.7): an officer returns it with a comment, the unit reads
/// the comment on its pages and sends a correction (which ends the return), or an officer reopens it as it stood.
/// A returned report keeps counting as sent from its first submission (SPEC §9.5): the return changes no figure.
public enum Returning {
    /// The longest comment kept.
    public static let commentLimit = 2000

    public enum Outcome: Sendable, Equatable {
        case done
        /// The comment is empty or longer than `commentLimit`.
        case commentNeeded
        /// No report to return (none sent), or it is already returned; or, to reopen, none is returned.
        case notApplicable
    }

    /// A step of a month's report, oldest first.
    public enum Step: Sendable, Equatable {
        case sent(on: Day)
        case corrected(on: Day)
        case returned(on: Day, by: String, comment: String)
        case reopened(on: Day, by: String)
    }

    /// Returns the unit's current report of the month with a comment, audited.
    public static func returnReport(unit: UnitCode, period: Month, comment: String,
                                    session s: Session) throws(Failure) -> Outcome {
        let text = comment.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= commentLimit else { return .commentNeeded }
        let store = try s.openStore()
        let done = try s.guarded {
            try store.write { try $0.returnReport(unit: unit, period: period, comment: text, today: s.today,
                                                  actor: s.actor) }
        }
        return done ? .done : .notApplicable
    }

    /// Ends the month's return without a correction, audited.
    public static func reopen(unit: UnitCode, period: Month, session s: Session) throws(Failure) -> Outcome {
        let store = try s.openStore()
        let done = try s.guarded {
            try store.write { try $0.reopenReport(unit: unit, period: period, today: s.today, actor: s.actor) }
        }
        return done ? .done : .notApplicable
    }

    /// The open return of a unit's month, if any.
    public static func openReturn(unit: UnitCode, period: Month, session s: Session) throws(Failure) -> ReportReturn? {
        try s.read(orEmpty: nil) { try $0.openReturns(unit: unit)[period] }
    }

    /// The month's steps: each form sent (the first) or corrected, each return after the form it returned, and
    /// each reopening after its return.
    public static func history(unit: UnitCode, period: Month, session s: Session) throws(Failure) -> [Step] {
        try s.read(orEmpty: []) { r in
            let forms = try r.formVersions(unit: unit, period: period)
            let returns = try r.reportReturns(unit: unit, period: period)
            var steps: [Step] = []
            for (i, form) in forms.enumerated() {
                steps.append(i == 0 ? .sent(on: form.recordedOn) : .corrected(on: form.recordedOn))
                for ret in returns where ret.formId == form.id {
                    steps.append(.returned(on: ret.returnedOn, by: ret.returnedBy, comment: ret.comment))
                    if ret.ending == .reopened, let on = ret.endedOn {
                        steps.append(.reopened(on: on, by: ret.endedBy ?? ""))
                    }
                }
            }
            return steps
        }
    }
}
