/// Something about a filing that bears on whether it can be accepted, with the ground it points to.
/// Findings inform the intake officer's review; they decide nothing by themselves.
public struct EligibilityFinding: Sendable, Codable, Equatable {
    /// The ground of 不予受理 the finding points to; nil for a finding that only needs a look (a possible duplicate).
    public let ground: RejectionGround?
    /// A stable code, e.g. `eligibility.not-sme-by-size-test`; its words are `finding.<code>` in the catalogue.
    public let code: String
    /// The facts its words name (the size test's steps, the other complaint's number, the respondent's credit code).
    public private(set) var facts: [String: MessageFact]
    /// The other complaint the finding is about (repeat or duplicate), by number.
    public let related: String?
    /// The English sentence a finding recorded before findings kept facts; shown as it stands, never rewritten.
    public private(set) var recordedDetail: String?

    public init(ground: RejectionGround?, code: String, facts: [String: MessageFact] = [:], related: String? = nil) {
        self.ground = ground
        self.code = code
        self.facts = facts
        self.related = related
        self.recordedDetail = nil
    }

    /// What a reader reads: the code's words with its facts.
    public var message: Message { Message("finding." + code, facts) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ground = try c.decodeIfPresent(RejectionGround.self, forKey: .ground)
        code = try c.decode(String.self, forKey: .code)
        related = try c.decodeIfPresent(String.self, forKey: .related)
        let facts = try c.decodeIfPresent([String: MessageFact].self, forKey: .facts)
        self.facts = facts ?? [:]
        recordedDetail = facts == nil ? try c.decodeIfPresent(String.self, forKey: .detail) : nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(ground, forKey: .ground)
        try c.encode(code, forKey: .code)
        try c.encodeIfPresent(related, forKey: .related)
        if let recordedDetail { try c.encode(recordedDetail, forKey: .detail) } else { try c.encode(facts, forKey: .facts) }
    }

    enum CodingKeys: String, CodingKey { case ground, code, facts, related, detail }

    /// The finding with its other complaint withheld from a reader who may not open it: the number goes, the words say
    /// "another complaint".
    func withholdingRelated() -> EligibilityFinding {
        var copy = EligibilityFinding(ground: ground, code: code, facts: facts, related: nil)
        if copy.facts["number"] != nil { copy.facts["number"] = .message(Message("complaint.another")) }
        copy.recordedDetail = recordedDetail.map { text in related.map { text.replacingOccurrences(of: $0, with: "another complaint") } ?? text }
        return copy
    }
}

/// An earlier complaint by the same complainant against the same respondent, as the store finds it.
public struct RelatedComplaint: Sendable, Equatable {
    public let id: ComplaintID
    public let number: String
    public let state: ComplaintState
    public let hasResult: Bool
    public let contractNumbers: [String]
    public let amountsOverdue: [Fen]

    public init(id: ComplaintID, number: String, state: ComplaintState, hasResult: Bool, contractNumbers: [String], amountsOverdue: [Fen]) {
        self.id = id
        self.number = number
        self.state = state
        self.hasResult = hasResult
        self.contractNumbers = contractNumbers
        self.amountsOverdue = amountsOverdue
    }
}

/// The eligibility checks of intake and review (条例, 暂行办法: who may complain, about whom, and when not).
public enum Eligibility {
    /// Findings from the filing alone.
    public static func findings(_ filing: ComplaintFiling, sizes: SizeStandard) -> [EligibilityFinding] {
        var found: [EligibilityFinding] = []
        if filing.otherBodyInvolved {
            found.append(EligibilityFinding(ground: .otherBodyInvolved, code: "eligibility.other-body-involved"))
        }
        let complainant = filing.complainant
        if complainant.declaredSize == .large {
            found.append(EligibilityFinding(ground: .notSME, code: "eligibility.declared-large"))
        }
        if let inputs = complainant.sizeInputs {
            // The size at signing is what counts; the test is told the earliest contract's date.
            let signed: MessageFact = filing.contracts.map(\.signedOn).min().map { .date($0) } ?? "—"
            if let assessment = try? sizes.classify(complainant.industry, inputs) {
                if !assessment.isSME {
                    found.append(
                        EligibilityFinding(
                            ground: .notSME, code: "eligibility.not-sme-by-size-test", facts: ["signedOn": signed, "reasoning": assessment.reasoning])
                    )
                } else if assessment.size != complainant.declaredSize, complainant.declaredSize != .large {
                    found.append(
                        EligibilityFinding(
                            ground: nil, code: "eligibility.size-differs",
                            facts: [
                                "declared": .message(Message("size." + complainant.declaredSize.rawValue)),
                                "tested": .message(Message("size." + assessment.size.rawValue)), "signedOn": signed,
                                "reasoning": assessment.reasoning,
                            ]))
                }
            }
        }
        // An organ or institution may not agree to pay later than 60 days: the clause is void as far as the term goes.
        for contract in filing.contracts {
            guard let agreed = contract.paymentTermDays, let lawful = LatePayment.lawfulTerm(agreed, filing.respondent.kind), lawful < agreed else {
                continue
            }
            found.append(
                EligibilityFinding(
                    ground: nil, code: "contract.term-over-limit",
                    facts: ["contract": .text(contract.number), "agreed": "\(agreed)", "limit": "\(lawful)"]))
        }
        if let code = filing.respondent.creditCode, let kind = Self.outOfScopeEntityTypes[String(code.entityType)] {
            found.append(
                EligibilityFinding(
                    ground: .notInScope, code: "eligibility.respondent-kind",
                    facts: ["creditCode": .text(code.text), "kind": .message(Message(kind))]))
        }
        return found
    }

    /// Credit-code entity types (GB 32100-2015 positions 1–2) the regulation does not reach as respondents.
    static let outOfScopeEntityTypes = ["92": "entity.individual-business", "93": "entity.farmers-cooperative"]

    /// Findings from the complainant's other complaints against the same respondent: a repeat of one that has a result
    /// (ground 4), or a possible duplicate of one still open on an overlapping contract number or amount.
    public static func findings(_ filing: ComplaintFiling, related: [RelatedComplaint]) -> [EligibilityFinding] {
        let numbers = Set(filing.contracts.map { $0.number.trimmingCharacters(in: .whitespaces).uppercased() })
        let amounts = Set(filing.contracts.map(\.amountOverdue))
        var found: [EligibilityFinding] = []
        for other in related {
            let sameContract = other.contractNumbers.contains { numbers.contains($0.trimmingCharacters(in: .whitespaces).uppercased()) }
            let sameAmount = other.amountsOverdue.contains { amounts.contains($0) }
            guard sameContract || sameAmount else { continue }
            let overlap: MessageFact = .message(Message(sameContract ? "overlap.contract-number" : "overlap.amount-overdue"))
            if other.hasResult {
                found.append(
                    EligibilityFinding(
                        ground: .repeatComplaint, code: "eligibility.repeat-complaint", facts: ["number": .text(other.number), "overlap": overlap],
                        related: other.number))
            } else if other.state.isOpen {
                found.append(
                    EligibilityFinding(
                        ground: nil, code: "duplicate.possible",
                        facts: ["number": .text(other.number), "overlap": overlap, "state": .message(Message("state." + other.state.rawValue))],
                        related: other.number))
            }
        }
        return found
    }
}
