/// What an account is for; each role may take only its own transitions.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The complaining SME (投诉人).
    case sme
    /// An intake officer (受理投诉部门).
    case intake
    /// An officer of a handling department (处理投诉部门).
    case handler
    /// National or provincial oversight: deadlines, escalation, reopening.
    case supervisor
    /// Accounts and reference data; takes no case decisions.
    case admin
}

/// Who acts: an account, its role and the scope it works in.
public struct Actor: Sendable, Codable, Equatable {
    public let account: AccountID
    public let role: Role
    /// For intake and supervisors: the province they serve; nil means national.
    public let province: RegionCode?
    /// For handlers: their department.
    public let department: DepartmentID?
    /// The name a person reads in a history ("浙江省中小企业服务中心"), when known.
    public let name: String?

    public init(account: AccountID, role: Role, province: RegionCode? = nil, department: DepartmentID? = nil, name: String? = nil) {
        self.account = account
        self.role = role
        self.province = province
        self.department = department
        self.name = name
    }
}
