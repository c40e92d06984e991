/// An amount of money in fen (分, 1/100 yuan), never negative, never floating point.
public struct Fen: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// 100 billion yuan: above any single SME claim; a larger figure is a typing error.
    public static let ceiling: Int64 = 10_000_000_000_000

    public static let zero = Fen(unchecked: 0)

    public let value: Int64

    public init(_ value: Int64) throws(InvalidValue) {
        guard value >= 0 else {
            throw InvalidValue(rule: "money.negative", facts: ["value": "\(value)"])
        }
        guard value <= Self.ceiling else {
            throw InvalidValue(
                rule: "money.too-large",
                facts: ["value": "\(value)"])
        }
        self.value = value
    }

    /// For sums the store computed from amounts that were each checked on the way in.
    public init(unchecked value: Int64) {
        self.value = value
    }

    public static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(unchecked: lhs.value + rhs.value) }

    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }

    /// Yuan with two decimals and no separators, as spreadsheets and CSV readers take numbers: `1234567.89`, `-0.05`.
    public var decimalYuan: String {
        let magnitude = value.magnitude
        return (value < 0 ? "-" : "") + String(magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + String(magnitude % 100)
    }

    /// Yuan with two decimals and thousands separators: `1,234,567.89`.
    public var yuan: String {
        let whole = String(value / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = value % 100
        return grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    public var description: String { "¥" + yuan }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int64.self)
        do { try self.init(value) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Fen {
    /// An amount as people type it in yuan ("456000", "456,000.50"), read as integer fen, never through floating point;
    /// nil when it is not one (more than two decimals, a sign, other characters, over ¥1,000 billion).
    public init?(yuan text: String) {
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int64(parts[0]),
            whole <= 100_000_000_000
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(decimals) else {
                return nil
            }
            cents = decimals.count == 1 ? value * 10 : value
        }
        self.init(unchecked: whole * 100 + cents)
    }

    /// An amount typed in 万元, the unit the 2011 size standard's table uses, to the fen (two decimals of 万元 at most).
    public init?(wan text: String) {
        guard let yuan = Fen(yuan: text) else { return nil }
        self.init(unchecked: yuan.value * 10_000)
    }
}
