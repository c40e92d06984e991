import ArrearsCore

/// An actor's scope as a SQL condition on `complaints`, so no query can return what the actor may not see. It must agree
/// with `Lifecycle.inScope` and with `SQLiteScope`, which decide the same question.
enum PostgresScope {
    /// The condition, its values bound into `statement`.
    static func condition(_ actor: Actor, _ statement: inout PostgresStatement) -> String {
        switch actor.role {
        case .sme:
            return "complainant_account = \(statement.bind(actor.account.rawValue))"
        case .intake, .supervisor:
            guard let province = actor.province else { return "TRUE" }
            return "intake_province = \(statement.bind(province.code))"
        case .handler:
            guard let department = actor.department else { return "FALSE" }
            return "handling_department = \(statement.bind(department.rawValue))"
        case .admin:
            return "FALSE"
        }
    }

    /// The condition that finds one complaint by id or number within a scope (nil actor: every complaint).
    static func lookup(_ id: ComplaintID, _ actor: Actor?, _ statement: inout PostgresStatement) -> String {
        let key = statement.bind(id.rawValue)
        let scope = actor.map { condition($0, &statement) } ?? "TRUE"
        return "(id = \(key) OR number = \(key)) AND \(scope)"
    }
}
