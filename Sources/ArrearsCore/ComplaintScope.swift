/// Which complaints an actor's role and scope cover (可见范围): the one rule the lifecycle and every store's SQL read.
public enum ComplaintScope: Sendable, Equatable {
    /// National intake officers and supervisors; audits by an admin.
    case every
    /// Admins (no cases), handlers without a department.
    case none
    /// An SME: what its own account files or was given.
    case complainantAccount(AccountID)
    /// A provincial intake officer or supervisor.
    case intakeProvince(RegionCode)
    /// A handler: what is forwarded to its department now.
    case handlingDepartment(DepartmentID)

    /// The complaints an actor may see and act on.
    public init(_ actor: Actor) {
        switch actor.role {
        case .sme:
            self = .complainantAccount(actor.account)
        case .intake, .supervisor:
            self = actor.province.map(Self.intakeProvince) ?? .every
        case .handler:
            self = actor.department.map(Self.handlingDepartment) ?? .none
        case .admin:
            self = .none
        }
    }

    /// The complaints whose audit chain an actor may verify: admins see no cases but may verify them all (the report names
    /// complaints by number only); nil is the machine operator.
    public static func auditing(_ actor: Actor?) -> ComplaintScope {
        guard let actor, actor.role != .admin else { return .every }
        return ComplaintScope(actor)
    }

    /// Whether one complaint lies within.
    public func covers(_ complaint: Complaint) -> Bool {
        switch self {
        case .every: true
        case .none: false
        case let .complainantAccount(account): complaint.complainantAccount == account
        case let .intakeProvince(province): complaint.intakeProvince == province
        case let .handlingDepartment(department): complaint.handlingDepartment == department
        }
    }
}

extension Actor {
    /// The figures an official reads and publishes (统计口径): their province's, or the whole country's (nil) for national
    /// officials and admins.
    public var statisticsProvince: RegionCode? {
        role == .admin ? nil : province
    }
}
