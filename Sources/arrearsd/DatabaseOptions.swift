import ArgumentParser
import ArrearsSQLite
import Foundation

/// Where the database is: `--database`, else `ARREARS_DATABASE`, else ./arrears.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (env ARREARS_DATABASE; default ./arrears.sqlite).")
    var database: String?

    var path: String { database ?? Environment.value("DATABASE") ?? "./arrears.sqlite" }

    func openStore() throws -> SQLiteComplaintStore {
        try SQLiteComplaintStore.open(path: path)
    }
}

/// Who does an operator task, for the record it leaves.
struct OperatorOption: ParsableArguments {
    @Option(help: "Who does it, for the record (default: $USER).")
    var by: String?

    var name: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "operator" }
}

/// `ARREARS_*` environment variables, the second source of configuration after flags.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment["ARREARS_" + name], !value.isEmpty else { return nil }
        return value
    }

    /// A whole number from `ARREARS_<name>`, nil when unset; anything else is a usage error.
    static func integer(_ name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else { throw ValidationError("ARREARS_\(name) must be a whole number, got \(text)") }
        return number
    }
}
