import ArgumentParser
import ArrearsSQLite

/// `arrearsd migrate`: apply the schema migrations; safe to run again.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema (idempotent).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let pool = try SQLiteDatabase.open(path: database.path)
        try SQLiteDatabase.migrate(pool)
        print("database \(database.path) is at the current schema (\(SQLiteDatabase.migrations.count) migrations)")
    }
}
