import ArrearsCore
import ArrearsStore
import Crypto
import Foundation

/// A file uploaded while filing, kept with the draft until the complaint exists (证据材料): in the vault already, judged
/// by its content and held to the same limits as a complaint's evidence, recorded in the draft's answers.
public struct DraftFile: Sendable, Equatable {
    public let index: Int
    public let name: String
    public let type: EvidenceType
    public let bytes: Int
    public let sha256: String
}

extension Platform {
    /// Most files a draft holds; the complaint's byte allowance bounds them too.
    static let draftFileLimit = 20

    /// The files kept with a draft, in the order they were uploaded.
    public func draftFiles(_ draft: FilingDraft) -> [DraftFile] {
        var files: [DraftFile] = []
        var index = 0
        while let sha256 = draft.answers["files[\(index)].sha256"] {
            let answer = { (key: String) in draft.answers["files[\(index)].\(key)"] ?? "" }
            if let type = EvidenceType(rawValue: answer("type")), let bytes = Int(answer("bytes")) {
                files.append(DraftFile(index: index, name: answer("name"), type: type, bytes: bytes, sha256: sha256))
            }
            index += 1
        }
        return files
    }

    /// Keeps an uploaded file with the caller's draft: the evidence rules (type by content, size, the complaint's
    /// allowance) are applied now, so what is kept can be attached once the complaint is filed.
    public func addDraftFile(
        to id: String, named name: String?, announcedBytes: Int?, content: some AsyncSequence<ArraySlice<UInt8>, any Error>, by caller: Caller
    ) async throws -> FilingDraft {
        var draft = try await draft(id, by: caller)
        let files = draftFiles(draft)
        guard files.count < Self.draftFileLimit else {
            throw Refusal.invalid([FieldViolation(field: "file", rule: "draft.too-many-files", facts: ["limit": "\(Self.draftFileLimit)"])])
        }
        let name = try Evidence.fileName(name)
        let used = files.reduce(0) { $0 + $1.bytes }
        if let announcedBytes, used + announcedBytes > evidenceLimits.complaint {
            throw Refusal.evidenceAllowanceExceeded(used: used, adding: announcedBytes, limit: evidenceLimits.complaint)
        }
        let stored = try await vault.store(content, limit: evidenceLimits.file, expectedLength: announcedBytes)
        guard used + stored.bytes <= evidenceLimits.complaint else {
            throw Refusal.evidenceAllowanceExceeded(used: used, adding: stored.bytes, limit: evidenceLimits.complaint)
        }
        let file = DraftFile(
            index: files.count, name: name ?? stored.type.defaultFileName, type: stored.type, bytes: stored.bytes, sha256: stored.sha256)
        Self.record(file, at: file.index, in: &draft)
        return try await saveDraft(draft, by: caller)
    }

    /// Takes a file out of the draft; the later ones move up.
    public func removeDraftFile(_ index: Int, from id: String, by caller: Caller) async throws -> FilingDraft {
        var draft = try await draft(id, by: caller)
        var files = draftFiles(draft)
        guard files.indices.contains(index) else { throw Refusal.notFound(Message("refusal.draft-not-found")) }
        files.remove(at: index)
        draft.answers = draft.answers.filter { !$0.key.hasPrefix("files[") }
        for (place, file) in files.enumerated() { Self.record(file, at: place, in: &draft) }
        return try await saveDraft(draft, by: caller)
    }

    /// Writes a file's answers at a place in the draft (the inverse of `draftFiles`).
    static func record(_ file: DraftFile, at place: Int, in draft: inout FilingDraft) {
        draft.answers["files[\(place)].sha256"] = file.sha256
        draft.answers["files[\(place)].name"] = file.name
        draft.answers["files[\(place)].type"] = file.type.rawValue
        draft.answers["files[\(place)].bytes"] = String(file.bytes)
    }

    /// Attaches the draft's files to the complaint it became, each under an id drawn from the draft and the file's
    /// place, so a retried or doubled submission attaches each once.
    public func attachDraftFiles(_ draft: FilingDraft, to complaint: ComplaintID, by caller: Caller) async throws {
        let account = try caller.signedIn()
        for file in draftFiles(draft) {
            let id = Self.draftEvidenceID(draft: draft.id, index: file.index)
            if try await store.evidence(id, of: complaint, visibleTo: account.actor) != nil { continue }
            let content = EvidenceVault.whole(Array(try Data(contentsOf: vault.location(sha256: file.sha256))))
            do {
                _ = try await attachEvidence(to: complaint, named: file.name, announcedBytes: file.bytes, content: content, by: caller, as: id)
            } catch {
                // Another submission of the same draft attached it first.
                if try await store.evidence(id, of: complaint, visibleTo: account.actor) != nil { continue }
                throw error
            }
        }
    }

    /// A UUID-shaped id from the draft and the file's place: the same on every retry.
    static func draftEvidenceID(draft: String, index: Int) -> EvidenceID {
        var bytes = Array(SHA256.hash(data: Data("draft-file/\(draft)/\(index)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 style: name-based
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12],
                bytes[13], bytes[14], bytes[15]
            ))
        return EvidenceID(uuid.uuidString.lowercased())
    }
}
