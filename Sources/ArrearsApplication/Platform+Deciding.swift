import ArrearsCore
import ArrearsStore
import Foundation

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

extension Platform {
    /// Presses the respondent (督办书, 约谈, 通报, 责令整改, 挂牌督办). A supervision notice issues its numbered 督办书 first:
    /// rendered from the complaint as read, kept as a file of the complaint and recorded with the event in one transaction
    /// (its SHA-256 in the event, so in the audit chain), with the respondent's new reply date.
    public func escalate(_ step: EscalationStep, text: String, on id: ComplaintID, expectedVersion: Int, by caller: Caller) async throws
        -> ComplaintView
    {
        guard step == .supervisionNotice else {
            return try await decide(.escalate(step, text: text), on: id, expectedVersion: expectedVersion, by: caller)
        }
        let account = try caller.signedIn()
        let actor = account.actor
        let now = clock.now()
        guard let complaint = try await store.complaint(id, visibleTo: actor) else { throw Refusal.complaintNotFound }
        _ = try Lifecycle.transition("escalate", on: complaint, by: actor)
        guard complaint.version == expectedVersion else { throw Refusal.versionConflict(current: complaint.version) }
        let lifecycle = try await lifecycle()
        let routing = try await store.routingInForce().table
        let number = IssuedDocument.nextSupervisionNoticeNumber(of: complaint)
        let department = complaint.handlingDepartment.flatMap { routing.department($0)?.name } ?? account.name
        // Checked here as the lifecycle will, so a refused text writes no document.
        let checked = try Lifecycle.checkedText(text, "text")
        let notice = SupervisionNotice(
            number: number, complaint: complaint, departmentName: department, ruleSetTitle: lifecycle.rules.ruleSet(of: complaint).title,
            reply: lifecycle.replyClock(for: complaint, at: now), text: checked, issuer: account.name, issuedAt: now,
            latePayments: LatePayment.assess(complaint, today: CSTDate(now), calendar: lifecycle.calendar))
        let html = notice.html()
        let stored = try await vault.store(issued: html, type: .html)
        let file = Evidence(
            id: EvidenceID(UUID().uuidString.lowercased()), complaintID: complaint.id, sha256: stored.sha256, type: .html, bytes: stored.bytes,
            name: "督办书-\(number).html", attachedBy: account.id, attachedAt: now)
        let updated: Complaint
        do {
            // Documents the platform issues do not count against the complainant's evidence allowance.
            updated = try await store.attach(file, visibleTo: actor, complaintLimit: .max) { current in
                guard current.version == expectedVersion else { throw Refusal.versionConflict(current: current.version) }
                return try lifecycle.apply(
                    .escalate(step, text: checked, document: IssuedDocument(number: number, file: file)), to: current, by: actor, at: now)
            }
        } catch {
            if stored.isNew, try await !store.isEvidenceContentReferenced(sha256: stored.sha256) { vault.remove(sha256: stored.sha256) }
            throw error
        }
        return try await view(updated, events: try await store.events(of: updated.id, visibleTo: actor) ?? [], for: actor)
    }
}
