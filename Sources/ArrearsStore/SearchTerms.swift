import ArrearsCore
import Foundation

/// How complaints are found by what officials type (检索): the complaint's number, the parties' names and credit codes, and
/// its contract numbers, cut into terms both engines index the same way. Chinese has no spaces, so a run of ideographs
/// becomes its overlapping pairs (杭州示例 → 杭州 州示 示例) and any two or more characters of a name are found as a phrase
/// of pairs; letters and digits make one lower-case term per run (ARR-2026-000123 → arr 2026 000123), the last term of a
/// query matching as a prefix. Terms never depend on a database's locale or tokenizer.
public enum SearchTerms {
    /// Between two fields, so that no phrase runs from one into the next; typing can never produce it.
    public static let separator = "\u{E000}"

    /// Fewest characters a query must have that count (ideographs, letters, digits).
    public static let shortestQuery = 2

    /// A complaint's terms, in order.
    public static func document(of complaint: Complaint) -> [String] {
        numbered(complaint.number, parties: parties(of: complaint))
    }

    /// The terms of all a complaint's document holds but its number: its parties' names and codes, its contract numbers.
    /// A bulk import makes them on every core; the number comes last, from the one writer.
    public static func parties(of complaint: Complaint) -> [String] {
        let filing = complaint.filing
        return document(
            fields: [filing.complainant.name, filing.complainant.creditCode.text, filing.respondent.name, filing.respondent.creditCode?.text ?? ""]
                + filing.contracts.map(\.number))
    }

    /// A complaint's document: its number's terms, then its `parties` terms.
    public static func numbered(_ number: String, parties: [String]) -> [String] {
        let head = terms(number)
        if head.isEmpty { return parties }
        return parties.isEmpty ? head : head + [separator] + parties
    }

    /// The terms of fields, with a separator between each two.
    public static func document(fields: [String]) -> [String] {
        var terms: [String] = []
        for field in fields {
            let cut = self.terms(field)
            guard !cut.isEmpty else { continue }
            if !terms.isEmpty { terms.append(separator) }
            terms += cut
        }
        return terms
    }

    /// A query as a phrase of terms, or nil when it has fewer than `shortestQuery` characters that count.
    public static func query(_ text: String) -> SearchPhrase? {
        let normalised = text.precomposedStringWithCompatibilityMapping
        guard normalised.unicodeScalars.filter({ Self.kind(of: $0) != nil }).count >= shortestQuery else { return nil }
        let cut = terms(text)
        guard !cut.isEmpty else { return nil }
        // A trailing run of letters or digits may be cut short by the typist: "ZJ-2025-03" finds ZJ-2025-0318.
        let lastIsWord = normalised.unicodeScalars.reversed().first { Self.kind(of: $0) != nil }.map { Self.kind(of: $0) == .word } ?? false
        return SearchPhrase(terms: cut, lastIsPrefix: lastIsWord)
    }

    enum Kind { case ideograph, word }

    static func kind(of scalar: Unicode.Scalar) -> Kind? {
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? .word : nil }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil ? .ideograph : nil
    }

    /// A text's terms: pairs of each ideograph run (a run of one is itself), one term per run of letters and digits.
    static func terms(_ text: String) -> [String] {
        // Full-width letters and digits (ＡＢＣ１２３) are the ASCII ones.
        let scalars = Array(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
        var terms: [String] = []
        var index = 0
        while index < scalars.count {
            guard let kind = kind(of: scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Self.kind(of: scalars[end]) == kind { end += 1 }
            let run = scalars[index..<end].map(Character.init)
            switch kind {
            case .word: terms.append(String(run))
            case .ideograph:
                if run.count == 1 { terms.append(String(run)) }
                for start in 0..<max(0, run.count - 1) { terms.append(String(run[start...start + 1])) }
            }
            index = end
        }
        return terms
    }
}

/// A query's terms, to be found next to each other in this order.
public struct SearchPhrase: Sendable, Equatable {
    public let terms: [String]
    /// Whether the last term matches any term it begins (it was a run of letters or digits).
    public let lastIsPrefix: Bool

    /// The phrase as an SQLite FTS5 query: `"示例 例建" ` or `"arr 2026 0001" *`. Terms hold only letters, digits and
    /// ideographs, so nothing needs quoting.
    public var fts5: String { "\"" + terms.joined(separator: " ") + "\"" + (lastIsPrefix ? " *" : "") }

    /// The phrase as a PostgreSQL tsquery: `'示例' <-> '例建'`, the last term `:*` when it is a prefix.
    public var tsquery: String {
        terms.enumerated().map { index, term in
            "'\(term)'" + (lastIsPrefix && index == terms.count - 1 ? ":*" : "")
        }.joined(separator: " <-> ")
    }
}

extension SearchTerms {
    /// A document as a PostgreSQL tsvector literal with positions (`'杭州':1 '州示':2 …`), so no text search
    /// configuration or locale takes part.
    public static func tsvector(_ terms: [String]) -> String {
        terms.enumerated().map { "'\($0.element)':\(min($0.offset + 1, 16_383))" }.joined(separator: " ")
    }
}
