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
