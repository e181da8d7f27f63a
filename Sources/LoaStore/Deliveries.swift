import LoaCore

/// A published issue as the store knows it: its row and its slot.
public struct PublicationRef: Sendable, Hashable {
    public let id: Int
    public let slot: Slot
}

/// A delivery waiting to be sent: to a unit, or (`unit` nil) the issue's own.
public struct PendingDelivery: Sendable, Hashable {
    public let unit: UnitCode?
    public let medium: Medium
    public let state: DeliveryState
    public init(unit: UnitCode?, medium: Medium, state: DeliveryState) {
        self.unit = unit; self.medium = medium; self.state = state
    }
}

/// How one unit stands with an issue delivered to it in a month (for its report form and its page).
public struct Receipt: Sendable, Hashable {
    public let slot: Slot
    /// Nil when the unit has no delivery of its own (a Zalo OA issue it has not confirmed).
    public let state: DeliveryState?
}

extension StoreReader {
    public func publication(_ slot: Slot) throws -> PublicationRef? {
        let id = try db.scalarInt("SELECT id FROM publications WHERE channel = ? AND date = ?",
                                  [slot.channel, slot.date])
        return id == 0 ? nil : PublicationRef(id: id, slot: slot)
    }

    /// Every delivery of an issue: the issue's own first (unit nil), then the units' by code.
    public func deliveries(of slot: Slot) throws -> [DeliveryRecord] {
        try db.rows("""
            SELECT d.unit, d.medium, d.state, d.problem, d.changed_on, d.confirmed_on FROM issue_deliveries d
            JOIN publications p ON p.id = d.publication_id WHERE p.channel = ? AND p.date = ? ORDER BY d.unit
            """, [slot.channel, slot.date]) { r in try deliveryRecord(r, slot: slot) }
    }

    /// Deliveries in one state, of one issue or of all, in order of issue and unit (`sending` ones, say).
    public func deliveries(in state: DeliveryState, of slot: Slot? = nil) throws -> [DeliveryRecord] {
        let filter = slot == nil ? "" : " AND p.channel = ? AND p.date = ?"
        let args: [any DatabaseValueConvertible] = [state.rawValue] + (slot.map { [$0.channel, $0.date] } ?? [])
        return try db.rows("""
            SELECT d.unit, d.medium, d.state, d.problem, d.changed_on, d.confirmed_on, p.channel, p.date
            FROM issue_deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE d.state IN ('pending', 'sending', 'failed') AND d.state = ?\(filter)
            ORDER BY p.date, p.channel, d.unit
            """, args) { r in
            try deliveryRecord(r, slot: Slot(channel: try r.id(6), date: try r.day(7)))
        }
    }

    func deliveryRecord(_ r: Row, slot: Slot) throws -> DeliveryRecord {
        let unit = try r.text(0)
        return DeliveryRecord(slot: slot, unit: unit.isEmpty ? nil : UnitCode(unit), medium: try r.choice(1),
                              state: try r.choice(2), problem: r.optionalText(3).map(DeliveryProblem.init(stored:)),
                              changed: try r.day(4), confirmed: try r.optionalDay(5))
    }

    /// What `loa deliver` has to send for an issue: its pending and failed deliveries, the issue's own first.
    public func deliveriesToSend(_ publication: PublicationRef) throws -> [PendingDelivery] {
        try db.rows("""
            SELECT unit, medium, state FROM issue_deliveries
            WHERE publication_id = ? AND state IN ('pending', 'failed') ORDER BY unit
            """, [publication.id]) { r in
            let unit = try r.text(0)
            return PendingDelivery(unit: unit.isEmpty ? nil : UnitCode(unit), medium: try r.choice(1),
                                   state: try r.choice(2))
        }
    }

    /// The issues that have something to send (pending or failed), or a Zalo article sent whose id was not yet
    /// given, in date order. Only deliveries still open are looked at (a partial index holds them).
    public func issuesToDeliver() throws -> [Slot] {
        try db.rows("""
            SELECT p.channel, p.date FROM publications p WHERE EXISTS (
              SELECT 1 FROM issue_deliveries d INDEXED BY issue_deliveries_open WHERE d.publication_id = p.id
              AND d.state IN ('pending', 'sending', 'failed') AND d.state <> 'sending')
            OR EXISTS (SELECT 1 FROM issue_deliveries d WHERE d.publication_id = p.id AND d.unit = ''
                       AND d.medium = 'zalo-oa' AND d.state = 'sent' AND d.remote_id IS NULL)
            ORDER BY p.date, p.channel
            """) { r in Slot(channel: try r.id(0), date: try r.day(1)) }
    }

    /// The units an issue was delivered to (one row per unit and item in `deliveries`), by code.
    public func receivingUnits(_ publication: PublicationRef) throws -> [UnitCode] {
        try db.rows("SELECT DISTINCT unit FROM deliveries WHERE publication_id = ? ORDER BY unit",
                    [publication.id]) { try $0.id(0) }
    }

    /// The Zalo article's token, when it was sent and its id is still unknown.
    public func articleToVerify(_ publication: PublicationRef) throws -> String? {
        let token = try db.scalarText("""
            SELECT remote_token FROM issue_deliveries WHERE publication_id = ? AND unit = '' AND medium = 'zalo-oa'
            AND state = 'sent' AND remote_id IS NULL
            """, [publication.id])
        return token.isEmpty ? nil : token
    }

    /// The issues delivered to a unit in a month, with where its own delivery of each stands, in date order.
    public func receipts(of unit: UnitCode, in month: Month) throws -> [Receipt] {
        try db.rows("""
            SELECT p.channel, p.date, (SELECT state FROM issue_deliveries d WHERE d.publication_id = p.id
                                       AND d.unit = ?)
            FROM publications p WHERE p.date BETWEEN ? AND ?
            AND EXISTS (SELECT 1 FROM deliveries x WHERE x.publication_id = p.id AND x.unit = ?)
            ORDER BY p.date, p.channel
            """, [unit, month.first, month.last, unit]) { r in
            Receipt(slot: Slot(channel: try r.id(0), date: try r.day(1)),
                    state: r.optionalText(2).flatMap(DeliveryState.init(rawValue:)))
        }
    }

    /// The channel's issues whose feed entry was written, newest first, each with its items in print order.
    public func feedIssues(_ channel: ChannelID) throws -> [(slot: Slot, items: [ItemID])] {
        var out: [(slot: Slot, items: [ItemID])] = []
        try db.query("""
            SELECT p.date, pi.item FROM publications p JOIN publication_items pi ON pi.publication_id = p.id
            WHERE p.channel = ? AND EXISTS (SELECT 1 FROM issue_deliveries d WHERE d.publication_id = p.id
                                            AND d.unit = '' AND d.medium = 'feed' AND d.state = 'sent')
            ORDER BY p.date DESC, pi.position
            """, [channel]) { r in
            let slot = Slot(channel: channel, date: try r.day(0))
            if out.last?.slot == slot { out[out.count - 1].items.append(try r.id(1)) } else {
                out.append((slot, [try r.id(1)]))
            }
        }
        return out
    }
}

extension StoreWriter {
    /// Records an issue's deliveries as publishing plans them: every one `pending`, but a unit without an address
    /// on an e-mail channel, which is `failed` ("no e-mail address").
    public func recordDeliveries(_ slot: Slot, medium: Medium, units: [UnitCode], withoutAddress: Set<UnitCode>,
                                 today: Day) throws {
        guard let publication = try reader.publication(slot) else { return }
        let insert = try db.statement("""
            INSERT INTO issue_deliveries (publication_id, unit, medium, state, problem, changed_on)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        if medium.hasIssueDelivery {
            try insert.execute([publication.id, "", medium.rawValue, DeliveryState.pending.rawValue, nil as String?,
                                today])
        }
        guard medium.reachesEachUnit else { return }
        let noAddress = DeliveryProblem.noAddress.stored
        for unit in units {
            let missing = medium == .email && withoutAddress.contains(unit)
            try insert.execute([publication.id, unit, medium.rawValue,
                                (missing ? DeliveryState.failed : .pending).rawValue, missing ? noAddress : nil, today])
        }
    }

    /// Marks a delivery `sending` when it is in one of `from` (so two runs at once never both send it); false
    /// when another run took it first.
    public func markSending(_ publication: PublicationRef, unit: UnitCode?, from: [DeliveryState],
                            today: Day) throws -> Bool {
        let states = from.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.run("""
            UPDATE issue_deliveries SET state = 'sending', changed_on = ? WHERE publication_id = ? AND unit = ?
            AND state IN (\(states))
            """, [today, publication.id, unit?.rawValue ?? ""])
        return db.changes == 1
    }

    /// Records the outcome of a delivery: `sent` (with the Zalo article's token), or `failed` with the problem
    /// (the e-mail's address that may be missing now is also `failed`). A confirmed delivery stays confirmed.
    public func recordOutcome(_ publication: PublicationRef, unit: UnitCode?, problem: DeliveryProblem?,
                              token: String? = nil, today: Day) throws {
        try db.run("""
            UPDATE issue_deliveries SET state = ?, problem = ?, remote_token = coalesce(?, remote_token),
              changed_on = ? WHERE publication_id = ? AND unit = ? AND state <> 'confirmed'
            """, [(problem == nil ? DeliveryState.sent : .failed).rawValue, problem?.stored, token, today,
                  publication.id, unit?.rawValue ?? ""])
    }

    /// Every pending or failed delivery of an issue recorded as `sent` at once (print, feed); how many units'.
    public func recordAllSent(_ publication: PublicationRef, today: Day) throws -> Int {
        let units = try db.scalarInt("""
            SELECT count(*) FROM issue_deliveries WHERE publication_id = ? AND unit <> ''
            AND state IN ('pending', 'failed')
            """, [publication.id])
        try db.run("""
            UPDATE issue_deliveries SET state = 'sent', problem = NULL, changed_on = ? WHERE publication_id = ?
            AND state IN ('pending', 'failed')
            """, [today, publication.id])
        return units
    }

    /// The Zalo article's id, once `article/verify` gave it.
    public func recordArticleID(_ publication: PublicationRef, id: String) throws {
        try db.run("UPDATE issue_deliveries SET remote_id = ? WHERE publication_id = ? AND unit = ''",
                   [id, publication.id])
    }

    /// Records that a unit received an issue; false when it had said so before. A unit an issue reached through
    /// Zalo OA alone gets its delivery now.
    public func confirmReceipt(_ publication: PublicationRef, unit: UnitCode, medium: Medium,
                               today: Day) throws -> Bool {
        try db.run("""
            INSERT INTO issue_deliveries (publication_id, unit, medium, state, changed_on, confirmed_on)
            VALUES (?, ?, ?, 'confirmed', ?, ?)
            ON CONFLICT (publication_id, unit) DO UPDATE SET state = 'confirmed', problem = NULL,
              changed_on = excluded.changed_on, confirmed_on = excluded.confirmed_on WHERE state <> 'confirmed'
            """, [publication.id, unit, medium.rawValue, today, today])
        return db.changes == 1
    }

    /// Removes a publication with everything recorded of it.
    public func removePublication(_ publication: PublicationRef) throws {
        for table in ["issue_deliveries", "deliveries", "publication_item_themes", "publication_item_audiences",
                      "publication_items"] {
            try db.run("DELETE FROM \(table) WHERE publication_id = ?", [publication.id])
        }
        try db.run("DELETE FROM publications WHERE id = ?", [publication.id])
    }
}
