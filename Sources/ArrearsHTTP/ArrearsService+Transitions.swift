import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    /// Every transition goes through here: version check, lifecycle decision, one store transaction.
    func perform(
        _ complaintID: String, ifMatch: String, _ command: () async throws -> ComplaintCommand
    ) async throws -> Components.Responses.ComplaintDetail {
        let account = try caller()
        guard let version = VersionTag.version(fromIfMatch: ifMatch) else {
            throw Problem(
                status: .badRequest, slug: "malformed-request", title: "The request could not be read",
                detail: "If-Match must be the complaint's ETag, e.g. \"3\"",
                violations: [FieldViolation(field: "If-Match", rule: "if-match.format", detail: "an ETag such as \"3\"")])
        }
        let decision = try await command()
        let now = clock.now()
        let actor = account.actor
        let lifecycle = self.lifecycle
        // Only a forward consults the routing table; reading it for every decision would cost a query each.
        let routing: RoutingTable? =
            if case .forward = decision { try await reference.routingInForce().table } else { nil }
        let updated = try await store.transition(ComplaintID(complaintID), visibleTo: actor, expectedVersion: version) { current in
            try lifecycle.apply(decision, to: current, by: actor, at: now, routing: routing)
        }
        let events = try await store.events(of: updated.id, visibleTo: actor) ?? []
        return .init(
            headers: .init(eTag: VersionTag.etag(updated.version)),
            body: .json(Wire.detail(updated, events: events, today: CSTDate(now), calendar: lifecycle.calendar, for: actor)))
    }

    public func requestSupplement(_ input: Operations.RequestSupplement.Input) async throws -> Operations.RequestSupplement.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .requestSupplement(items: body.items) })
    }

    public func supplementComplaint(_ input: Operations.SupplementComplaint.Input) async throws -> Operations.SupplementComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .supplement(material: body.material) })
    }

    public func acceptComplaint(_ input: Operations.AcceptComplaint.Input) async throws -> Operations.AcceptComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .accept(note: body.note) })
    }

    public func rejectComplaint(_ input: Operations.RejectComplaint.Input) async throws -> Operations.RejectComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .reject(ground: RejectionGround(rawValue: body.ground.rawValue)!, reason: body.reason)
            })
    }

    public func forwardComplaint(_ input: Operations.ForwardComplaint.Input) async throws -> Operations.ForwardComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .forward(
                    to: try body.department.map { text in try FieldViolation.at("department") { try DepartmentID(text) } },
                    overrideReason: body.overrideReason, note: body.note)
            })
    }

    public func returnComplaint(_ input: Operations.ReturnComplaint.Input) async throws -> Operations.ReturnComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .returnToIntake(reason: body.reason) })
    }

    public func resolveComplaint(_ input: Operations.ResolveComplaint.Input) async throws -> Operations.ResolveComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                let paid = try FieldViolation.at("amountPaid") { try Fen(body.amountPaid) }
                return .resolve(outcome: ResolutionOutcome(rawValue: body.outcome.rawValue)!, amountPaid: paid, summary: body.summary)
            })
    }

    public func rateComplaint(_ input: Operations.RateComplaint.Input) async throws -> Operations.RateComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .rate(Satisfaction(rawValue: body.rating.rawValue)!, comment: body.comment)
            })
    }

    public func closeComplaint(_ input: Operations.CloseComplaint.Input) async throws -> Operations.CloseComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .close(note: body.note) })
    }

    public func withdrawComplaint(_ input: Operations.WithdrawComplaint.Input) async throws -> Operations.WithdrawComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .withdraw(reason: body.reason) })
    }

    public func reopenComplaint(_ input: Operations.ReopenComplaint.Input) async throws -> Operations.ReopenComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .reopen(reason: body.reason) })
    }

    public func acknowledgeComplaint(_ input: Operations.AcknowledgeComplaint.Input) async throws -> Operations.AcknowledgeComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) { .acknowledge(note: body.note) })
    }

    public func extendHandling(_ input: Operations.ExtendHandling.Input) async throws -> Operations.ExtendHandling.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .extend(days: body.days, approvedBy: body.approvedBy, reason: body.reason)
            })
    }

    public func escalateComplaint(_ input: Operations.EscalateComplaint.Input) async throws -> Operations.EscalateComplaint.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                .escalate(EscalationStep(rawValue: body.step.rawValue)!, text: body.text)
            })
    }

    public func markDuplicate(_ input: Operations.MarkDuplicate.Input) async throws -> Operations.MarkDuplicate.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let account = try caller()
        // Scope, then role, before the other complaint is looked up: its answer must not tell anyone more than those would.
        guard try await store.complaint(ComplaintID(input.path.complaintId), visibleTo: account.actor) != nil else { throw Problem.notFound }
        guard Lifecycle.transitions.contains(where: { $0.command == "mark-duplicate" && $0.roles.contains(account.role) }) else {
            throw TransitionError.roleNotPermitted(command: "mark-duplicate", role: account.role)
        }
        return .ok(
            try await perform(input.path.complaintId, ifMatch: input.headers.ifMatch) {
                // The earlier complaint must exist within the officer's scope; it is recorded by its number.
                guard let earlier = try await store.complaint(ComplaintID(body.of), visibleTo: account.actor) else {
                    throw ValidationFailure([FieldViolation(field: "of", rule: "duplicate.unknown", detail: "no complaint \(body.of) in your scope")])
                }
                return .markDuplicate(of: earlier.number, note: body.note)
            })
    }
}
