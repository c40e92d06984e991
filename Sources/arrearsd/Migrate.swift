import ArgumentParser
import ArrearsPostgres
import ArrearsSQLite
import Logging

/// `arrearsd migrate`: apply the schema migrations; safe to run again, and refused on a schema a newer release made.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema (idempotent).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        if database.isPostgres {
            let applied = try await PostgresDatabase.migrate(PostgresLocation(url: database.location), logger: Logger(label: "arrearsd"))
            print(
                "database \(database.display) is at the current schema (\(PostgresDatabase.migrations.count) migrations, \(applied.count) applied now)"
            )
            return
        }
        let path = try database.path
        try SQLiteDatabase.migrate(try SQLiteDatabase.open(path: path))
        print("database \(path) is at the current schema (\(SQLiteDatabase.migrations.count) migrations)")
    }
}
