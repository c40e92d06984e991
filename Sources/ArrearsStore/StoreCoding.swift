import ArrearsCore
import Foundation

/// How every engine writes instants and JSON columns, so a database reads the same whichever wrote it.
public enum StoreCoding {
    static let instantStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// UTC, ISO 8601, milliseconds: sorts as text.
    public static func instant(_ date: Date) -> String { instantStyle.format(date) }

    public static func instant(_ text: String) throws -> Date { try instantStyle.parse(text) }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(instant(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try instant(decoder.singleValueContainer().decode(String.self))
        }
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// The complaint number for the n-th complaint received in a year.
    public static func complaintNumber(year: Int, ordinal: Int) -> String {
        String(format: "ARR-%04d-%06d", year, ordinal)
    }
}
