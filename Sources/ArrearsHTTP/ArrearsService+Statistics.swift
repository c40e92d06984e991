import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func getMonthlyStatistics(_ input: Operations.GetMonthlyStatistics.Input) async throws -> Operations.GetMonthlyStatistics.Output {
        let account = try caller()
        guard [.intake, .supervisor, .admin].contains(account.role) else {
            throw TransitionError.roleNotPermitted(command: "read statistics", role: account.role)
        }
        let month = try FieldViolation.at("month") { try CSTMonth(input.query.month) }
        let current = Self.wire(try await store.monthlyStatistics(month, visibleTo: account.actor, breakdowns: input.query.breakdowns == true))
        var answer = current
        if let publication = try await publications.publication(month: month, scope: Self.scope(of: account)) {
            answer = try JSONDecoder().decode(Components.Schemas.MonthlyStatistics.self, from: Data(publication.body.utf8))
            answer.publication = .init(
                publishedAt: publication.publishedAt, publishedBy: publication.publishedBy, checksum: publication.checksum,
                intact: publication.isIntact)
            answer.drift = try Self.drift(published: answer, current: current)
        }
        if input.query.breakdowns != true { answer.breakdowns = nil }
        return .ok(.init(body: .json(answer)))
    }

    public func publishStatistics(_ input: Operations.PublishStatistics.Input) async throws -> Operations.PublishStatistics.Output {
        let account = try caller()
        guard [.intake, .supervisor].contains(account.role) else {
            throw TransitionError.roleNotPermitted(command: "publish statistics", role: account.role)
        }
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let month = try FieldViolation.at("month") { try CSTMonth(body.month) }
        let now = clock.now()
        guard month < CSTDate(now).month else {
            throw FieldViolation(
                field: "month", rule: "statistics.month-not-ended",
                detail: "\(month) has not ended (China Standard Time); publish it from \(month.next)")
        }
        let document = Self.wire(try await store.monthlyStatistics(month, visibleTo: account.actor))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let publication = StatisticsPublication(
            month: month, scope: Self.scope(of: account), publishedAt: now, publishedBy: account.name,
            body: String(decoding: try encoder.encode(document), as: UTF8.self))
        try await publications.publish(publication, by: Self.auditor(id: account.id.rawValue, role: account.role))
        var answer = document
        answer.publication = .init(publishedAt: now, publishedBy: account.name, checksum: publication.checksum, intact: true)
        answer.drift = []
        return .created(.init(body: .json(answer)))
    }

    /// The scope an official's figures cover: their province, or the whole country.
    static func scope(of account: Account) -> RegionCode? {
        account.role == .admin ? nil : account.province
    }

    static func wire(_ statistics: MonthlyStatistics) -> Components.Schemas.MonthlyStatistics {
        .init(
            month: statistics.month.description, province: statistics.province?.code,
            monthly: Wire.figures(statistics.monthly), cumulative: Wire.figures(statistics.cumulative),
            registeredAndForwarded: statistics.registeredAndForwarded,
            breakdowns: statistics.breakdowns.map { breakdown in
                .init(
                    dimension: .init(rawValue: breakdown.dimension.rawValue)!, key: breakdown.key,
                    monthly: Wire.figures(breakdown.monthly), cumulative: Wire.figures(breakdown.cumulative))
            })
    }

    /// The figures (month and cumulative, every number) the log now gives differently from the publication.
    static func drift(
        published: Components.Schemas.MonthlyStatistics, current: Components.Schemas.MonthlyStatistics
    ) throws -> [Components.Schemas.MonthlyStatistics.DriftPayloadPayload] {
        func numbers(_ value: some Encodable, _ prefix: String) throws -> [String: Int64] {
            let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
            var found: [String: Int64] = [:]
            func walk(_ node: Any, _ path: String) {
                if let dictionary = node as? [String: Any] {
                    for (key, child) in dictionary { walk(child, path + "." + key) }
                } else if let array = node as? [Any] {
                    for (index, child) in array.enumerated() { walk(child, path + "[\(index)]") }
                } else if let number = node as? NSNumber, !(node is Bool) {
                    found[path] = number.int64Value
                }
            }
            walk(object, prefix)
            return found
        }
        let before = try numbers(published.monthly, "monthly").merging(try numbers(published.cumulative, "cumulative")) { $1 }
        let now = try numbers(current.monthly, "monthly").merging(try numbers(current.cumulative, "cumulative")) { $1 }
        return Set(before.keys).union(now.keys).sorted().compactMap { figure in
            let (old, new) = (before[figure] ?? 0, now[figure] ?? 0)
            return old == new ? nil : .init(figure: figure, published: old, current: new)
        }
    }
}
