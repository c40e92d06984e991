import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore
import CSV
import Foundation

/// One historical complaint to import: a filing exactly as the API takes it, when it was received, an id from the
/// system it comes from (so a rerun recognises it), and the decisions officials took on it since.
struct ImportRecord: Decodable {
    let externalId: String
    let receivedAt: Date
    let filing: Components.Schemas.ComplaintFiling
    var steps: [ImportStep] = []

    enum CodingKeys: String, CodingKey { case externalId, receivedAt, filing, steps }

    init(externalId: String, receivedAt: Date, filing: Components.Schemas.ComplaintFiling) {
        (self.externalId, self.receivedAt, self.filing) = (externalId, receivedAt, filing)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        externalId = try container.decode(String.self, forKey: .externalId)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        filing = try container.decode(Components.Schemas.ComplaintFiling.self, forKey: .filing)
        steps = try container.decodeIfPresent([ImportStep].self, forKey: .steps) ?? []
    }
}

/// A decision in an imported history (NDJSON only), at an instant, with the inputs the API takes for it: every command of
/// the lifecycle table but mark-duplicate and attach-evidence (which need other records).
struct ImportStep: Decodable {
    let command: String
    let at: Date
    var note: String?
    var ground: String?
    var reason: String?
    var items: String?
    var department: String?
    var overrideReason: String?
    var outcome: String?
    var amountPaid: Int64?
    var summary: String?
    var days: Int?
    var approvedBy: String?
    var step: String?
    var text: String?
    var visibleToComplainant: Bool?
    var material: String?
    var method: String?
    var question: String?
    var workingDays: Int?
    var answer: String?
    var facts: String?
    var rating: String?
    var comment: String?
    var contract: String?
    var amount: Int64?
    var paidOn: String?
    var instalments: [ImportInstalment]?
}

/// One instalment of an imported payment plan.
struct ImportInstalment: Decodable {
    let dueOn: String
    let amount: Int64
}

/// The import file's formats: a record's steps as domain commands, CSV rows as records.
enum HistoryImport {
    /// The complaint and its events for a record, through the application layer's importer.
    static func history(_ record: ImportRecord, importer: HistoryImporter, regions: RegionDirectory, smeAccount: AccountID?) throws
        -> (Complaint, [ComplaintEvent])
    {
        let filing = try FilingConversion(regions: regions).filing(record.filing, today: CSTDate(record.receivedAt))
        let steps = try record.steps.enumerated().map { index, step in
            (command: try FieldViolation.at("steps[\(index)]") { try Self.command(step) }, at: step.at)
        }
        return try importer.history(
            externalId: record.externalId, receivedAt: record.receivedAt, filing: filing, steps: steps, smeAccount: smeAccount)
    }

    static func command(_ step: ImportStep) throws(InvalidValue) -> ComplaintCommand {
        func required(_ value: String?, _ name: String) throws(InvalidValue) -> String {
            guard let value else { throw InvalidValue(rule: "import.step-input", facts: ["command": .text(step.command), "name": .text(name)]) }
            return value
        }
        switch step.command {
        case "accept": return .accept(note: step.note)
        case "reject":
            guard let ground = step.ground.flatMap(RejectionGround.init(rawValue:)) else {
                throw InvalidValue(
                    rule: "import.step-input",
                    facts: ["command": "reject", "name": .text("ground (" + RejectionGround.allCases.map(\.rawValue).joined(separator: ", ") + ")")])
            }
            return .reject(ground: ground, reason: try required(step.reason, "reason"))
        case "request-supplement": return .requestSupplement(items: try required(step.items, "items"))
        case "forward":
            return .forward(
                to: try step.department.map { text throws(InvalidValue) in try DepartmentID(text) }, overrideReason: step.overrideReason,
                note: step.note)
        case "return": return .returnToIntake(reason: try required(step.reason, "reason"))
        case "resolve":
            guard let outcome = step.outcome.flatMap(ResolutionOutcome.init(rawValue:)) else {
                throw InvalidValue(
                    rule: "import.step-input",
                    facts: [
                        "command": "resolve", "name": .text("outcome (" + ResolutionOutcome.allCases.map(\.rawValue).joined(separator: ", ") + ")"),
                    ])
            }
            return .resolve(
                outcome: outcome, amountPaid: try step.amountPaid.map { amount throws(InvalidValue) in try Fen(amount) },
                summary: try required(step.summary, "summary"))
        case "close": return .close(note: step.note)
        case "acknowledge": return .acknowledge(note: step.note)
        case "extend":
            guard let days = step.days else { throw InvalidValue(rule: "import.step-input", facts: ["command": "extend", "name": "days"]) }
            return .extend(days: days, approvedBy: try required(step.approvedBy, "approvedBy"), reason: try required(step.reason, "reason"))
        case "escalate":
            guard let escalation = step.step.flatMap(EscalationStep.init(rawValue:)) else {
                throw InvalidValue(
                    rule: "import.step-input",
                    facts: ["command": "escalate", "name": .text("step (" + EscalationStep.allCases.map(\.rawValue).joined(separator: ", ") + ")")])
            }
            return .escalate(escalation, text: try required(step.text, "text"))
        case "note": return .note(text: try required(step.text, "text"), visibleToComplainant: step.visibleToComplainant ?? false)
        case "supplement": return .supplement(material: try required(step.material, "material"))
        case "withdraw": return .withdraw(reason: try required(step.reason, "reason"))
        case "reopen": return .reopen(reason: try required(step.reason, "reason"))
        case "rate":
            guard let rating = step.rating.flatMap(Satisfaction.init(rawValue:)) else {
                throw InvalidValue(
                    rule: "import.step-input",
                    facts: ["command": "rate", "name": .text("rating (" + Satisfaction.allCases.map(\.rawValue).joined(separator: ", ") + ")")])
            }
            return .rate(rating, comment: step.comment)
        case "notify-respondent":
            guard let method = step.method.flatMap(ServiceMethod.init(rawValue:)) else {
                throw InvalidValue(
                    rule: "import.step-input",
                    facts: [
                        "command": "notify-respondent",
                        "name": .text("method (" + ServiceMethod.allCases.map(\.rawValue).joined(separator: ", ") + ")"),
                    ])
            }
            return .notifyRespondent(method: method, note: step.note)
        case "record-feedback": return .recordFeedback(text: try required(step.text, "text"))
        case "request-information": return .requestInformation(question: try required(step.question, "question"), workingDays: step.workingDays)
        case "answer-information": return .answerInformation(answer: try required(step.answer, "answer"))
        case "request-review": return .requestReview(facts: try required(step.facts, "facts"))
        case "decline-review": return .declineReview(reason: try required(step.reason, "reason"))
        case "record-payment":
            guard let amount = step.amount else {
                throw InvalidValue(rule: "import.step-input", facts: ["command": "record-payment", "name": "amount"])
            }
            return .recordPayment(
                contract: step.contract, amount: try Fen(amount), paidOn: try CSTDate(try required(step.paidOn, "paidOn")), note: step.note)
        case "payment-plan":
            guard let instalments = step.instalments, !instalments.isEmpty else {
                throw InvalidValue(rule: "import.step-input", facts: ["command": "payment-plan", "name": "instalments"])
            }
            var planned: [PlannedInstalment] = []
            for instalment in instalments {
                planned.append(PlannedInstalment(dueOn: try CSTDate(instalment.dueOn), amount: try Fen(instalment.amount)))
            }
            return .agreePaymentPlan(instalments: planned, note: step.note)
        default:
            throw InvalidValue(
                rule: "import.step-command",
                facts: ["command": "\(step.command)"])
        }
    }

    /// The CSV columns, one contract per row.
    static let csvColumns = [
        "externalId", "receivedAt", "channel", "complainant.name", "complainant.creditCode", "complainant.region", "complainant.industry",
        "complainant.declaredSize", "contact.person", "contact.phone", "contact.email", "respondent.name", "respondent.creditCode",
        "respondent.kind", "respondent.level", "respondent.region", "respondent.supervisingAuthority", "contract.number", "contract.subject",
        "contract.signedOn", "contract.amount", "contract.deliveredOn", "contract.paymentTermDays", "contract.amountOverdue", "facts", "demand",
    ]

    /// A CSV row as the API's filing, field by field (no JSON in between: building and parsing it was a third of an
    /// import's time); numbers must be whole (fen, days), codes one of the contract's.
    static func record(csv row: [String: String]) throws -> ImportRecord {
        func text(_ name: String) -> String? { row[name].flatMap { $0.isEmpty ? nil : $0 } }
        func integer(_ name: String) throws -> Int64? {
            guard let value = text(name) else { return nil }
            guard let number = Int64(value) else {
                throw ValidationFailure([
                    FieldViolation(field: name, rule: "import.integer", facts: ["value": "\(value)"])
                ])
            }
            return number
        }
        func code<Code: RawRepresentable & CaseIterable>(_ name: String, _ type: Code.Type, default fallback: Code? = nil) throws -> Code
        where Code.RawValue == String {
            if let code = text(name).flatMap(Code.init(rawValue:)) ?? (text(name) == nil ? fallback : nil) { return code }
            throw ValidationFailure([
                FieldViolation(
                    field: name, rule: "import.code",
                    facts: ["value": .text(row[name] ?? ""), "choices": .text(Code.allCases.map(\.rawValue).joined(separator: ", "))])
            ])
        }
        let receivedText = text("receivedAt") ?? ""
        guard let receivedAt = try? Date(receivedText, strategy: .iso8601) else {
            throw ValidationFailure([FieldViolation(field: "receivedAt", rule: "import.instant", facts: ["value": .text(receivedText)])])
        }
        let contract = Components.Schemas.Contract(
            number: text("contract.number") ?? "", subject: try code("contract.subject", Components.Schemas.Contract.SubjectPayload.self),
            signedOn: text("contract.signedOn") ?? "", amount: try integer("contract.amount") ?? 0,
            deliveredOn: text("contract.deliveredOn"), paymentTermDays: try integer("contract.paymentTermDays").map { Int($0) },
            amountOverdue: try integer("contract.amountOverdue") ?? 0)
        let filing = Components.Schemas.ComplaintFiling(
            complainant: .init(
                name: text("complainant.name") ?? "", creditCode: text("complainant.creditCode") ?? "", region: text("complainant.region") ?? "",
                industry: try code("complainant.industry", Components.Schemas.Industry.self),
                declaredSize: try code("complainant.declaredSize", Components.Schemas.EnterpriseSize.self),
                contact: .init(person: text("contact.person") ?? "", phone: text("contact.phone") ?? "", email: text("contact.email"))),
            respondent: .init(
                name: text("respondent.name") ?? "", creditCode: text("respondent.creditCode"),
                kind: try code("respondent.kind", Components.Schemas.RespondentKind.self),
                level: try code("respondent.level", Components.Schemas.AdministrativeLevel.self), region: text("respondent.region") ?? "",
                supervisingAuthority: text("respondent.supervisingAuthority")),
            contracts: [contract], facts: text("facts") ?? "", demand: text("demand") ?? "", otherBodyInvolved: false,
            channel: try code("channel", Components.Schemas.ComplaintFiling.ChannelPayload.self, default: .letter))
        return ImportRecord(externalId: text("externalId") ?? "", receivedAt: receivedAt, filing: filing)
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
