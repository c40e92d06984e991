import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation
import Testing

/// Every message id the code can produce is in both catalogues, so no reader ever sees a bare id.
@Suite("The catalogues cover every message the code says")
struct CatalogueCoverageTests {
    let catalogue = MessageCatalogue.shipped

    /// Every Swift source of the product, read as text.
    static func sources() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// The ids the code names literally: `Message("id"…)`, a rule's own message (`rule: "x"` unless given a message),
    /// and the families built from a literal suffix (actions, kinds of attempts, JSON syntax errors, characters).
    static func literalIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        func each(_ pattern: String, _ make: (String) -> String?) {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let whole = String(text[Range(match.range, in: text)!])
                let captured = String(text[Range(match.range(at: 1), in: text)!])
                if let id = make(whole.contains("message:") ? "" : captured), !id.isEmpty { ids.insert(id) }
            }
        }
        // An id that ends in a dot or a dash is a prefix the code completes (`"role." + role.rawValue`): enumFamilies checks those.
        each(#"Message\("([a-z0-9.\-]*[a-z0-9])"(?!\s*\+)"#) { $0 }
        each(#"rule: "([a-z0-9.\-]+)"(\s*,\s*message:)?"#) { $0.isEmpty ? nil : "rule." + $0 }
        each(#"(?:holding\(\.[a-zA-Z]+, |action: )"([a-z0-9\-]+)""#) { "action." + $0 }
        each(#"tooMany\("([a-z0-9\-]+)""#) { "attempts." + $0 }
        each(#"(?:words|self|filled)\("([a-z0-9.\-]*[a-z0-9])"(?!\s*\+)"#) { $0 }
        each(#"\bline\("([a-z\-]+)""#) { "cli.label." + $0 }
        // The statistics' figures (`row("registered")`), named `figure.<code>` when printed as a table.
        each(#"\brow\("([a-z_]+)"\)"#) { "figure." + $0 }
        // The statistics export's columns (`count("registered")`, `Column(id: "month", …)`) and dimensions.
        each(#"\bcount\("([a-z0-9\-]+)"\)"#) { "stats.column." + $0 }
        each(#"Column\(id: "([a-z0-9\-]+)""#) { "stats.column." + $0 }
        let dimensions = try! NSRegularExpression(pattern: #"static let dimensions = \[((?:"[a-z_]+",?\s*)+)\]"#)
        for match in dimensions.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            for item in String(text[Range(match.range(at: 1), in: text)!]).split(separator: ",") {
                ids.insert("stats.dimension." + item.trimmingCharacters(in: CharacterSet(charactersIn: "\" \n")))
            }
        }
        // `["number", "state"].map { words("cli.column." + $0) }`: each item under the prefix.
        let lists = try! NSRegularExpression(pattern: #"\[((?:"[a-z\-]+",?\s*)+)\]\.map \{ words\("([a-z.\-]+\.)" \+ \$0\) \}"#)
        for match in lists.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let items = String(text[Range(match.range(at: 1), in: text)!]).split(separator: ",")
            let prefix = String(text[Range(match.range(at: 2), in: text)!])
            for item in items { ids.insert(prefix + item.trimmingCharacters(in: CharacterSet(charactersIn: "\" \n"))) }
        }
        each(#"syntax\("([a-z0-9\-]+)""#) { "json-syntax." + $0 }
        each(#"\("text\.[a-z\-]+", "([a-z\-]+)"\)"#) { "character." + $0 }
        return ids
    }

    @Test("Every id the sources name is in both catalogues")
    func literalIDs() throws {
        var ids: Set<String> = []
        for (path, text) in try Self.sources() where !path.contains("/ArrearsAPI/Generated") {
            // ParameterSchema words its refusals as `parameter.<rule>`; its `rule:` is `query.`/`path.` + that.
            let found = Self.literalIDs(in: text).filter { !(path.hasSuffix("ParameterSchema.swift") && $0.hasPrefix("rule.")) }
            ids.formUnion(found)
        }
        #expect(ids.count > 150, "the scan found \(ids.count) ids; has the code's way of naming messages changed?")
        let missing = ids.filter { catalogue.text($0, in: .chinese) == nil || catalogue.text($0, in: .english) == nil }
        #expect(missing.isEmpty, "in code, not in both catalogues: \(missing.sorted())")
    }

    @Test("The words built from enum values exist for every value: roles, states, commands, kinds, industries, outcomes, events…")
    func enumFamilies() throws {
        var ids = Role.allCases.map { "role." + $0.rawValue } + ComplaintState.allCases.map { "state." + $0.rawValue }
        ids += DeadlineStage.allCases.map { "stage." + $0.rawValue } + (1...7).map { "weekday.\($0)" }
        ids += (Lifecycle.transitions.map(\.command) + ["register"]).map { "action." + $0 }
        ids += RespondentKind.allCases.map { "respondent-kind." + $0.rawValue } + AdministrativeLevel.allCases.map { "level." + $0.rawValue }
        ids += Industry.allCases.map { "industry." + $0.rawValue } + EnterpriseSize.allCases.map { "size." + $0.rawValue }
        ids += ContractSubject.allCases.map { "subject." + $0.rawValue } + IntakeChannel.allCases.map { "channel." + $0.rawValue }
        ids += RejectionGround.allCases.map { "ground." + $0.rawValue } + ResolutionOutcome.allCases.map { "outcome." + $0.rawValue }
        ids += Satisfaction.allCases.map { "satisfaction." + $0.rawValue } + ClosureReason.allCases.map { "closure." + $0.rawValue }
        ids += EscalationStep.allCases.map { "escalation." + $0.rawValue } + ComplaintEventKind.allCases.map { "event." + $0.rawValue }
        ids += SizeMeasure.allCases.flatMap {
            ["size.compare.\($0.rawValue).below", "size.compare.\($0.rawValue).at-least", "size.need.\($0.rawValue)"]
        }
        ids += MessageFact.Joiner.allCases.map { "list." + $0.rawValue } + Hop.State.allCases.map { "hop-state." + $0.rawValue }
        ids +=
            ["accepted", "forwarded", "resolved", "closed"].map { "figure.days_to_" + $0 } + [
                "figure.amount_claimed_yuan", "figure.amount_paid_yuan",
            ]
        // The shipped rule sets' provisions, worded per stage.
        let rules = try ShippedReferenceData.ruleBook()
        ids += ["measures-2021", "decree-802"].flatMap { set in DeadlineStage.allCases.map { "basis.\(set).\($0.rawValue)" } }
        #expect(rules.ruleSet(id: "measures-2021") != nil && rules.ruleSet(id: "decree-802") != nil)
        let missing = ids.filter { catalogue.text($0, in: .chinese) == nil || catalogue.text($0, in: .english) == nil }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test("A Chinese reader reads no English word in a refusal's words, bar codes and the law's own abbreviations")
    func chineseIsChinese() throws {
        for id in catalogue.ids(.chinese) where id.hasPrefix("rule.") || id.hasPrefix("refusal.") || id.hasPrefix("reckoning.") {
            let text = try #require(catalogue.text(id, in: .chinese))
            let prose = text.replacingOccurrences(of: #"\{[A-Za-z0-9]+\}"#, with: " ", options: .regularExpression)
            let words = prose.split(whereSeparator: { (character: Character) in !character.isLetter || !character.isASCII }).map(String.init)
            let allowed: Set<String> = [
                "bcrypt", "Bearer", "Authorization", "arrearsctl", "account", "revoke", "arrearsd", "migrate", "overrideReason", "ETag", "null",
                "JSON", "ASCII", "Unicode", "JPEG", "date", "kind", "name", "code", "level", "holiday", "workday", "true", "false", "Match",
                "accept", "reject", "request", "supplement", "forward", "return", "resolve", "close", "acknowledge", "extend", "escalate", "note",
            ]
            let english = words.filter { $0.count > 3 && !allowed.contains($0) && !$0.hasPrefix("YYYY") }
            #expect(english.isEmpty, "\(id): \(text)")
        }
    }
}
