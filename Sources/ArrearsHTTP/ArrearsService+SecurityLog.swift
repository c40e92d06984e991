import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func getComplaintContact(_ input: Operations.GetComplaintContact.Input) async throws -> Operations.GetComplaintContact.Output {
        let account = try caller()
        guard let complaint = try await store.complaint(ComplaintID(input.path.complaintId), visibleTo: account.actor) else {
            throw Problem.notFound
        }
        // Written before the answer leaves: a read that cannot be logged is not served.
        try await audit.record(
            SecurityLogEntry(
                at: clock.now(), actor: Self.auditor(id: account.id.rawValue, role: account.role), action: .contactRead,
                subject: complaint.number))
        let contact = complaint.filing.complainant.contact
        return .ok(.init(body: .json(.init(person: contact.person, phone: contact.phone, email: contact.email))))
    }

    public func getSecurityLog(_ input: Operations.GetSecurityLog.Input) async throws -> Operations.GetSecurityLog.Output {
        let account = try caller()
        guard account.role == .admin || (account.role == .supervisor && account.province == nil) else {
            throw TransitionError.roleNotPermitted(command: "read the security log", role: account.role)
        }
        let entries = try await audit.securityLog(
            after: Int(input.query.after ?? 0), limit: min(max(input.query.limit ?? 100, 1), 1000), subject: input.query.subject)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: entries.map { entry in
                            .init(
                                sequence: entry.sequence, at: entry.at, actor: entry.actor.id,
                                role: entry.actor.role.map { .init(rawValue: $0.rawValue)! }, action: .init(rawValue: entry.action.rawValue)!,
                                subject: entry.subject, detail: .init(additionalProperties: entry.detail), requestId: entry.actor.requestID)
                        }))))
    }
}
