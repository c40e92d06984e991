import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import NIOHTTP1
import OpenAPIRuntime

extension ArrearsService {
    public func attachEvidence(_ input: Operations.AttachEvidence.Input) async throws -> Operations.AttachEvidence.Output {
        let account = try caller()
        let actor = account.actor
        let now = clock.now()
        // Everything that can be refused without the file is refused before a byte of it is read.
        guard let complaint = try await store.complaint(ComplaintID(input.path.complaintId), visibleTo: actor) else { throw Problem.notFound }
        _ = try Lifecycle.transition("attach-evidence", on: complaint, by: actor)
        let name = try FieldViolation.at("name") { try Evidence.fileName(input.query.name) }
        let body: HTTPBody
        switch input.body {
        case let .pdf(file), let .jpeg(file), let .png(file), let .binary(file): body = file
        }
        let announced: Int? = if case let .known(length) = body.length { Int(length) } else { nil }
        if let announced {
            let used = (try await evidence.evidence(of: complaint.id, visibleTo: actor) ?? []).reduce(0) { $0 + $1.bytes }
            if used + announced > evidenceLimits.complaint {
                throw StoreError.evidenceAllowanceExceeded(used: used, adding: announced, limit: evidenceLimits.complaint)
            }
        }
        let stored: StoredContent
        do {
            stored = try await vault.store(body, limit: evidenceLimits.file, expectedLength: announced)
        } catch let refusal as EvidenceRefusal {
            throw Problem.evidence(refusal)
        } catch is HTTPParserError {
            // The client went away mid-body; the vault has already removed what arrived.
            throw Problem.evidence(.truncated(received: nil, expected: announced))
        }
        let attachment = Evidence(
            id: EvidenceID(UUID().uuidString.lowercased()), complaintID: complaint.id, sha256: stored.sha256, type: stored.type,
            bytes: stored.bytes, name: name ?? stored.type.defaultFileName, attachedBy: account.id, attachedAt: now)
        do {
            _ = try await evidence.attach(attachment, visibleTo: actor, complaintLimit: evidenceLimits.complaint) { [lifecycle] current in
                try lifecycle.apply(.attachEvidence(attachment), to: current, by: actor, at: now)
            }
        } catch {
            // The content stays only if another attachment already uses it.
            if stored.isNew, try await !evidence.isEvidenceContentReferenced(sha256: stored.sha256) { vault.remove(sha256: stored.sha256) }
            throw error
        }
        return .created(
            .init(
                headers: .init(location: "/v1/complaints/\(complaint.id)/evidence/\(attachment.id)"),
                body: .json(Wire.evidence(attachment))))
    }

    public func listEvidence(_ input: Operations.ListEvidence.Input) async throws -> Operations.ListEvidence.Output {
        let account = try caller()
        guard let items = try await evidence.evidence(of: ComplaintID(input.path.complaintId), visibleTo: account.actor) else {
            throw Problem.notFound
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: items.map(Wire.evidence), totalBytes: Int64(items.reduce(0) { $0 + $1.bytes }),
                        fileLimitBytes: Int64(evidenceLimits.file), complaintLimitBytes: Int64(evidenceLimits.complaint)))))
    }

    public func downloadEvidence(_ input: Operations.DownloadEvidence.Input) async throws -> Operations.DownloadEvidence.Output {
        let account = try caller()
        guard
            let attachment = try await evidence.evidence(
                EvidenceID(input.path.evidenceId), of: ComplaintID(input.path.complaintId), visibleTo: account.actor)
        else { throw Problem.notFound }
        let file = try EvidenceReader(vault.location(sha256: attachment.sha256))
        // Evidence carries business secrets: each download is logged before it starts.
        try await audit.record(
            SecurityLogEntry(
                at: clock.now(), actor: Self.auditor(id: account.id.rawValue, role: account.role), action: .evidenceRead,
                subject: input.path.complaintId, detail: ["evidence": attachment.id.rawValue, "name": attachment.name]))
        let body = HTTPBody(file.chunks(), length: .known(Int64(attachment.bytes)), iterationBehavior: .single)
        let headers = Operations.DownloadEvidence.Output.Ok.Headers(eTag: "\"\(attachment.sha256)\"")
        RequestValues.verbatimHeaders?.set(.contentDisposition, Self.contentDisposition(attachment.name))
        RequestValues.verbatimHeaders?.set(HTTPField.Name("X-Content-Type-Options")!, "nosniff")
        switch attachment.type {
        case .pdf: return .ok(.init(headers: headers, body: .pdf(body)))
        case .jpeg: return .ok(.init(headers: headers, body: .jpeg(body)))
        case .png: return .ok(.init(headers: headers, body: .png(body)))
        }
    }

    /// `attachment` with the name in RFC 6266's two forms: ASCII for old clients, UTF-8 percent-encoded for the rest.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = name.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
