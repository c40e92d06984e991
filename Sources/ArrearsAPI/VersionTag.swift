import Foundation

/// How a complaint's version travels in `ETag` and `If-Match`, shared by the server and the CLI.
public enum VersionTag {
    /// The strong entity tag for a version: `"3"`.
    public static func etag(_ version: Int) -> String { "\"\(version)\"" }

    /// Reads `"3"`, `W/"3"` or a bare `3`; nil for anything else, including the `*` wildcard,
    /// which would defeat the point of saying which version a decision was based on.
    public static func version(fromIfMatch header: String) -> Int? {
        var text = Substring(header.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version >= 1 else { return nil }
        return version
    }
}
