import ArrearsCore
import ArrearsStore

/// A `ComplaintScope` as a PostgreSQL condition on `complaints`, so no query can return what the actor may not see.
enum PostgresScope {
    /// The condition, its value bound into `statement`.
    static func condition(_ scope: ComplaintScope, _ statement: inout PostgresStatement) -> String {
        switch scope.condition {
        case .always: "TRUE"
        case .never: "FALSE"
        case let .column(column, value): "\(column) = \(statement.bind(value))"
        }
    }

    static func condition(_ actor: Actor, _ statement: inout PostgresStatement) -> String {
        condition(ComplaintScope(actor), &statement)
    }

    /// The condition that finds one complaint by id or number within a scope (nil actor: every complaint).
    static func lookup(_ id: ComplaintID, _ actor: Actor?, _ statement: inout PostgresStatement) -> String {
        let key = statement.bind(id.rawValue)
        return "(id = \(key) OR number = \(key)) AND \(condition(actor.map(ComplaintScope.init) ?? .every, &statement))"
    }
}
