import ArrearsCore
import Foundation

/// A month's statistics as an official published them: frozen, with the SHA-256 of exactly what was published.
public struct StatisticsPublication: Sendable, Equatable {
    public let month: CSTMonth
    /// The province the figures cover; nil for national figures.
    public let scope: RegionCode?
    public let publishedAt: Date
    public let publishedBy: String
    /// The published document (the API's JSON, keys sorted).
    public let body: String
    public let checksum: String

    public init(month: CSTMonth, scope: RegionCode?, publishedAt: Date, publishedBy: String, body: String, checksum: String? = nil) {
        self.month = month
        self.scope = scope
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.body = body
        self.checksum = checksum ?? Self.checksum(of: body)
    }

    public static func checksum(of body: String) -> String {
        HexDigest.sha256(body)
    }

    /// Whether the stored document is still the one that was published.
    public var isIntact: Bool { Self.checksum(of: body) == checksum }
}

/// Where published months are kept, each once per scope.
public protocol StatisticsPublicationStore: Sendable {
    /// Stores a publication and logs who published it, in one transaction; `StoreError.duplicate` if the month is
    /// already published for that scope.
    func publish(_ publication: StatisticsPublication, by: Auditor) async throws

    /// The publication of a month for a scope, if there is one.
    func publication(month: CSTMonth, scope: RegionCode?) async throws -> StatisticsPublication?

    /// Which months are published for which scopes, newest month first (national before provinces within a month).
    func publishedMonths(limit: Int) async throws -> [PublishedMonth]

    /// A scope's publications, newest month first.
    func publications(scope: RegionCode?, limit: Int) async throws -> [StatisticsPublication]
}

/// A month published for a scope (nil: national), without its document.
public struct PublishedMonth: Sendable, Equatable, Hashable {
    public let month: CSTMonth
    public let scope: RegionCode?

    public init(month: CSTMonth, scope: RegionCode?) {
        self.month = month
        self.scope = scope
    }
}
