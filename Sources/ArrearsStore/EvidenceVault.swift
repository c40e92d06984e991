import ArrearsCore
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where evidence content lives: one file per SHA-256 under `sha256/ab/…`, outside the database, so the database stays
/// small and a file attached to many complaints is kept once. Uploads stream through `incoming/` and appear under their
/// address only when whole, type-checked and on disk.
public struct EvidenceVault: Sendable {
    public let root: URL

    /// Opens (creating) the vault's folders and removes what uploads cut off by a crash left in `incoming/`.
    public init(directory: String) throws {
        root = URL(fileURLWithPath: directory, isDirectory: true)
        let files = FileManager.default
        try files.createDirectory(at: incoming, withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("sha256"), withIntermediateDirectories: true)
        for leftover in try files.contentsOfDirectory(atPath: incoming.path) {
            try? files.removeItem(at: incoming.appendingPathComponent(leftover))
        }
    }

    var incoming: URL { root.appendingPathComponent("incoming", isDirectory: true) }

    /// The file holding the content with this digest.
    public func location(sha256: String) -> URL {
        Self.location(sha256: sha256, in: root)
    }

    /// The same without opening the vault (which tidies `incoming/`): backups read a live server's vault.
    public static func location(sha256: String, in root: URL) -> URL {
        root.appendingPathComponent("sha256").appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Streams an upload to disk, hashing and counting as it goes, and moves it to its address once it is whole: the type
    /// is recognised from the first bytes, the size checked against `limit` on every chunk, and a body shorter than
    /// `expectedLength` refused. Whatever goes wrong, nothing of the upload is left behind.
    /// `issued` names the type of a document the platform wrote itself, which no upload may claim.
    public func store(
        _ chunks: some AsyncSequence<ArraySlice<UInt8>, any Error>, limit: Int, expectedLength: Int?, issued: EvidenceType? = nil
    ) async throws -> StoredContent {
        if let expectedLength, expectedLength > limit { throw EvidenceRefusal.tooLarge(limit: limit) }
        let partial = incoming.appendingPathComponent(UUID().uuidString + ".part")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: partial)
            defer { try? handle.close() }
            var hasher = SHA256()
            var bytes = 0
            var head: [UInt8] = []
            var type: EvidenceType? = issued
            for try await chunk in chunks {
                bytes += chunk.count
                guard bytes <= limit else { throw EvidenceRefusal.tooLarge(limit: limit) }
                if type == nil {
                    head += chunk.prefix(EvidenceType.signatureLength - head.count)
                    if head.count == EvidenceType.signatureLength {
                        guard let recognised = EvidenceType.recognise(head) else { throw EvidenceRefusal.notAcceptedType }
                        type = recognised
                    }
                }
                hasher.update(data: chunk)
                try handle.write(contentsOf: chunk)
            }
            guard bytes > 0 else { throw EvidenceRefusal.empty }
            if let expectedLength, bytes != expectedLength { throw EvidenceRefusal.truncated(received: bytes, expected: expectedLength) }
            guard let type = type ?? EvidenceType.recognise(head) else { throw EvidenceRefusal.notAcceptedType }
            if let problem = try Self.structureProblem(of: partial, type: type, size: bytes) { throw EvidenceRefusal.malformed(problem) }
            // On disk before the record that points at it is committed.
            try handle.synchronize()
            let sha256 = HexDigest.hex(hasher.finalize())
            let destination = location(sha256: sha256)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            let existed = FileManager.default.fileExists(atPath: destination.path)
            guard rename(partial.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
            Self.synchronizeDirectory(destination.deletingLastPathComponent())
            return StoredContent(sha256: sha256, type: type, bytes: bytes, isNew: !existed)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Stores a document the platform wrote itself (a 督办书), as durably as an upload.
    public func store(issued content: [UInt8], type: EvidenceType) async throws -> StoredContent {
        try await store(Self.whole(content), limit: content.count, expectedLength: content.count, issued: type)
    }

    /// Content already in memory (a form's upload, a document the platform wrote) as the one chunk `store` reads.
    public static func whole(_ content: [UInt8]) -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        AsyncThrowingStream {
            $0.yield(ArraySlice(content))
            $0.finish()
        }
    }

    /// What `EvidenceType.structureProblem` finds in the written file, reading only the few places it looks at.
    static func structureProblem(of file: URL, type: EvidenceType, size: Int) throws -> Message? {
        let reader = try FileHandle(forReadingFrom: file)
        defer { try? reader.close() }
        return type.structureProblem(size: size) { offset, count in
            guard offset >= 0, offset < size, count > 0, (try? reader.seek(toOffset: UInt64(offset))) != nil else { return [] }
            return (try? reader.read(upToCount: count)).map { Array($0) } ?? []
        }
    }

    /// Removes content no attachment refers to (an upload whose record could not be written).
    public func remove(sha256: String) {
        try? FileManager.default.removeItem(at: location(sha256: sha256))
    }

    /// A rename is durable only once its folder is synced.
    static func synchronizeDirectory(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Content the vault holds after an upload.
public struct StoredContent: Sendable, Equatable {
    public let sha256: String
    public let type: EvidenceType
    public let bytes: Int
    /// False when the same content was already there (attached elsewhere); it must then not be removed on failure.
    public let isNew: Bool
}

/// Why an upload was not kept.
public enum EvidenceRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case notAcceptedType
    case tooLarge(limit: Int)
    /// The body ended early: shorter than announced, or the connection closed mid-body (how much arrived is then unknown).
    case truncated(received: Int?, expected: Int?)
    case empty
    /// The first bytes name an accepted type but the file is not built as one (`EvidenceType.structureProblem`).
    case malformed(Message)

    /// What the uploader reads.
    public var message: Message {
        switch self {
        case .notAcceptedType: Message("rule.evidence.type")
        case let .tooLarge(limit): Message("rule.evidence.file-limit", ["limit": "\(limit)"])
        case let .truncated(received?, expected?): Message("rule.evidence.truncated", ["received": "\(received)", "expected": "\(expected)"])
        case .truncated: Message("evidence.connection-closed")
        case .empty: Message("rule.evidence.empty")
        case let .malformed(problem): problem
        }
    }

    public var description: String { message.description }
}
