import LoaCore
import LoaStore

/// A unit saying it received an issue (SPEC §10): from its page ("Đã nhận") or its receipt link, whose token the
/// web checks first (`ReceiptToken.verify`). The month's report form then ticks the issue for it.
public enum Receipts {
    public enum Outcome: Sendable, Equatable {
        case confirmed
        /// The unit had said so before; nothing changed.
        case alreadyConfirmed
    }

    /// Records that `unit` received the issue `slot`, in one audited transaction. An issue not published, or not
    /// delivered to that unit, is an error (exit 65) and records nothing. Whatever its delivery's state (even
    /// pending or failed: the unit read it on its page, or got it on paper), it becomes `confirmed`, and is then
    /// never sent.
    public static func confirm(unit: UnitCode, issue slot: Slot, session s: Session) throws(Failure) -> Outcome {
        let store = try s.openStore()
        let changed = try s.guarded {
            try store.write { w in
                guard let publication = try w.reader.publication(slot) else {
                    throw Failure(.delivery(.notPublished(slot.description)))
                }
                guard try w.reader.wasDelivered(slot, to: unit) else {
                    throw Failure(.delivery(.notReceiving(unit: unit.rawValue, issue: slot.description)))
                }
                let medium = try w.reader.deliveries(of: slot).first?.medium ?? .print
                guard try w.confirmReceipt(publication, unit: unit, medium: medium, today: s.today) else {
                    return false
                }
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "receipt", action: .receiptConfirmed,
                                       subject: slot.description, detail: unit.rawValue))
                return true
            }
        }
        return changed ? .confirmed : .alreadyConfirmed
    }

    /// The issues delivered to a unit in a month with where its own delivery of each stands, in date order: the
    /// report form ticks those `confirmed` and offers the others.
    public static func receipts(of unit: UnitCode, in month: Month, session s: Session) throws(Failure) -> [Receipt] {
        try s.read(orEmpty: []) { try $0.receipts(of: unit, in: month) }
    }
}
