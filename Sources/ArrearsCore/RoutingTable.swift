import Foundation

/// The handling departments and the rules that pick one for a respondent: data an admin loads, not code.
public struct RoutingTable: Sendable, Codable, Equatable {
    public var departments: [HandlingDepartment]
    public var rules: [RoutingRule]

    public init(departments: [HandlingDepartment], rules: [RoutingRule]) throws(InvalidValue) {
        self.departments = departments
        self.rules = rules
        try validate()
    }

    /// Parses a routing table file (Schemas/reference/routing.json is the shipped one) and validates it.
    public init(json: Data, regions: RegionDirectory) throws(InvalidValue) {
        let table: RoutingTable
        do {
            table = try JSONDecoder().decode(RoutingTable.self, from: json)
        } catch let invalid as InvalidValue {
            throw invalid
        } catch {
            throw InvalidValue(rule: "routing.format", facts: ["error": "\(error)"])
        }
        for department in table.departments where regions.name(of: department.region) == nil {
            throw InvalidValue(
                rule: "routing.region-unknown", facts: ["id": "\(department.id.rawValue)", "region": "\(department.region.code)"])
        }
        try self.init(departments: table.departments, rules: table.rules)
    }

    /// Refuses a table an official could not trust: unknown departments, repeated ids, rules that tie.
    public func validate() throws(InvalidValue) {
        var ids = Set<DepartmentID>()
        for department in departments {
            guard ids.insert(department.id).inserted else {
                throw InvalidValue(rule: "routing.department-duplicate", facts: ["id": "\(department.id.rawValue)"])
            }
        }
        var ruleIDs = Set<String>()
        for rule in rules {
            guard ruleIDs.insert(rule.id).inserted else {
                throw InvalidValue(rule: "routing.rule-duplicate", facts: ["id": "\(rule.id)"])
            }
            guard ids.contains(rule.department) else {
                throw InvalidValue(
                    rule: "routing.department-unknown", facts: ["id": "\(rule.id)", "department": "\(rule.department.rawValue)"])
            }
            if let prefix = rule.regionPrefix, !(1...6).contains(prefix.count) || !prefix.allSatisfy(\.isASCII) || !prefix.allSatisfy(\.isNumber) {
                throw InvalidValue(rule: "routing.region-prefix", facts: ["id": "\(rule.id)", "prefix": "\(prefix)"])
            }
            if let until = rule.effectiveUntil, until < rule.effectiveFrom {
                throw InvalidValue(rule: "routing.dates", facts: ["id": "\(rule.id)"])
            }
        }
        for (index, rule) in rules.enumerated() {
            for other in rules[(index + 1)...]
            where other.priority == rule.priority && other.conditionFacts == rule.conditionFacts && Self.overlap(rule, other) {
                throw InvalidValue(
                    rule: "routing.rules-tie",
                    facts: ["id": "\(rule.id)", "id2": "\(other.id)"])
            }
        }
    }

    public func department(_ id: DepartmentID) -> HandlingDepartment? { departments.first { $0.id == id } }

    /// Where a complaint about `respondent` goes on `date`, and the rule that decided; nil when no rule matches.
    public func route(_ respondent: Respondent, on date: CSTDate) -> RoutingDecision? {
        let best = rules.filter { $0.matches(respondent, on: date) }.max { a, b in
            (a.priority, a.specificity, b.id) < (b.priority, b.specificity, a.id)
        }
        guard let best, let department = department(best.department) else { return nil }
        return RoutingDecision(department: department, rule: best)
    }

    static func overlap(_ a: RoutingRule, _ b: RoutingRule) -> Bool {
        let aEnd = a.effectiveUntil ?? CSTDate(dayNumber: .max / 2)
        let bEnd = b.effectiveUntil ?? CSTDate(dayNumber: .max / 2)
        return a.effectiveFrom <= bEnd && b.effectiveFrom <= aEnd
    }
}

/// The department a complaint would go to and the rule that chose it.
public struct RoutingDecision: Sendable, Codable, Equatable {
    public let department: HandlingDepartment
    public let rule: RoutingRule

    /// "ZJ-EDU 浙江省教育厅 by rule zj-edu-institutions (priority 100: kind public_institution, …)", as facts.
    public var reasoning: Message {
        Message(
            "routing.decision",
            [
                "department": .text(department.id.rawValue), "name": .text(department.name), "rule": .text(rule.id),
                "priority": "\(rule.priority)", "conditions": rule.conditionFacts,
                "note": rule.note.map { .message(Message("routing.note", ["note": .text($0)])) } ?? "",
            ])
    }
}
