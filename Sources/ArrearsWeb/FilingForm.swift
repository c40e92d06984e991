import ArrearsCore

/// A draft's answers as the domain's filing: each answer read by the same constructors the API's conversion uses
/// (credit codes, regions, dates, money in fen), then the filing's own rules (`ComplaintFiling.checked`). Every refusal
/// names the answer's key, so it is shown beside its question.
struct FilingForm {
    let answers: [String: String]
    let regions: RegionDirectory

    func text(_ key: String) -> String { answers[key] ?? "" }

    func present(_ key: String) -> String? {
        let value = text(key).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The answers of one section, checked on their own (a page is done when this finds nothing).
    func violations(of section: FilingQuestions.Section) -> [FieldViolation] {
        var check = ViolationCollector()
        for question in section.questions {
            let key = section.prefix + question.key
            guard let value = present(key) else {
                if !question.optional { check.add(FieldViolation(field: key, rule: "required")) }
                continue
            }
            switch question.kind {
            case .date: _ = check.field(key) { try CSTDate(value) }
            case .yuan: _ = check.field(key) { try Self.fen(value) }
            case .whole: _ = check.field(key) { try Self.whole(value) }
            case let .choice(_, codes): if !codes.contains(value) { check.add(FieldViolation(field: key, rule: "choice.unknown")) }
            case .yesNo: if !["yes", "no"].contains(value) { check.add(FieldViolation(field: key, rule: "choice.unknown")) }
            case .line, .paragraph:
                if question.key == "creditCode" { _ = check.field(key) { try CreditCode(value) } }
                if question.key == "region" { _ = check.field(key) { try RegionCode(value, in: regions) } }
            }
        }
        return check.violations
    }

    /// The whole filing, or every violation: first each section's, then the filing's own rules.
    func filing(today: CSTDate) -> Result<ComplaintFiling, ValidationFailure> {
        let count = FilingQuestions.contractCount(answers)
        var found = [FilingQuestions.complainant, FilingQuestions.respondent, FilingQuestions.facts].flatMap(violations)
        if count == 0 { found.append(FieldViolation(field: "contracts", rule: "contracts.required")) }
        for index in 0..<count { found += violations(of: FilingQuestions.contract(index)) }
        guard found.isEmpty else { return .failure(ValidationFailure(found)) }
        // Every answer was read above, so these conversions hold.
        let complainant = Complainant(
            name: text("complainant.name"), creditCode: try! CreditCode(text("complainant.creditCode").trimmingCharacters(in: .whitespaces)),
            region: try! RegionCode(text("complainant.region").trimmingCharacters(in: .whitespaces), in: regions),
            industry: Industry(rawValue: text("complainant.industry"))!, declaredSize: EnterpriseSize(rawValue: text("complainant.declaredSize"))!,
            contact: Contact(
                person: text("complainant.contact.person"), phone: text("complainant.contact.phone"), email: present("complainant.contact.email")))
        let respondent = Respondent(
            name: text("respondent.name"), creditCode: present("respondent.creditCode").map { try! CreditCode($0) },
            kind: RespondentKind(rawValue: text("respondent.kind"))!, level: AdministrativeLevel(rawValue: text("respondent.level"))!,
            region: try! RegionCode(text("respondent.region").trimmingCharacters(in: .whitespaces), in: regions),
            supervisingAuthority: present("respondent.supervisingAuthority"))
        let contracts = (0..<count).map { index in
            let at = "contracts[\(index)]."
            return Contract(
                number: text(at + "number"), subject: ContractSubject(rawValue: text(at + "subject"))!,
                signedOn: try! CSTDate(present(at + "signedOn")!), amount: try! Self.fen(present(at + "amount")!),
                deliveredOn: present(at + "deliveredOn").map { try! CSTDate($0) },
                paymentTermDays: present(at + "paymentTermDays").map { try! Self.whole($0) },
                amountOverdue: try! Self.fen(present(at + "amountOverdue")!))
        }
        let filing = ComplaintFiling(
            complainant: complainant, respondent: respondent, contracts: contracts, facts: text("facts"), demand: text("demand"),
            otherBodyInvolved: text("otherBodyInvolved") == "yes", channel: .online)
        do { return .success(try filing.checked(today: today)) } catch { return .failure(error) }
    }

    /// Yuan as typed, as fen; refused as the amount it is not.
    static func fen(_ text: String) throws(InvalidValue) -> Fen {
        guard let fen = Fen(yuan: text) else { throw InvalidValue(rule: "money.yuan-format", facts: ["text": .text(text)]) }
        return fen
    }

    static func whole(_ text: String) throws(InvalidValue) -> Int {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), number <= 3650 else {
            throw InvalidValue(rule: "number.whole", facts: ["text": .text(text)])
        }
        return number
    }
}
