import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: StatisticsPublicationStore {
    public func publish(_ publication: StatisticsPublication, by auditor: Auditor) async throws {
        try await write { db in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO statistics_publications (month, scope, published_at, published_by, body, checksum)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        publication.month.description, publication.scope?.code ?? "", StoreCoding.instant(publication.publishedAt),
                        publication.publishedBy, publication.body, publication.checksum,
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.duplicate(
                    Message(
                        "duplicate.publication",
                        ["month": "\(publication.month)", "scope": publication.scope.map { .text($0.code) } ?? .message(Message("scope.national"))]))
            }
            try Self.appendLog(
                SecurityLogEntry(
                    at: publication.publishedAt, actor: auditor, action: .statisticsPublished,
                    subject: "statistics \(publication.month) \(publication.scope?.code ?? "national")", detail: ["checksum": publication.checksum]),
                in: db)
        }
    }

    public func publication(month: CSTMonth, scope: RegionCode?) async throws -> StatisticsPublication? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM statistics_publications WHERE month = ? AND scope = ?", arguments: [month.description, scope?.code ?? ""])
            else { return nil }
            return StatisticsPublication(
                month: month, scope: scope, publishedAt: try StoreCoding.instant(row["published_at"]), publishedBy: row["published_by"],
                body: row["body"], checksum: row["checksum"])
        }
    }

    public func publishedMonths(limit: Int) async throws -> [PublishedMonth] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT month, scope FROM statistics_publications ORDER BY month DESC, scope LIMIT ?", arguments: [limit])
                .map { row in
                    let scope: String = row["scope"]
                    return PublishedMonth(month: try CSTMonth(row["month"]), scope: scope.isEmpty ? nil : try RegionCode(format: scope))
                }
        }
    }

    public func publications(scope: RegionCode?, limit: Int) async throws -> [StatisticsPublication] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM statistics_publications WHERE scope = ? ORDER BY month DESC LIMIT ?", arguments: [scope?.code ?? "", limit]
            ).map { row in
                StatisticsPublication(
                    month: try CSTMonth(row["month"]), scope: scope, publishedAt: try StoreCoding.instant(row["published_at"]),
                    publishedBy: row["published_by"], body: row["body"], checksum: row["checksum"])
            }
        }
    }
}
