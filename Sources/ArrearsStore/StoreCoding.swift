import ArrearsCore
import Foundation

/// How every engine writes instants and JSON columns, so a database reads the same whichever wrote it.
public enum StoreCoding {
    static let secondsStyle = Date.ISO8601FormatStyle()

    /// UTC, ISO 8601, milliseconds (`2026-11-02T01:30:00.123Z`): sorts as text. Milliseconds are
    /// counted as integers, because a formatter that truncates a binary fraction can lose one.
    public static func instant(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = secondsStyle.format(Date(timeIntervalSince1970: TimeInterval(seconds - (fraction < 0 ? 1 : 0))))
        return String(whole.dropLast()) + String(format: ".%03lld", (fraction + 1000) % 1000) + "Z"
    }

    public static func instant(_ text: String) throws -> Date {
        let parts = text.split(separator: ".")
        guard parts.count == 2, parts[1].count == 4, parts[1].hasSuffix("Z"), let fraction = Int64(parts[1].dropLast()) else {
            return try secondsStyle.parse(text)
        }
        let seconds = Int64(try secondsStyle.parse(parts[0] + "Z").timeIntervalSince1970)
        return Date(timeIntervalSince1970: TimeInterval(seconds * 1000 + fraction) / 1000)
    }

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
