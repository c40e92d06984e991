import ArrearsStore
import Foundation

/// Bearer tokens: random, shown once, stored only as a SHA-256 digest. A token has 256 bits of
/// entropy, so a fast digest is enough; passwords (a later issue) get a slow hash.
public enum BearerToken {
    /// A new token: `arr_` and 43 URL-safe characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "arr_" + text
    }

    public static func digest(_ token: String) -> String {
        HexDigest.sha256(token)
    }
}
