import Foundation

/// How one stage's clock runs under one legal text.
public struct StageRule: Sendable, Codable, Equatable {
    public var unit: ClockUnit
    public var length: Int
    /// The longest the stage may run with approved extensions (handling: 90 days); nil when it cannot be extended.
    public var maximum: Int?
    /// What starts the clock, in words.
    public var startsAt: String
    /// Whether the start day is day one; the law (民法典 第二百零一条) says it is not.
    public var startDayCounts: Bool
    /// Whether a calendar-day period ending on a day off ends on the next working day instead (第二百零三条).
    public var rollsForward: Bool
    /// False for a target the text does not fix as a limit ("promptly"); such deadlines are marked as targets.
    public var binding: Bool
    /// Whether the operator may change the length (DOMAIN.md "configurable").
    public var configurable: Bool?
    /// The provision the rule comes from.
    public var basis: String
}

/// The deadline rules of one legal text, in force from a date (DOMAIN.md "Rule sets are versioned").
public struct RuleSet: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var effectiveFrom: CSTDate
    public var stages: [String: StageRule]

    public func rule(_ stage: DeadlineStage) -> StageRule {
        // RuleBook's initialiser refuses a rule set without every stage, so this cannot miss.
        stages[stage.rawValue]!
    }
}

/// Every rule set, oldest first: which one a complaint follows is decided by its date of receipt.
public struct RuleBook: Sendable, Equatable {
    public let ruleSets: [RuleSet]

    /// Parses the shipped `rule-sets.json`; refuses a set without every stage or with a length out of range.
    public init(json: Data) throws(InvalidValue) {
        struct File: Decodable { var ruleSets: [RuleSet] }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw InvalidValue(rule: "rule-sets.format", facts: ["error": "\(error)"])
        }
        try self.init(ruleSets: file.ruleSets)
    }

    public init(ruleSets: [RuleSet]) throws(InvalidValue) {
        guard !ruleSets.isEmpty else { throw InvalidValue(rule: "rule-sets.empty") }
        for set in ruleSets {
            for stage in DeadlineStage.allCases {
                guard let rule = set.stages[stage.rawValue] else {
                    throw InvalidValue(rule: "rule-sets.stage-missing", facts: ["id": "\(set.id)", "stage": "\(stage.rawValue)"])
                }
                guard (1...365).contains(rule.length), rule.maximum.map({ $0 >= rule.length }) ?? true else {
                    throw InvalidValue(
                        rule: "rule-sets.length", facts: ["id": "\(set.id)", "stage": "\(stage.rawValue)"])
                }
            }
        }
        self.ruleSets = ruleSets.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The rule set in force for a complaint received on `date`; before the first one, the first one.
    public func ruleSet(receivedOn date: CSTDate) -> RuleSet {
        ruleSets.last { $0.effectiveFrom <= date } ?? ruleSets[0]
    }

    /// The rule set with this id, as recorded on a complaint.
    public func ruleSet(id: String) -> RuleSet? { ruleSets.first { $0.id == id } }

    /// The same book with the operator's lengths for the configurable stages (supplement, rating, feedback, information,
    /// review request); a stage the law fixes keeps its length whatever is asked.
    public func configured(_ lengths: [DeadlineStage: Int]) -> RuleBook {
        var copy = ruleSets
        for index in copy.indices {
            for (stage, length) in lengths where copy[index].stages[stage.rawValue]?.configurable == true {
                copy[index].stages[stage.rawValue]?.length = length
                // A maximum below the configured length would refuse every request of that length.
                if let maximum = copy[index].stages[stage.rawValue]?.maximum, maximum < length {
                    copy[index].stages[stage.rawValue]?.maximum = length
                }
            }
        }
        return (try? RuleBook(ruleSets: copy)) ?? self
    }

    /// The rule set a complaint follows: the one recorded on it, else the one in force when it was received.
    public func ruleSet(of complaint: Complaint) -> RuleSet {
        complaint.ruleSet.flatMap { ruleSet(id: $0) } ?? ruleSet(receivedOn: complaint.receivedOn)
    }

    /// The clock for `stage` under `set`, started on `start`, `extra` days longer than the rule.
    public func deadline(_ stage: DeadlineStage, under set: RuleSet, from start: CSTDate, extendedBy extra: Int = 0, on calendar: WorkingDayCalendar)
        -> Deadline
    {
        let rule = set.rule(stage)
        let length = rule.length + extra
        // A rule that counts the start day counts as if the clock had started the day before.
        let countFrom = rule.startDayCounts ? start.adding(days: -1) : start
        var deadline = Deadline(
            stage: stage, unit: rule.unit, length: length, startedOn: start, dueOn: nil, nominalDueOn: nil, problem: nil,
            ruleSet: set.id, binding: rule.binding, basis: rule.basis)
        // Past the loaded holiday tables the count goes on with weekends only, marked provisional: never blank.
        switch rule.unit {
        case .workingDays:
            let (due, provisional) = calendar.counting(workingDays: length, after: countFrom)
            deadline.dueOn = due
            deadline.provisional = provisional
        case .calendarDays:
            let (nominal, rolled, provisional) = calendar.counting(calendarDays: length, after: countFrom)
            deadline.dueOn = rule.rollsForward ? rolled : nominal
            deadline.nominalDueOn = nominal
            deadline.provisional = provisional && (rule.rollsForward || !calendar.covers(nominal))
        }
        return deadline
    }
}
