import ArrearsCore
import ArrearsStore
import Foundation

/// A month's figures as the event log gives them now, and, when the month was published for the caller's scope, the
/// publication and every figure that has changed since (统计发布与偏差).
public struct StatisticsReading: Sendable {
    public let current: MonthlyStatistics
    public let publication: StatisticsPublication?
    /// Empty when nothing was published or nothing has changed.
    public let drift: [FigureDrift]
}

/// One published figure the log now gives differently, named by its path in the document (`monthly.registered`).
public struct FigureDrift: Sendable, Equatable {
    public let figure: String
    public let published: Int64
    public let current: Int64
}

extension Platform {
    /// The month's figures for the caller's scope (provincial officials their province, the rest the country).
    public func statistics(_ month: CSTMonth, breakdowns: Bool, by caller: Caller) async throws -> StatisticsReading {
        let account = try caller.holding(.readStatistics, "read-statistics")
        let current = try await store.monthlyStatistics(month, visibleTo: account.actor, breakdowns: breakdowns)
        guard let publication = try await store.publication(month: month, scope: account.actor.statisticsProvince) else {
            return StatisticsReading(current: current, publication: nil, drift: [])
        }
        let drift = try Self.drift(published: publication.body, current: statisticsDocument(current))
        return StatisticsReading(current: current, publication: publication, drift: drift)
    }

    /// Freezes an ended month's figures for the caller's scope, once; logged with who published.
    public func publish(_ month: CSTMonth, by caller: Caller) async throws -> StatisticsPublication {
        let account = try caller.holding(.publishStatistics, "publish-statistics")
        let now = clock.now()
        guard month < CSTDate(now).month else {
            throw Refusal.invalid([
                FieldViolation(
                    field: "month", rule: "statistics.month-not-ended",
                    facts: ["month": "\(month)", "next": "\(month.next)"])
            ])
        }
        let figures = try await store.monthlyStatistics(month, visibleTo: account.actor)
        let publication = StatisticsPublication(
            month: month, scope: account.actor.statisticsProvince, publishedAt: now, publishedBy: account.name,
            body: try statisticsDocument(figures))
        try await store.publish(publication, by: caller.auditor)
        return publication
    }

    /// The figures (month and cumulative, every number) two documents give differently.
    static func drift(published: String, current: String) throws -> [FigureDrift] {
        func numbers(_ document: String) throws -> [String: Int64] {
            let object = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] ?? [:]
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
            for part in ["monthly", "cumulative"] { walk(object[part] ?? [:], part) }
            return found
        }
        let (before, now) = (try numbers(published), try numbers(current))
        return Set(before.keys).union(now.keys).sorted().compactMap { figure in
            let (old, new) = (before[figure] ?? 0, now[figure] ?? 0)
            return old == new ? nil : FigureDrift(figure: figure, published: old, current: new)
        }
    }
}

/// What the public statistics page shows (统计发布): which months are published for which scopes, and one scope's
/// publications, newest first, each as it was frozen, with its checksum.
public struct PublishedStatistics: Sendable {
    public let months: [PublishedMonth]
    /// The scope asked for, newest month first; the first is the month shown unless another was asked for.
    public let publications: [StatisticsPublication]
}

extension Platform {
    /// Published figures are public: anyone may read what officials published, never the live figures.
    public func publishedStatistics(scope: RegionCode?, months limit: Int = 12) async throws -> PublishedStatistics {
        PublishedStatistics(
            months: try await store.publishedMonths(limit: 500), publications: try await store.publications(scope: scope, limit: limit))
    }
}
