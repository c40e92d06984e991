import ArrearsCore

/// A scope as a condition on the `complaints` table, whose columns are the same in every engine's schema; each engine
/// only binds the value its own way.
public enum ScopeCondition: Sendable, Equatable {
    case always
    case never
    case column(String, equals: String)
}

extension ComplaintScope {
    /// The column and value that select this scope's complaints.
    public var condition: ScopeCondition {
        switch self {
        case .every: .always
        case .none: .never
        case let .complainantAccount(account): .column("complainant_account", equals: account.rawValue)
        case let .intakeProvince(province): .column("intake_province", equals: province.code)
        case let .handlingDepartment(department): .column("handling_department", equals: department.rawValue)
        }
    }
}
