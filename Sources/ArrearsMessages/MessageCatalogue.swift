import Foundation

/// A language people read Arrears in: Chinese first (the people it serves), English on request.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh-CN"
    case english = "en"

    /// The language an `Accept-Language` header asks for (RFC 9110 §12.5.4, quality values honoured): Chinese when the
    /// header is absent, names neither, or prefers Chinese; English when English ranks higher.
    public init(acceptLanguage header: String?) {
        var best: (language: Language, quality: Double)?
        for part in (header ?? "").split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first, !tag.isEmpty else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Language? = tag == "zh" || tag.hasPrefix("zh-") ? .chinese : tag == "en" || tag.hasPrefix("en-") ? .english : nil
            guard let language, quality > 0, quality > (best?.quality ?? 0) else { continue }
            best = (language, quality)
        }
        self = best?.language ?? .chinese
    }

    /// The language of a POSIX locale: English when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set) names
    /// English, else Chinese.
    public init(locale environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("en") ? .english : .chinese
    }
}

/// The words people read, one catalogue a language, as data (`Schemas/messages/<language>.json`): stable ids to text
/// with named `{placeholders}`. Codes, rules and JSON keys never come from here; they do not change with the language.
public struct MessageCatalogue: Sendable {
    let texts: [Language: [String: String]]

    /// The catalogues shipped in the binary.
    public static let shipped: MessageCatalogue = {
        func load(_ bytes: [UInt8]) -> [String: String] {
            // A catalogue that does not parse fails every test that reads it; at run time it is simply empty.
            (try? JSONDecoder().decode([String: String].self, from: Data(bytes))) ?? [:]
        }
        return MessageCatalogue(texts: [.chinese: load(PackageResources.zh_CN_json), .english: load(PackageResources.en_json)])
    }()

    /// The ids of a language's catalogue.
    public func ids(_ language: Language) -> Set<String> { Set(texts[language].map { Array($0.keys) } ?? []) }

    /// The text of `id` in `language` with its placeholders filled, or nil when the catalogue has no such id.
    public func text(_ id: String, in language: Language, _ values: [String: String] = [:]) -> String? {
        guard let text = texts[language]?[id] else { return nil }
        // One pass, so a value that itself holds "{name}" (a company's name, say) is never filled in again.
        var filled = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            filled += rest[..<open]
            filled += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return filled + rest
    }

    /// The `{placeholder}` names a text uses.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
