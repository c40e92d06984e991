import ArgumentParser
import Foundation
import OpenAPIRuntime

/// Writes a response body to a file a chunk at a time, as it arrives.
enum BodyFile {
    /// The bytes written and how many of them were newlines (a CSV's rows, header included).
    static func write(_ body: HTTPBody, to path: String) async throws -> (bytes: Int, newlines: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? file.close() }
        var (bytes, newlines) = (0, 0)
        for try await chunk in body {
            try file.write(contentsOf: chunk)
            bytes += chunk.count
            newlines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        return (bytes, newlines)
    }
}
