import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation

/// The API as the OpenAPI document describes it: each operation turns its wire input into domain values, asks the
/// platform, and answers in wire types. No rule, permission or limit lives here.
public struct ArrearsService: APIProtocol {
    let platform: Platform

    /// The caller as the middleware found it: account, address, request id and token.
    func caller() -> Caller {
        Caller(
            account: RequestValues.account, address: RequestValues.clientAddress, requestID: RequestValues.requestID,
            tokenDigest: RequestValues.tokenDigest)
    }

    public func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        .ok(.init(body: .json(Wire.account(try caller().signedIn()))))
    }

    public func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        let report = try await platform.auditReport(of: input.query.complaint.map { ComplaintID($0) }, by: caller())
        return .ok(
            .init(
                body: .json(
                    .init(
                        complaints: report.complaints, events: report.events, unchained: report.unchained,
                        logEntries: report.logEntries, intact: report.broken == nil,
                        broken: report.broken.map { .init(complaint: $0.complaint, sequence: $0.sequence, reason: RequestValues.wording($0.reason)) })
                )))
    }
}
