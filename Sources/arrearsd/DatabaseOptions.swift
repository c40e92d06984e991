import ArgumentParser
import ArrearsPostgres
import ArrearsSQLite
import ArrearsStore
import Foundation
import Logging

/// Where the database is: `--database`, else `ARREARS_DATABASE_URL`, else `ARREARS_DATABASE`, else ./arrears.sqlite. A
/// `postgres://` URL selects PostgreSQL; anything else is a SQLite file.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "SQLite file, or postgres://user:password@host:port/database (env ARREARS_DATABASE_URL or ARREARS_DATABASE; default ./arrears.sqlite)."
    )
    var database: String?

    @Option(help: "YAML file of settings, keys spelled as the flags; flags and ARREARS_* override it (env ARREARS_CONFIG_FILE).")
    var configFile: String?

    @Option(help: "Most connections to PostgreSQL this process holds (env ARREARS_DATABASE_CONNECTIONS; default 20; SQLite ignores it).")
    var databaseConnections: Int?

    mutating func validate() throws {
        if let path = configFile ?? ProcessInfo.processInfo.environment["ARREARS_CONFIG_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            try ConfigFile.load(path)
        }
        guard (1...1000).contains(connections) else { throw ValidationError("--database-connections must be 1 to 1000") }
    }

    /// The PostgreSQL pool's size: several servers on one database share its max_connections.
    var connections: Int {
        databaseConnections ?? Settings.lookup("database-connections").flatMap { Int($0.0) } ?? 20
    }

    /// The database as configured: a file path or a PostgreSQL URL.
    var location: String {
        database ?? Settings.lookup("database-url")?.0 ?? Settings.lookup("database")?.0 ?? "./arrears.sqlite"
    }

    /// Where `location` came from, for `config print`.
    var source: String {
        if database != nil { return "flag --database" }
        return Settings.lookup("database-url")?.1 ?? Settings.lookup("database")?.1 ?? "default"
    }

    var isPostgres: Bool { PostgresLocation.isPostgres(location) }

    /// The SQLite file; commands that only SQLite has (backup, restore) refuse a PostgreSQL URL here.
    var path: String {
        get throws {
            guard !isPostgres else {
                throw ValidationError("this command works on a SQLite file; for PostgreSQL use its own tools (pg_dump, pg_basebackup)")
            }
            return location
        }
    }

    /// The database for messages and logs, a password hidden.
    var display: String { isPostgres ? PostgresLocation.masked(location) : location }

    /// Opens and migrates the database with the engine its location names, and lends it to `body`; a PostgreSQL pool runs
    /// while `body` does and stops when it returns.
    func withStore<T: Sendable>(_ body: (any ArrearsStorage & HistoryImportStore) async throws -> T) async throws -> T {
        if isPostgres {
            let store = try await PostgresComplaintStore.open(
                PostgresLocation(url: location), logger: Logger(label: "arrears-postgres"), connections: connections)
            return try await store.running { try await body(store) }
        }
        return try await body(try SQLiteComplaintStore.open(path: location))
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
