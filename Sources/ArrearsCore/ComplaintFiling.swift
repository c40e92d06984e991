import Foundation

/// What an SME files (登记): the parties, the contracts, the facts and the demand.
public struct ComplaintFiling: Sendable, Codable, Equatable {
    public var complainant: Complainant
    public var respondent: Respondent
    public var contracts: [Contract]
    public var facts: String
    public var demand: String
    /// "Is a court, arbitration or other body already involved?" A yes is a ground for rejection.
    public var otherBodyInvolved: Bool
    public var channel: IntakeChannel

    public init(
        complainant: Complainant, respondent: Respondent, contracts: [Contract], facts: String, demand: String, otherBodyInvolved: Bool,
        channel: IntakeChannel
    ) {
        self.complainant = complainant
        self.respondent = respondent
        self.contracts = contracts
        self.facts = facts
        self.demand = demand
        self.otherBodyInvolved = otherBodyInvolved
        self.channel = channel
    }

    /// The sum claimed: what is overdue across the contracts.
    public var amountClaimed: Fen { contracts.reduce(Fen.zero) { $0 + $1.amountOverdue } }

    /// Limits on free text: long enough for a real account of the facts, short enough to stop abuse.
    public static let textLimits = (name: 200, facts: 20_000, demand: 5_000, contractNumber: 100, contact: 200)
    /// The earliest date a contract may be signed or delivered on: older dates are typing mistakes (1900 for 2019), not
    /// arrears the platform can still pursue.
    public static let earliestContractDate = try! CSTDate("2000-01-01")
    /// At most this many contracts in one complaint; more belong in separate complaints.
    public static let contractLimit = 100

    /// The filing as it is stored — every text through `TextPolicy` — or every field that breaks a rule, all at once.
    public func checked(today: CSTDate) throws(ValidationFailure) -> ComplaintFiling {
        let (filing, found) = normalised(today: today)
        if !found.isEmpty { throw ValidationFailure(found) }
        return filing
    }

    /// Every rule the filing breaks, text and cross-field, with every field named.
    public func violations(today: CSTDate) -> [FieldViolation] { normalised(today: today).violations }

    private func normalised(today: CSTDate) -> (filing: ComplaintFiling, violations: [FieldViolation]) {
        var filing = self
        var found = filing.normaliseText()
        found += filing.crossFieldViolations(today: today)
        return (filing, found)
    }

    /// Puts each free-text field through its policy in place; a field that fails keeps its value and names its rule.
    private mutating func normaliseText() -> [FieldViolation] {
        var found: [FieldViolation] = []
        func text(_ value: inout String, _ field: String, _ policy: TextPolicy) {
            do { value = try policy.checked(value, field: field) } catch { found.append(error) }
        }
        let limits = Self.textLimits
        text(&complainant.name, "complainant.name", .line(limits.name))
        found += complainant.contact.normalise(at: "complainant.contact")
        text(&respondent.name, "respondent.name", .line(limits.name))
        if let authority = respondent.supervisingAuthority {
            let field = "respondent.supervisingAuthority"
            // Given, it must say something: a blank authority is a mistake, not "none" (that is leaving it out).
            do { respondent.supervisingAuthority = try TextPolicy.line(limits.name).checked(authority, field: field) } catch {
                found.append(error)
            }
        }
        text(&facts, "facts", .paragraph(limits.facts))
        text(&demand, "demand", .paragraph(limits.demand))
        for index in contracts.indices {
            text(&contracts[index].number, "contracts[\(index)].number", .line(limits.contractNumber))
        }
        return found
    }

    /// Rules between fields and of amounts and dates.
    private func crossFieldViolations(today: CSTDate) -> [FieldViolation] {
        var found: [FieldViolation] = []
        if let code = respondent.creditCode, code == complainant.creditCode {
            found.append(
                FieldViolation(
                    field: "respondent.creditCode", rule: "respondent.is-complainant"))
        }
        if contracts.isEmpty {
            found.append(FieldViolation(field: "contracts", rule: "contracts.required"))
        }
        if contracts.count > Self.contractLimit {
            found.append(
                FieldViolation(field: "contracts", rule: "contracts.too-many", facts: ["contractLimit": "\(Self.contractLimit)"]))
        }
        for (index, contract) in contracts.enumerated() {
            let at = "contracts[\(index)]"
            let dates: [(CSTDate?, String)] = [(contract.signedOn, "signedOn"), (contract.deliveredOn, "deliveredOn")]
            for (date, name) in dates {
                if let date, date < Self.earliestContractDate {
                    found.append(
                        FieldViolation(
                            field: "\(at).\(name)", rule: "date.too-early",
                            facts: ["date": .date(date), "earliest": .date(Self.earliestContractDate)]))
                }
            }
            if contract.signedOn > today {
                found.append(
                    FieldViolation(
                        field: "\(at).signedOn", rule: "date.in-future",
                        facts: ["date": .date(contract.signedOn), "today": .date(today)]))
            }
            if let delivered = contract.deliveredOn {
                if delivered > today {
                    found.append(
                        FieldViolation(
                            field: "\(at).deliveredOn", rule: "date.in-future",
                            facts: ["date": .date(delivered), "today": .date(today)]))
                }
                if delivered < contract.signedOn {
                    found.append(
                        FieldViolation(
                            field: "\(at).deliveredOn", rule: "date.before-signing",
                            facts: ["delivered": .date(delivered), "signedOn": .date(contract.signedOn)]))
                }
            }
            if let term = contract.paymentTermDays, !(0...3650).contains(term) {
                found.append(
                    FieldViolation(field: "\(at).paymentTermDays", rule: "payment-term.range", facts: ["term": "\(term)"]))
            }
            if contract.amountOverdue.value == 0 {
                found.append(
                    FieldViolation(
                        field: "\(at).amountOverdue", rule: "money.zero"))
            }
            if contract.amountOverdue > contract.amount {
                found.append(
                    FieldViolation(
                        field: "\(at).amountOverdue", rule: "money.overdue-exceeds-contract",
                        facts: ["amountOverdue": .money(contract.amountOverdue), "amount": .money(contract.amount)]))
            }
        }
        // The claim is a stored amount too: each contract within the ceiling is not enough if together they pass it.
        let claimed = contracts.reduce(Int64(0)) { $0 + $1.amountOverdue.value }
        if claimed > Fen.ceiling {
            found.append(
                FieldViolation(
                    field: "contracts", rule: "money.claim-too-large",
                    facts: ["claimed": .money(Fen(unchecked: claimed))]))
        }
        return found
    }
}

extension Contact {
    /// Puts the person's name and the email through `TextPolicy` in place and checks the phone's and email's shapes, each
    /// named under `prefix` (a filing and a registration share it).
    public mutating func normalise(at prefix: String) -> [FieldViolation] {
        var found: [FieldViolation] = []
        let limit = ComplaintFiling.textLimits.contact
        do { person = try TextPolicy.line(limit).checked(person, field: "\(prefix).person") } catch { found.append(error) }
        phone = phone.trimmingCharacters(in: .whitespaces)
        if phone.unicodeScalars.count > 40 {
            found.append(
                FieldViolation(field: "\(prefix).phone", rule: "text.too-long", facts: ["limit": "40", "scalars": "\(phone.unicodeScalars.count)"]))
        } else if !Self.looksLikePhone(phone) {
            found.append(
                FieldViolation(
                    field: "\(prefix).phone", rule: "phone.format"))
        }
        if let given = email {
            do {
                let checked = try TextPolicy.line(limit).checked(given, field: "\(prefix).email")
                email = checked
                if !Self.looksLikeEmail(checked) {
                    found.append(FieldViolation(field: "\(prefix).email", rule: "email.format", facts: ["text": .text(checked)]))
                }
            } catch { found.append(error) }
        }
        return found
    }

    /// Digits with the separators people write (China: 0571-87000000, 13800000000, +86 …).
    static func looksLikePhone(_ text: String) -> Bool {
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        return (7...20).contains(digits) && text.allSatisfy { ($0.isASCII && $0.isNumber) || "+-() ".contains($0) }
    }

    /// One @, something before it, and a dotted domain after it; deliverability is not ours to judge.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
