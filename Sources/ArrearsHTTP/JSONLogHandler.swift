import Foundation
import Logging

/// Log lines as JSON objects, one per line, for collectors (journald, Loki, Elasticsearch): time, level, label, message
/// and every metadata field (the request id among them) as top-level keys; numbers (`status`, `duration_ms`) stay numbers.
/// swift-log ships only a plain-text handler.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let write: @Sendable (String) -> Void

    /// Writes to standard error, which systemd and container runtimes collect.
    public init(label: String) {
        // One write per line, so lines from concurrent requests do not interleave.
        self.init(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: Field] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) where key != "hb.request.id" {
            // Hummingbird's own id is dropped: each line carries one request id, the one the client got in X-Request-Id.
            fields[key] = Field(value)
        }
        fields["time"] = .text(Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)))
        fields["level"] = .text(event.level.rawValue)
        fields["label"] = .text(label)
        fields["message"] = .text("\(event.message)")
        fields["source"] = .text(event.source)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// A metadata value as JSON: integers, fractions and booleans given as such stay numbers and booleans.
    enum Field: Encodable {
        case text(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)

        init(_ value: Logger.MetadataValue) {
            switch value {
            case let .stringConvertible(number as Int): self = .integer(number)
            case let .stringConvertible(number as Double): self = .number(number)
            case let .stringConvertible(flag as Bool): self = .boolean(flag)
            default: self = .text("\(value)")
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .text(text): try container.encode(text)
            case let .integer(number): try container.encode(number)
            case let .number(number): try container.encode(number)
            case let .boolean(flag): try container.encode(flag)
            }
        }
    }
}
