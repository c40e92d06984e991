import ArrearsCore
import ArrearsStore

extension Platform {
    /// Takes a decision on a complaint (受理, 转交, 办结 …) on the version the caller read: the lifecycle decides, one store
    /// transaction records it, and the complaint is answered as the caller may now see it. Only a forward reads the
    /// routing table (reading it for every decision would cost a query each).
    public func decide(_ command: ComplaintCommand, on id: ComplaintID, expectedVersion: Int, by caller: Caller) async throws
        -> ComplaintView
    {
        let account = try caller.signedIn()
        let now = clock.now()
        let actor = account.actor
        let lifecycle = try await lifecycle()
        let routing: RoutingTable? =
            if case .forward = command { try await store.routingInForce().table } else { nil }
        let updated = try await store.transition(id, visibleTo: actor, expectedVersion: expectedVersion) { current in
            try lifecycle.apply(command, to: current, by: actor, at: now, routing: routing)
        }
        return try await view(updated, events: try await store.events(of: updated.id, visibleTo: actor) ?? [], for: actor)
    }

    /// Links a complaint to an earlier one as its duplicate. Scope, then role, are checked before the earlier complaint is
    /// looked up, so the answer tells no one more than those would; the earlier one must be in the officer's scope and is
    /// recorded by its number.
    public func markDuplicate(_ id: ComplaintID, of earlier: ComplaintID, note: String?, expectedVersion: Int, by caller: Caller) async throws
        -> ComplaintView
    {
        let account = try caller.signedIn()
        // The documented order of refusals: scope, role, version, then the rules (which complaint it duplicates).
        guard let complaint = try await store.complaint(id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        guard Lifecycle.permits("mark-duplicate", account.role) else {
            throw Refusal.notPermitted(action: "mark-duplicate", role: account.role)
        }
        guard complaint.version == expectedVersion else { throw Refusal.versionConflict(current: complaint.version) }
        guard let found = try await store.complaint(earlier, visibleTo: account.actor) else {
            throw Refusal.invalid([FieldViolation(field: "of", rule: "duplicate.unknown", facts: ["earlier": "\(earlier)"])])
        }
        return try await decide(.markDuplicate(of: found.number, note: note), on: id, expectedVersion: expectedVersion, by: caller)
    }
}
