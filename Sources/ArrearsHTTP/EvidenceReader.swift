import Foundation

/// Reads an evidence file a chunk at a time as the client takes it, so a download never holds the file in memory.
final class EvidenceReader: Sendable {
    static let chunkSize = 64 * 1024
    let handle: FileHandle

    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    deinit { try? handle.close() }

    /// Each element is read when the response asks for it; nothing is read ahead.
    func chunks() -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        AsyncThrowingStream { [self] in
            guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return nil }
            return ArraySlice(data)
        }
    }
}
