/// One rule of 属地管理、分级负责，谁主管谁负责: respondents that match every condition it sets go to its department.
public struct RoutingRule: Sendable, Codable, Equatable {
    public var id: String
    /// Among rules that match, the highest priority decides; then the longest region prefix.
    public var priority: Int
    public var effectiveFrom: CSTDate
    /// The last day the rule applies; nil while it is in force.
    public var effectiveUntil: CSTDate?
    public var respondentKind: RespondentKind?
    public var level: AdministrativeLevel?
    /// Leading digits of the respondent's GB/T 2260 region: "33" all of Zhejiang, "3301" Hangzhou, "330106" Xihu district.
    public var regionPrefix: String?
    /// The respondent's supervising authority, exactly as filed (谁主管谁负责).
    public var supervisingAuthority: String?
    public var department: DepartmentID
    /// Why the rule exists, for the dry run.
    public var note: String?

    public init(
        id: String, priority: Int, effectiveFrom: CSTDate, effectiveUntil: CSTDate? = nil, respondentKind: RespondentKind? = nil,
        level: AdministrativeLevel? = nil, regionPrefix: String? = nil, supervisingAuthority: String? = nil, department: DepartmentID,
        note: String? = nil
    ) {
        self.id = id
        self.priority = priority
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.respondentKind = respondentKind
        self.level = level
        self.regionPrefix = regionPrefix
        self.supervisingAuthority = supervisingAuthority
        self.department = department
        self.note = note
    }

    /// Whether the rule is in force on `date` and every condition it sets holds for the respondent.
    public func matches(_ respondent: Respondent, on date: CSTDate) -> Bool {
        guard effectiveFrom <= date, effectiveUntil.map({ date <= $0 }) ?? true else { return false }
        if let kind = respondentKind, kind != respondent.kind { return false }
        if let level, level != respondent.level { return false }
        if let prefix = regionPrefix, !respondent.region.code.hasPrefix(prefix) { return false }
        if let authority = supervisingAuthority, authority != respondent.supervisingAuthority { return false }
        return true
    }

    /// The conditions as facts, e.g. "kind public_institution, level provincial, region 33…, supervised by 浙江省教育厅".
    public var conditionFacts: MessageFact {
        var parts: [Message] = []
        if let respondentKind {
            parts.append(Message("routing.condition.kind", ["kind": .message(Message("respondent-kind." + respondentKind.rawValue))]))
        }
        if let level { parts.append(Message("routing.condition.level", ["level": .message(Message("level." + level.rawValue))])) }
        if let regionPrefix { parts.append(Message("routing.condition.region", ["prefix": .text(regionPrefix)])) }
        if let supervisingAuthority { parts.append(Message("routing.condition.supervisor", ["authority": .text(supervisingAuthority)])) }
        return parts.isEmpty ? .message(Message("routing.condition.any")) : .list(parts, .and)
    }

    /// How specific the rule is: a tie-break among equal priorities.
    var specificity: Int {
        (regionPrefix?.count ?? 0) * 10 + (supervisingAuthority == nil ? 0 : 5) + (level == nil ? 0 : 2) + (respondentKind == nil ? 0 : 1)
    }
}
