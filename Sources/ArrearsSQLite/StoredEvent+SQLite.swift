import ArrearsStore
import GRDB

extension StoredEvent {
    /// Inserts the event's row with its link.
    func insert(in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO complaint_events (complaint_id, sequence, kind, from_state, to_state, actor, actor_name, role, occurred_at,
                    cst_date, intake_province, open_delta, amount_claimed_fen, amount_paid_fen, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                event.complaintID.rawValue, event.sequence, event.kind.rawValue, event.from?.rawValue, event.to.rawValue,
                event.actor.rawValue, event.actorName, event.role.rawValue, fields[8], fields[9], province?.code,
                event.openDelta, event.detail.amountClaimed?.value, event.detail.amountPaid?.value, fields[14], previous, hash,
            ])
    }
}
