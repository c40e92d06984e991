import ArrearsCore

/// Turns the wire form of a filing into the domain's, naming every field that breaks a rule.
/// Generated enums carry the domain's raw values (WireEnumParityTests), so enum conversions cannot fail.
public struct FilingConversion: Sendable {
    let regions: RegionDirectory

    public init(regions: RegionDirectory) {
        self.regions = regions
    }

    public func filing(_ wire: Components.Schemas.ComplaintFiling, today: CSTDate) throws(ValidationFailure) -> ComplaintFiling {
        var check = ViolationCollector()
        let complainant = complainant(wire.complainant, &check)
        let respondent = respondent(wire.respondent, &check)
        var contracts: [Contract] = []
        for (index, contract) in wire.contracts.enumerated() {
            if let converted = self.contract(contract, at: "contracts[\(index)]", &check) { contracts.append(converted) }
        }
        try check.check()
        // Every field converted, so the unwraps hold; text and cross-field rules come next.
        let filing = ComplaintFiling(
            complainant: complainant!, respondent: respondent!, contracts: contracts, facts: wire.facts, demand: wire.demand,
            otherBodyInvolved: wire.otherBodyInvolved, channel: IntakeChannel(rawValue: wire.channel.rawValue)!)
        return try filing.checked(today: today)
    }

    private func complainant(_ wire: Components.Schemas.Complainant, _ check: inout ViolationCollector) -> Complainant? {
        let code = check.field("complainant.creditCode") { try CreditCode(wire.creditCode) }
        let region = check.field("complainant.region") { try RegionCode(wire.region, in: regions) }
        let inputs = wire.sizeInputs.flatMap { sizeInputs in
            check.field("complainant.sizeInputs") {
                try SizeInputs.checked(
                    employees: sizeInputs.employees, annualRevenue: sizeInputs.annualRevenue, totalAssets: sizeInputs.totalAssets)
            }
        }
        guard let code, let region else { return nil }
        return Complainant(
            name: wire.name, creditCode: code, region: region, industry: Industry(rawValue: wire.industry.rawValue)!,
            declaredSize: EnterpriseSize(rawValue: wire.declaredSize.rawValue)!,
            contact: Contact(person: wire.contact.person, phone: wire.contact.phone, email: wire.contact.email), sizeInputs: inputs)
    }

    private func respondent(_ wire: Components.Schemas.Respondent, _ check: inout ViolationCollector) -> Respondent? {
        var code: CreditCode?
        var codeValid = true
        if let text = wire.creditCode {
            code = check.field("respondent.creditCode") { try CreditCode(text) }
            codeValid = code != nil
        }
        let region = check.field("respondent.region") { try RegionCode(wire.region, in: regions) }
        guard codeValid, let region else { return nil }
        return Respondent(
            name: wire.name, creditCode: code, kind: RespondentKind(rawValue: wire.kind.rawValue)!,
            level: AdministrativeLevel(rawValue: wire.level.rawValue)!, region: region, supervisingAuthority: wire.supervisingAuthority)
    }

    private func contract(_ wire: Components.Schemas.Contract, at path: String, _ check: inout ViolationCollector) -> Contract? {
        let signed = check.field("\(path).signedOn") { try CSTDate(wire.signedOn) }
        let amount = check.field("\(path).amount") { try Fen(wire.amount) }
        let overdue = check.field("\(path).amountOverdue") { try Fen(wire.amountOverdue) }
        var delivered: CSTDate?
        var deliveredValid = true
        if let text = wire.deliveredOn {
            delivered = check.field("\(path).deliveredOn") { try CSTDate(text) }
            deliveredValid = delivered != nil
        }
        guard let signed, let amount, let overdue, deliveredValid else { return nil }
        return Contract(
            number: wire.number, subject: ContractSubject(rawValue: wire.subject.rawValue)!, signedOn: signed, amount: amount,
            deliveredOn: delivered, paymentTermDays: wire.paymentTermDays, amountOverdue: overdue)
    }
}
