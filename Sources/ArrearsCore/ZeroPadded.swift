/// Decimal digits with leading zeros, for the fixed-width text of dates, months and numbers.
extension BinaryInteger {
    /// `7.zeroPadded(2)` is "07". `String(format:)` goes through Foundation's CFString formatting, which took a third of
    /// a bulk import's time (perf, 2026-11-22); this is plain integer arithmetic.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(self.magnitude)
        let sign = self < 0 ? "-" : ""
        return digits.count >= width ? sign + digits : sign + String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int {
    /// The value of text made only of ASCII digits, or nil: `Int("+3")` and `Int("-3")` accept a sign, which no fixed-width
    /// field of a date or month may carry (`2025-+3-18` is not a date).
    public init?(digits text: Substring) {
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text) else { return nil }
        self = value
    }
}
