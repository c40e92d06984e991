import ArrearsAPI
import ArrearsApplication
import ArrearsCore

extension ArrearsService {
    public func getSecurityLog(_ input: Operations.GetSecurityLog.Input) async throws -> Operations.GetSecurityLog.Output {
        let entries = try await platform.securityLog(
            after: Int(input.query.after ?? 0), limit: input.query.limit, subject: input.query.subject, by: caller())
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
