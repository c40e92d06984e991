/// A GB/T 2260 administrative region code: `PP0000` province, `PPCC00` city, `PPCCXX` county.
public struct RegionCode: Hashable, Sendable, StringValue, Comparable {
    /// The six digits.
    public let code: String

    /// Accepts only a code the directory knows (retired codes included, old credit codes carry them).
    public init(_ text: String, in directory: RegionDirectory) throws(InvalidValue) {
        try self.init(format: text)
        guard directory.contains(self) else {
            throw InvalidValue(rule: "region.unknown", facts: ["text": "\(text)"])
        }
    }

    /// Checks the shape only; for codes read back from our own storage, which were checked on the way in.
    public init(format text: String) throws(InvalidValue) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw InvalidValue(rule: "region.format", facts: ["text": "\(text)"])
        }
        self.code = text
    }

    /// The province (or province-level municipality / autonomous region) this code lies in.
    public var province: RegionCode {
        // Six ASCII digits by construction, so the prefix is always valid.
        try! RegionCode(format: String(code.prefix(2)) + "0000")
    }

    public var isProvince: Bool { code.hasSuffix("0000") }

    public init(checking text: String) throws(InvalidValue) { try self.init(format: text) }

    public var stringValue: String { code }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.code < rhs.code }

}
