import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import NIOHTTP1
import OpenAPIRuntime

extension ArrearsService {
    public func attachEvidence(_ input: Operations.AttachEvidence.Input) async throws -> Operations.AttachEvidence.Output {
        let body: HTTPBody
        switch input.body {
        case let .pdf(file), let .jpeg(file), let .png(file), let .binary(file): body = file
        }
        let announced: Int? = if case let .known(length) = body.length { Int(length) } else { nil }
        let attachment: Evidence
        do {
            attachment = try await platform.attachEvidence(
                to: ComplaintID(input.path.complaintId), named: input.query.name, announcedBytes: announced, content: body, by: caller())
        } catch is HTTPParserError {
            // The client went away mid-body; the vault has already removed what arrived.
            throw Refusal.evidence(.truncated(received: nil, expected: announced))
        }
        return .created(
            .init(
                headers: .init(location: "/v1/complaints/\(attachment.complaintID)/evidence/\(attachment.id)"),
                body: .json(Wire.evidence(attachment))))
    }

    public func listEvidence(_ input: Operations.ListEvidence.Input) async throws -> Operations.ListEvidence.Output {
        let list = try await platform.evidence(of: ComplaintID(input.path.complaintId), by: caller())
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: list.items.map(Wire.evidence), totalBytes: Int64(list.totalBytes), fileLimitBytes: Int64(list.limits.file),
                        complaintLimitBytes: Int64(list.limits.complaint)))))
    }

    public func downloadEvidence(_ input: Operations.DownloadEvidence.Input) async throws -> Operations.DownloadEvidence.Output {
        let file = try await platform.evidenceFile(EvidenceID(input.path.evidenceId), of: ComplaintID(input.path.complaintId), by: caller())
        let attachment = file.evidence
        let reader = try EvidenceReader(file.location)
        let body = HTTPBody(reader.chunks(), length: .known(Int64(attachment.bytes)), iterationBehavior: .single)
        let headers = Operations.DownloadEvidence.Output.Ok.Headers(eTag: "\"\(attachment.sha256)\"")
        RequestValues.verbatimHeaders?.set(.contentDisposition, file.contentDisposition)
        RequestValues.verbatimHeaders?.set(HTTPField.Name("X-Content-Type-Options")!, "nosniff")
        switch attachment.type {
        case .pdf: return .ok(.init(headers: headers, body: .pdf(body)))
        case .jpeg: return .ok(.init(headers: headers, body: .jpeg(body)))
        case .png: return .ok(.init(headers: headers, body: .png(body)))
        case .html:
            // A document the platform wrote: downloaded, never run — no script, no outside fetch, its own style only.
            RequestValues.verbatimHeaders?.set(
                HTTPField.Name("Content-Security-Policy")!, EvidenceFile.sandboxPolicy)
            return .ok(.init(headers: headers, body: .html(body)))
        }
    }
}
