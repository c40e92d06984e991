import ArrearsCore
import ArrearsStore
import Foundation

/// The evidence of a complaint and the limits it is kept within.
public struct EvidenceList: Sendable {
    public let items: [Evidence]
    public let limits: EvidenceLimits

    public var totalBytes: Int { items.reduce(0) { $0 + $1.bytes } }
}

/// An evidence file about to be read, after its reading was logged.
public struct EvidenceFile: Sendable {
    public let evidence: Evidence
    /// Where the vault keeps its content.
    public let location: URL

    /// The policy a document the platform issued (HTML) is served under: nothing runs, nothing is fetched.
    public static let sandboxPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

    /// The `Content-Disposition` every edge downloads it with: `attachment`, the name in RFC 6266's two forms (ASCII for
    /// old clients, UTF-8 percent-encoded for the rest), never opened in place.
    public var contentDisposition: String {
        let name = evidence.downloadName
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = name.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension Platform {
    /// Attaches a file (PDF, JPEG or PNG, judged by content) as evidence. Everything that can be refused without the file
    /// is refused before a byte of it is read: scope, role, state, and an announced size over the complaint's allowance.
    public func attachEvidence(
        to id: ComplaintID, named name: String?, announcedBytes: Int?, content: some AsyncSequence<ArraySlice<UInt8>, any Error>,
        by caller: Caller, as evidenceID: EvidenceID? = nil
    ) async throws -> Evidence {
        let account = try caller.signedIn()
        let actor = account.actor
        let now = clock.now()
        guard let complaint = try await store.complaint(id, visibleTo: actor) else { throw Refusal.complaintNotFound }
        _ = try Lifecycle.transition("attach-evidence", on: complaint, by: actor)
        let name = try Evidence.fileName(name)
        if let announcedBytes {
            let used = (try await store.evidence(of: complaint.id, visibleTo: actor) ?? []).reduce(0) { $0 + $1.bytes }
            if used + announcedBytes > evidenceLimits.complaint {
                throw Refusal.evidenceAllowanceExceeded(used: used, adding: announcedBytes, limit: evidenceLimits.complaint)
            }
        }
        let stored = try await vault.store(content, limit: evidenceLimits.file, expectedLength: announcedBytes)
        let attachment = Evidence(
            id: evidenceID ?? EvidenceID(UUID().uuidString.lowercased()), complaintID: complaint.id, sha256: stored.sha256, type: stored.type,
            bytes: stored.bytes, name: name ?? stored.type.defaultFileName, attachedBy: account.id, attachedAt: now)
        do {
            let lifecycle = try await lifecycle()
            _ = try await store.attach(attachment, visibleTo: actor, complaintLimit: evidenceLimits.complaint) { current in
                try lifecycle.apply(.attachEvidence(attachment), to: current, by: actor, at: now)
            }
        } catch {
            // The content stays only if another attachment already uses it.
            if stored.isNew, try await !store.isEvidenceContentReferenced(sha256: stored.sha256) { vault.remove(sha256: stored.sha256) }
            throw error
        }
        return attachment
    }

    /// The complaint's evidence, oldest first, with the limits.
    public func evidence(of id: ComplaintID, by caller: Caller) async throws -> EvidenceList {
        let account = try caller.holding(.readComplaints, "read-complaints")
        guard let items = try await store.evidence(of: id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        return EvidenceList(items: items, limits: evidenceLimits)
    }

    /// One evidence file to read; evidence carries business secrets, so each reading is logged before it starts.
    public func evidenceFile(_ evidence: EvidenceID, of id: ComplaintID, by caller: Caller) async throws -> EvidenceFile {
        let account = try caller.holding(.readComplaints, "read-complaints")
        guard let attachment = try await store.evidence(evidence, of: id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        _ = try await store.record(
            SecurityLogEntry(
                at: clock.now(), actor: caller.auditor, action: .evidenceRead, subject: id.rawValue,
                detail: ["evidence": attachment.id.rawValue, "name": attachment.name]))
        return EvidenceFile(evidence: attachment, location: vault.location(sha256: attachment.sha256))
    }
}
