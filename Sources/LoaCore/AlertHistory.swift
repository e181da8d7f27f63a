import Foundation

/// One step in following up a sensitive issue (SPEC §5.4): opened by a unit's report, escalated to an authority,
/// a note on working with it to settle the matter, the report's number once signed, resolved.
public struct AlertEvent: Sendable, Hashable {
    public enum Action: String, Sendable, CaseIterable {
        case opened, escalated, note, issued, resolved
    }
    public let on: Day
    /// The unit (opened) or the person who acted.
    public let by: String
    public let action: Action
    /// The authority an escalation went to.
    public let to: AuthorityID?
    public let note: String?
    /// The number and date the office gave the signed report (issued).
    public let number: String?
    public let issuedOn: Day?
    public init(on: Day, by: String, action: Action, to: AuthorityID? = nil, note: String? = nil,
                number: String? = nil, issuedOn: Day? = nil) {
        self.on = on; self.by = by; self.action = action; self.to = to; self.note = note; self.number = number
        self.issuedOn = issuedOn
    }
}

extension Alert {
    /// The alert's whole history in order: opened, what was recorded since, and resolved when it is.
    public func history(recorded events: [AlertEvent]) -> [AlertEvent] {
        var out = [AlertEvent(on: openedOn, by: unit.rawValue, action: .opened)] + events
        if let resolvedOn {
            out.append(AlertEvent(on: resolvedOn, by: resolvedBy ?? "", action: .resolved, note: note))
        }
        return out
    }
}

/// The rules of following up an alert, the same on the command line and the web.
public enum AlertFollowUpRules {
    /// A note or proposal as it is recorded: CRLF made LF, trimmed, no control characters, not empty, not too long.
    public static func note(_ text: String) throws(Failure) -> String {
        let t = text.precomposedStringWithCanonicalMapping.replacingCRLF.trimmingSpaces
        let refused = t.unicodeScalars.contains { $0.isControlOrLineBreak && $0 != "\n" && $0 != "\t" }
        guard !t.isEmpty, t.count <= ItemReview.maxTextLength, !refused else {
            throw Failure(.emptyNote, exitCode: ExitCode.usage)
        }
        return t
    }

    /// The number the office gave a document ("12"), trimmed; one line, not empty.
    public static func documentNumber(_ text: String) throws(Failure) -> String {
        let t = text.precomposedStringWithCanonicalMapping.trimmingSpaces
        guard !t.isEmpty, t.count <= 40, !t.unicodeScalars.contains(where: { $0.isControlOrLineBreak }) else {
            throw Failure(.missingArgument("--number N"), exitCode: ExitCode.usage)
        }
        return t
    }

    /// The alert to escalate or add to: it exists, and is still open.
    public static func open(_ alert: Alert?, id: Int) throws(Failure) -> Alert {
        guard let alert else { throw Failure(.noSuchAlert(id), exitCode: ExitCode.dataError) }
        guard alert.resolvedOn == nil else { throw Failure(.alertResolvedAlready(id), exitCode: ExitCode.dataError) }
        return alert
    }

    /// The authority of `plan.yml` with that id, or a usage error with a "did you mean".
    public static func authority(_ id: AuthorityID, in plan: Plan) throws(Failure) -> Authority {
        guard let a = plan.authorities.first(where: { $0.id.value == id }) else {
            throw Failure(.unknown(id, among: plan.authorities.map(\.id.value)), exitCode: ExitCode.usage)
        }
        return a
    }
}
