import ArrearsCore
import ArrearsStore
import GRDB

/// A `ComplaintScope` as a SQLite condition on `complaints`, so no query can return what the actor may not see.
struct SQLiteScope {
    let sql: String
    let arguments: StatementArguments

    static let everything = SQLiteScope(.every)

    init(_ scope: ComplaintScope) {
        switch scope.condition {
        case .always: (sql, arguments) = ("1", [])
        case .never: (sql, arguments) = ("0", [])
        case let .column(column, value): (sql, arguments) = ("\(column) = ?", [value])
        }
    }

    init(_ actor: Actor) {
        self.init(ComplaintScope(actor))
    }
}
