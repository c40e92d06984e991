import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: StatisticsPublicationStore {
    public func publish(_ publication: StatisticsPublication, by auditor: Auditor) async throws {
        try await write { [self] connection in
            let inserted = try await connection.query(
                """
                INSERT INTO statistics_publications (month, scope, published_at, published_by, body, checksum)
                VALUES (\(publication.month.description), \(publication.scope?.code ?? ""), \(StoreCoding.instant(publication.publishedAt)),
                    \(publication.publishedBy), \(publication.body), \(publication.checksum))
                ON CONFLICT (month, scope) DO NOTHING RETURNING 1
                """, logger: logger
            ).collect()
            guard !inserted.isEmpty else {
                throw StoreError.duplicate(
                    Message(
                        "duplicate.publication",
                        ["month": "\(publication.month)", "scope": publication.scope.map { .text($0.code) } ?? .message(Message("scope.national"))]))
            }
            try await appendLog(
                SecurityLogEntry(
                    at: publication.publishedAt, actor: auditor, action: .statisticsPublished,
                    subject: "statistics \(publication.month) \(publication.scope?.code ?? "national")", detail: ["checksum": publication.checksum]),
                connection)
        }
    }

    public func publication(month: CSTMonth, scope: RegionCode?) async throws -> StatisticsPublication? {
        try await read { [self] connection in
            let rows = try await connection.query(
                """
                SELECT published_at, published_by, body, checksum FROM statistics_publications
                WHERE month = \(month.description) AND scope = \(scope?.code ?? "")
                """, logger: logger
            ).collect()
            guard let (publishedAt, publishedBy, body, checksum) = try rows.first?.decode((String, String, String, String).self) else { return nil }
            return StatisticsPublication(
                month: month, scope: scope, publishedAt: try StoreCoding.instant(publishedAt), publishedBy: publishedBy, body: body,
                checksum: checksum)
        }
    }

    public func publishedMonths(limit: Int) async throws -> [PublishedMonth] {
        try await read { [self] connection in
            var found: [PublishedMonth] = []
            let rows = try await connection.query(
                "SELECT month, scope FROM statistics_publications ORDER BY month DESC, scope LIMIT \(limit)", logger: logger)
            for try await (month, scope) in rows.decode((String, String).self) {
                found.append(PublishedMonth(month: try CSTMonth(month), scope: scope.isEmpty ? nil : try RegionCode(format: scope)))
            }
            return found
        }
    }

    public func publications(scope: RegionCode?, limit: Int) async throws -> [StatisticsPublication] {
        try await read { [self] connection in
            var found: [StatisticsPublication] = []
            let rows = try await connection.query(
                """
                SELECT month, published_at, published_by, body, checksum FROM statistics_publications
                WHERE scope = \(scope?.code ?? "") ORDER BY month DESC LIMIT \(limit)
                """, logger: logger)
            for try await (month, publishedAt, publishedBy, body, checksum) in rows.decode((String, String, String, String, String).self) {
                found.append(
                    StatisticsPublication(
                        month: try CSTMonth(month), scope: scope, publishedAt: try StoreCoding.instant(publishedAt), publishedBy: publishedBy,
                        body: body, checksum: checksum))
            }
            return found
        }
    }
}
