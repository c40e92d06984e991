import ArrearsAPI
import ArrearsCore
import ArrearsHTTP
import ArrearsStore
import CSV
import Crypto
import Foundation

/// One historical complaint to import: a filing exactly as the API takes it, when it was received, an id from the
/// system it comes from (so a rerun recognises it), and the decisions officials took on it since.
struct ImportRecord: Decodable {
    let externalId: String
    let receivedAt: Date
    let filing: Components.Schemas.ComplaintFiling
    var steps: [ImportStep] = []

    enum CodingKeys: String, CodingKey { case externalId, receivedAt, filing, steps }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        externalId = try container.decode(String.self, forKey: .externalId)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        filing = try container.decode(Components.Schemas.ComplaintFiling.self, forKey: .filing)
        steps = try container.decodeIfPresent([ImportStep].self, forKey: .steps) ?? []
    }
}

/// An official's decision in an imported history (NDJSON only): accept, reject, request-supplement, forward, return,
/// resolve or close, at an instant, with the inputs the API takes for it.
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
}

/// Turns import records into complaints with their histories, through the API's own checks and the real lifecycle.
struct HistoryImport {
    let lifecycle: Lifecycle
    let conversion: FilingConversion
    let routing: RoutingTable

    /// The id a record gets: the same external id always gives the same complaint, so a rerun adds nothing.
    static func complaintID(_ externalId: String) -> ComplaintID {
        ComplaintID("import-" + HexDigest.hex(SHA256.hash(data: Data(externalId.utf8)).prefix(12)))
    }

    /// The complaint and its events, or why the record is refused (in the API's words: field, rule, detail).
    func history(_ record: ImportRecord, smeAccount: AccountID?) throws -> (Complaint, [ComplaintEvent]) {
        guard (1...200).contains(record.externalId.count) else {
            throw ValidationFailure([FieldViolation(field: "externalId", rule: "import.external-id", detail: "1–200 characters")])
        }
        let filing = try conversion.filing(record.filing, today: CSTDate(record.receivedAt))
        let province = filing.respondent.intakeProvince
        let intake = Actor(account: AccountID("import-intake-" + (province?.code ?? "national")), role: .intake, province: province)
        // Online filings were the SME's own: they belong to its account, or to a placeholder for one it never opened.
        let owner = filing.channel == .online ? smeAccount ?? AccountID("import-sme-" + filing.complainant.creditCode.text) : smeAccount
        let registrar = filing.channel == .online ? Actor(account: owner!, role: .sme, name: filing.complainant.name) : intake
        var (complaint, first) = try lifecycle.register(
            filing, id: Self.complaintID(record.externalId), complainantAccount: owner, by: registrar, at: record.receivedAt)
        var events = [first]
        for (index, step) in record.steps.enumerated() {
            let command = try FieldViolation.at("steps[\(index)]") { try Self.command(step) }
            var actor = intake
            if ["return", "resolve"].contains(step.command) {
                // Only a forwarded complaint has a department to act; before that the step is out of order.
                guard let department = complaint.handlingDepartment else {
                    throw TransitionError.illegalInState(command: step.command, state: complaint.state)
                }
                actor = Actor(account: AccountID("import-handler-" + department.rawValue), role: .handler, department: department)
            }
            guard step.at > events[events.count - 1].at else {
                throw ValidationFailure([
                    FieldViolation(field: "steps[\(index)].at", rule: "import.steps-in-order", detail: "each step comes after the one before")
                ])
            }
            (complaint, first) = try lifecycle.apply(command, to: complaint, by: actor, at: step.at, routing: routing)
            events.append(first)
        }
        return (complaint, events)
    }

    static func command(_ step: ImportStep) throws(InvalidValue) -> ComplaintCommand {
        func required(_ value: String?, _ name: String) throws(InvalidValue) -> String {
            guard let value else { throw InvalidValue(rule: "import.step-input", detail: "\(step.command) needs \(name)") }
            return value
        }
        switch step.command {
        case "accept": return .accept(note: step.note)
        case "reject":
            guard let ground = step.ground.flatMap(RejectionGround.init(rawValue:)) else {
                throw InvalidValue(rule: "import.step-input", detail: "reject needs a ground: \(RejectionGround.allCases.map(\.rawValue))")
            }
            return .reject(ground: ground, reason: try required(step.reason, "a reason"))
        case "request-supplement": return .requestSupplement(items: try required(step.items, "items"))
        case "forward":
            return .forward(
                to: try step.department.map { text throws(InvalidValue) in try DepartmentID(text) }, overrideReason: step.overrideReason,
                note: step.note)
        case "return": return .returnToIntake(reason: try required(step.reason, "a reason"))
        case "resolve":
            guard let outcome = step.outcome.flatMap(ResolutionOutcome.init(rawValue:)) else {
                throw InvalidValue(rule: "import.step-input", detail: "resolve needs an outcome: \(ResolutionOutcome.allCases.map(\.rawValue))")
            }
            return .resolve(outcome: outcome, amountPaid: try Fen(step.amountPaid ?? 0), summary: try required(step.summary, "a summary"))
        case "close": return .close(note: step.note)
        default:
            throw InvalidValue(
                rule: "import.step-command",
                detail: "\(step.command) is not importable: accept, reject, request-supplement, forward, return, resolve, close")
        }
    }

    /// The CSV columns, one contract per row.
    static let csvColumns = [
        "externalId", "receivedAt", "channel", "complainant.name", "complainant.creditCode", "complainant.region", "complainant.industry",
        "complainant.declaredSize", "contact.person", "contact.phone", "contact.email", "respondent.name", "respondent.creditCode",
        "respondent.kind", "respondent.level", "respondent.region", "respondent.supervisingAuthority", "contract.number", "contract.subject",
        "contract.signedOn", "contract.amount", "contract.deliveredOn", "contract.paymentTermDays", "contract.amountOverdue", "facts", "demand",
    ]

    /// A CSV row as the JSON the API takes, decoded by the API's own types; numbers must be whole (fen, days).
    static func record(csv row: [String: String]) throws -> ImportRecord {
        func text(_ name: String) -> String? { row[name].flatMap { $0.isEmpty ? nil : $0 } }
        func integer(_ name: String) throws -> Int64? {
            guard let value = text(name) else { return nil }
            guard let number = Int64(value) else {
                throw ValidationFailure([
                    FieldViolation(field: name, rule: "import.integer", detail: "a whole number (money in fen), got \"\(value)\"")
                ])
            }
            return number
        }
        var contact: [String: Any] = ["person": text("contact.person") ?? "", "phone": text("contact.phone") ?? ""]
        contact["email"] = text("contact.email")
        var respondent: [String: Any] = [
            "name": text("respondent.name") ?? "", "kind": text("respondent.kind") ?? "", "level": text("respondent.level") ?? "",
            "region": text("respondent.region") ?? "",
        ]
        respondent["creditCode"] = text("respondent.creditCode")
        respondent["supervisingAuthority"] = text("respondent.supervisingAuthority")
        var contract: [String: Any] = [
            "number": text("contract.number") ?? "", "subject": text("contract.subject") ?? "", "signedOn": text("contract.signedOn") ?? "",
            "amount": try integer("contract.amount") ?? 0, "amountOverdue": try integer("contract.amountOverdue") ?? 0,
        ]
        contract["deliveredOn"] = text("contract.deliveredOn")
        contract["paymentTermDays"] = try integer("contract.paymentTermDays")
        let filing: [String: Any] = [
            "complainant": [
                "name": text("complainant.name") ?? "", "creditCode": text("complainant.creditCode") ?? "",
                "region": text("complainant.region") ?? "",
                "industry": text("complainant.industry") ?? "", "declaredSize": text("complainant.declaredSize") ?? "", "contact": contact,
            ] as [String: Any],
            "respondent": respondent, "contracts": [contract], "facts": text("facts") ?? "", "demand": text("demand") ?? "",
            "otherBodyInvolved": false, "channel": text("channel") ?? "letter",
        ]
        let document: [String: Any] = ["externalId": text("externalId") ?? "", "receivedAt": text("receivedAt") ?? "", "filing": filing]
        return try decoder.decode(ImportRecord.self, from: JSONSerialization.data(withJSONObject: document))
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
