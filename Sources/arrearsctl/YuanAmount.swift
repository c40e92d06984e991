import Foundation

/// Reads the yuan amounts officials type ("456000", "456,000.50") as integer fen, never through floating point.
enum YuanAmount {
    static func fen(_ text: String) -> Int64? {
        let plain = text.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), let whole = Int64(parts[0]), whole >= 0,
            whole <= 100_000_000_000
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCII), let value = Int64(decimals) else { return nil }
            cents = decimals.count == 1 ? value * 10 : value
        }
        return whole * 100 + cents
    }
}
