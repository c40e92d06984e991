import ArrearsCore
import ArrearsStore

/// Where a forward of one complaint would go today, and which rule decided (nil when no rule matches).
public struct RoutingAdvice: Sendable {
    public let complaint: Complaint
    public let routingVersion: Int
    public let on: CSTDate
    public let decision: RoutingDecision?
}

extension Platform {
    /// Where a forward would go today. Scope before role, as for every operation on a complaint: 404 tells nothing about
    /// complaints one may not see.
    public func route(_ id: ComplaintID, by caller: Caller) async throws -> RoutingAdvice {
        let account = try caller.signedIn()
        guard let complaint = try await store.complaint(id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        guard Permission.route.isHeld(by: account.actor) else { throw Refusal.notPermitted(action: "route", role: account.role) }
        let routing = try await store.routingInForce()
        let today = self.today
        return RoutingAdvice(
            complaint: complaint, routingVersion: routing.version, on: today, decision: routing.table.route(complaint.filing.respondent, on: today))
    }

    /// The handling departments and routing rules in force, with the table's version.
    public func routingTable(by caller: Caller) async throws -> VersionedRoutingTable {
        _ = try caller.holding(.readRouting, "read-routing")
        return try await store.routingInForce()
    }

    /// The SME size self-test (中小企业规模类型自测) under the 2011 standard, with each comparison that decided it: for
    /// anyone, signed in or not, as the law's own standard is public.
    public func sizeTest(_ industry: Industry, _ inputs: SizeInputs) throws -> SizeAssessment {
        try sizes.classify(industry, inputs)
    }
}
