/// A unified social credit code (统一社会信用代码, GB 32100-2015), valid by construction.
public struct CreditCode: Hashable, Sendable, StringValue {
    /// The 31 characters the standard allows, in value order (no I, O, S, V, Z).
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights 3^(i-1) mod 31 for positions 1…17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The 18 characters, upper case.
    public let text: String

    /// Accepts 18 characters of the standard's alphabet whose last is the right check character.
    /// Lower case letters are upper-cased, since people type them; nothing else is forgiven.
    public init(_ text: String) throws(InvalidValue) {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else {
            throw InvalidValue(
                rule: "credit-code.length",
                facts: ["count": "\(characters.count)"])
        }
        var values: [Int] = []
        for (index, character) in characters.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else {
                throw InvalidValue(
                    rule: "credit-code.character",
                    facts: ["position": "\(index + 1)", "character": "\(character)"])
            }
            values.append(value)
        }
        let expected = Self.checkCharacter(values.prefix(17))
        guard characters[17] == expected else {
            throw InvalidValue(
                rule: "credit-code.check-character",
                facts: ["given": "\(characters[17])", "expected": "\(expected)"])
        }
        self.text = String(characters)
    }

    /// The check character the first 17 values (indices into `alphabet`) require (GB 32100-2015 §5).
    static func checkCharacter(_ values: some Collection<Int>) -> Character {
        let sum = zip(values, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Self.alphabet[(31 - sum % 31) % 31]
    }

    /// The code whose first 17 characters are given, with the check character they require.
    public static func completing(_ first17: String) throws(InvalidValue) -> CreditCode {
        let values = first17.uppercased().compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17, first17.count == 17 else {
            throw InvalidValue(rule: "credit-code.first-17", facts: ["text": .text(first17)])
        }
        return try CreditCode(first17.uppercased() + String(checkCharacter(values)))
    }

    /// Entity type, positions 1–2: `11` organ, `12` public institution, `91` enterprise, …
    public var entityType: Substring { text.prefix(2) }

    /// The registering authority's GB/T 2260 region code, positions 3–8.
    public var registrationRegion: String { String(text.dropFirst(2).prefix(6)) }

    public init(checking text: String) throws(InvalidValue) { try self.init(text) }

    public var stringValue: String { text }

}
