import ArrearsCore
import GRDB

/// An actor's scope as a SQL condition on `complaints`, so no query can return what the actor may not see.
/// It must agree with `Lifecycle.inScope`, which decides the same question for one complaint.
struct SQLiteScope {
    let sql: String
    let arguments: StatementArguments

    static let everything = SQLiteScope(sql: "1", arguments: [])

    init(sql: String, arguments: StatementArguments) {
        self.sql = sql
        self.arguments = arguments
    }

    init(_ actor: Actor) {
        switch actor.role {
        case .sme:
            self.init(sql: "complainant_account = ?", arguments: [actor.account.rawValue])
        case .intake, .supervisor:
            if let province = actor.province {
                self.init(sql: "intake_province = ?", arguments: [province.code])
            } else {
                self = .everything
            }
        case .handler:
            if let department = actor.department {
                self.init(sql: "handling_department = ?", arguments: [department.rawValue])
            } else {
                self.init(sql: "0", arguments: [])
            }
        case .admin:
            self.init(sql: "0", arguments: [])
        }
    }
}
