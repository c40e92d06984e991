import ArrearsCore

/// The questions of the filing pages, section by section: each answer is kept under the field name the API's own
/// refusals use (`complainant.contact.phone`, `contracts[0].amountOverdue`), so a rule's refusal lands beside the
/// question it is about, whichever edge found it.
enum FilingQuestions {
    /// How a question is asked.
    enum Kind: Equatable {
        case line, paragraph, date, yuan, whole
        /// One of a code list, each worded by `family` + code.
        case choice(family: String, codes: [String])
        case yesNo
    }

    struct Question {
        /// The answer's key after the section's prefix (`name`, `contact.phone`).
        let key: String
        let kind: Kind
        let optional: Bool
        /// The HTML `autocomplete` token that lets a browser fill it in.
        let autocomplete: String?

        init(_ key: String, _ kind: Kind, optional: Bool = false, autocomplete: String? = nil) {
            self.key = key
            self.kind = kind
            self.optional = optional
            self.autocomplete = autocomplete
        }
    }

    /// A page of questions: its name in URLs and the catalogue, and the prefix of its answers' keys.
    struct Section {
        let name: String
        let prefix: String
        let questions: [Question]
    }

    static let complainant = Section(
        name: "complainant", prefix: "complainant.",
        questions: [
            Question("name", .line, autocomplete: "organization"), Question("creditCode", .line), Question("region", .line),
            Question("industry", .choice(family: "industry.", codes: Industry.allCases.map(\.rawValue))),
            Question("declaredSize", .choice(family: "size.", codes: ["medium", "small", "micro"])),
            Question("contact.person", .line, autocomplete: "name"), Question("contact.phone", .line, autocomplete: "tel"),
            Question("contact.email", .line, optional: true, autocomplete: "email"),
        ])

    static let respondent = Section(
        name: "respondent", prefix: "respondent.",
        questions: [
            Question("name", .line), Question("creditCode", .line, optional: true),
            Question("kind", .choice(family: "respondent-kind.", codes: RespondentKind.allCases.map(\.rawValue))),
            Question("level", .choice(family: "level.", codes: AdministrativeLevel.allCases.map(\.rawValue))), Question("region", .line),
            Question("supervisingAuthority", .line, optional: true),
        ])

    /// The questions of contract `index` (zero-based).
    static func contract(_ index: Int) -> Section {
        Section(
            name: "contract", prefix: "contracts[\(index)].",
            questions: [
                Question("number", .line), Question("subject", .choice(family: "subject.", codes: ContractSubject.allCases.map(\.rawValue))),
                Question("signedOn", .date), Question("amount", .yuan), Question("deliveredOn", .date, optional: true),
                Question("paymentTermDays", .whole, optional: true), Question("amountOverdue", .yuan),
            ])
    }

    static let facts = Section(
        name: "facts", prefix: "",
        questions: [Question("facts", .paragraph), Question("demand", .paragraph), Question("otherBodyInvolved", .yesNo)])

    /// Most contracts one filing may name (the rule's own limit).
    static var contractLimit: Int { ComplaintFiling.contractLimit }

    /// The contracts a draft has answers for: 0, 1, 2, …
    static func contractCount(_ answers: [String: String]) -> Int {
        var count = 0
        while answers.keys.contains(where: { $0.hasPrefix("contracts[\(count)].") }) { count += 1 }
        return count
    }

    /// A key as an HTML id: `contracts[0].amount` → `contracts-0-amount`.
    static func id(_ key: String) -> String {
        String(key.map { $0.isLetter || $0.isNumber ? $0 : "-" }).replacingOccurrences(of: "--", with: "-").trimmingCharacters(in: ["-"])
    }
}
