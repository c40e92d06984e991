/// Something about a filing that bears on whether it can be accepted, with the ground it points to.
/// Findings inform the intake officer's review; they decide nothing by themselves.
public struct EligibilityFinding: Sendable, Codable, Equatable {
    /// The ground of 不予受理 the finding points to; nil for a finding that only needs a look (a possible duplicate).
    public let ground: RejectionGround?
    /// A stable code, e.g. `eligibility.not-sme-by-size-test`.
    public let code: String
    public let detail: String
    /// The other complaint the finding is about (repeat or duplicate), by number.
    public let related: String?

    public init(ground: RejectionGround?, code: String, detail: String, related: String? = nil) {
        self.ground = ground
        self.code = code
        self.detail = detail
        self.related = related
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
            found.append(
                EligibilityFinding(
                    ground: .otherBodyInvolved, code: "eligibility.other-body-involved",
                    detail: "the complainant says a court, arbitration body or other department already has the matter"))
        }
        let complainant = filing.complainant
        if complainant.declaredSize == .large {
            found.append(
                EligibilityFinding(ground: .notSME, code: "eligibility.declared-large", detail: "the complainant declares itself a large enterprise"))
        }
        if let inputs = complainant.sizeInputs {
            let signed = filing.contracts.map(\.signedOn).min().map { " at signing (\($0))" } ?? ""
            if let assessment = try? sizes.classify(complainant.industry, inputs) {
                if !assessment.isSME {
                    found.append(
                        EligibilityFinding(
                            ground: .notSME, code: "eligibility.not-sme-by-size-test", detail: "size test\(signed): \(assessment.explanation)"))
                } else if assessment.size != complainant.declaredSize, complainant.declaredSize != .large {
                    found.append(
                        EligibilityFinding(
                            ground: nil, code: "eligibility.size-differs",
                            detail:
                                "declared \(complainant.declaredSize.rawValue), the size test\(signed) gives \(assessment.size.rawValue): \(assessment.explanation)"
                        ))
                }
            }
        }
        if let code = filing.respondent.creditCode, let kind = Self.outOfScopeEntityTypes[String(code.entityType)] {
            found.append(
                EligibilityFinding(
                    ground: .notInScope, code: "eligibility.respondent-kind",
                    detail: "the respondent's credit code \(code.text) registers \(kind), not an organ, public institution or large enterprise"))
        }
        return found
    }

    /// Credit-code entity types (GB 32100-2015 positions 1–2) the regulation does not reach as respondents.
    static let outOfScopeEntityTypes = ["92": "an individual business (个体工商户)", "93": "a farmers' cooperative (农民专业合作社)"]

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
            let overlap = sameContract ? "the same contract number" : "the same amount overdue"
            if other.hasResult {
                found.append(
                    EligibilityFinding(
                        ground: .repeatComplaint, code: "eligibility.repeat-complaint",
                        detail: "\(other.number) about \(overlap) already has a result; a repeat needs new facts or reasons", related: other.number))
            } else if other.state.isOpen {
                found.append(
                    EligibilityFinding(
                        ground: nil, code: "duplicate.possible",
                        detail: "\(other.number) about \(overlap) is still open (\(other.state.rawValue))", related: other.number))
            }
        }
        return found
    }
}
