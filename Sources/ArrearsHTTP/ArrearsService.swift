import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

/// The API as the OpenAPI document describes it: each operation turns its wire input into domain
/// values, lets the lifecycle decide, lets the store record, and answers in wire types.
public struct ArrearsService: APIProtocol {
    let store: any ComplaintStore
    let accounts: any AccountStore
    let reference: any ReferenceStore
    let audit: any AuditStore
    let evidence: any EvidenceStore
    let publications: any StatisticsPublicationStore
    let exports: any ComplaintExportStore
    let outbox: any NotificationOutbox
    let vault: EvidenceVault
    let lifecycle: Lifecycle
    let regions: RegionDirectory
    let clock: any InstantSource
    let limits: AbuseLimits
    /// Bytes per evidence file and per complaint.
    let evidenceLimits: (file: Int, complaint: Int)

    /// The signed-in account; the authentication middleware has already refused requests without one.
    func caller() throws -> Account {
        guard let account = RequestValues.account else { throw Problem.unauthenticated }
        return account
    }

    public func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        .ok(.init(body: .json(Wire.account(try caller()))))
    }

    /// A digest of the request as the client meant it (field order and spacing do not matter).
    static func fingerprint<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return HexDigest.sha256(try encoder.encode(value))
    }

    public func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        let account = try caller()
        guard [.supervisor, .admin].contains(account.role) else {
            throw TransitionError.roleNotPermitted(command: "verify the audit chain", role: account.role)
        }
        let report = try await audit.auditReport(of: input.query.complaint.map { ComplaintID($0) }, visibleTo: account.actor)
        return .ok(
            .init(
                body: .json(
                    .init(
                        complaints: report.complaints, events: report.events, unchained: report.unchained,
                        logEntries: report.logEntries, intact: report.broken == nil,
                        broken: report.broken.map { .init(complaint: $0.complaint, sequence: $0.sequence, reason: $0.reason) }))))
    }
}
