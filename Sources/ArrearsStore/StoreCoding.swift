import ArrearsCore
import Foundation

/// How every engine writes instants and JSON columns, so a database reads the same whichever wrote it.
public enum StoreCoding {
    static let secondsStyle = Date.ISO8601FormatStyle()

    /// UTC, ISO 8601, milliseconds (`2026-11-02T01:30:00.123Z`): sorts as text. Milliseconds are counted as integers,
    /// because a formatter that truncates a binary fraction can lose one; the date is civil-day arithmetic, because
    /// Foundation's formatters were a tenth of a bulk import's time.
    public static func instant(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = Int(milliseconds - days * 86_400_000)
        // CSTDate's day arithmetic is plain civil-calendar arithmetic; here the day it names is a UTC one.
        let day = CSTDate(dayNumber: Int(days)).description
        let (hours, minutes, seconds) = (inDay / 3_600_000, inDay / 60_000 % 60, inDay / 1000 % 60)
        return "\(day)T\(hours.zeroPadded(2)):\(minutes.zeroPadded(2)):\(seconds.zeroPadded(2)).\((inDay % 1000).zeroPadded(3))Z"
    }

    public static func instant(_ text: String) throws -> Date {
        // The stored form, read by arithmetic; anything else (older rows, other precisions) by the ISO 8601 parser.
        let bytes = Array(text.utf8)
        if bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
            let day = try? CSTDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hours = number(bytes[11..<13]), let minutes = number(bytes[14..<16]), let seconds = number(bytes[17..<19]),
            let fraction = number(bytes[20..<23]), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), hours < 24, minutes < 60,
            seconds < 60
        {
            let milliseconds = Int64(day.dayNumber) * 86_400_000 + Int64(((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction)
            return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
        }
        let parts = text.split(separator: ".")
        guard parts.count == 2, parts[1].count == 4, parts[1].hasSuffix("Z"), let fraction = Int64(parts[1].dropLast()) else {
            return try secondsStyle.parse(text)
        }
        let seconds = Int64(try secondsStyle.parse(parts[0] + "Z").timeIntervalSince1970)
        return Date(timeIntervalSince1970: TimeInterval(seconds * 1000 + fraction) / 1000)
    }

    /// Decimal digits only, or nil.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Maps in key order, so the same value is stored as the same text; members in the order the type encodes them.
    static let encoder = StreamingJSONEncoder(sortsMaps: true, date: instant)

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Reads what `encode` wrote (and what Foundation's encoder wrote before it).
    static let decoder = StoredJSONDecoder(date: instant)

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: text)
    }

    /// The complaint number for the n-th complaint received in a year.
    public static func complaintNumber(year: Int, ordinal: Int) -> String {
        "ARR-\(year.zeroPadded(4))-\(ordinal.zeroPadded(6))"
    }
}
