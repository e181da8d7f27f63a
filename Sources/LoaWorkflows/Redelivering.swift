import LoaCore
import LoaStore

extension Delivering {
    /// Sends one failed delivery again (the web issue page's "send again", `loa deliver --retry` for one unit),
    /// and records in the audit history who asked for it.
    public static func retry(_ slot: Slot, _ target: Target, workspace ws: Workspace,
                             session s: Session) throws(Failure) -> DeliveryReport {
        let run = try DeliveryRun.prepare(s)
        let report = try deliver(slot, workspace: ws, session: s, run: run, retrying: target)
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "deliver --retry",
                                       action: .deliveryRetried, subject: slot.description,
                                       detail: target.code?.rawValue ?? report.medium?.rawValue))
            }
        }
        return report
    }
}
