import ArrearsCore
import ArrearsStore
import Foundation

/// The complaint platform (投诉平台) as every edge sees it, in the domain's words: filing, deciding, viewing, queues,
/// evidence, accounts and signing in, routing, statistics, exports and oversight. Every rule, permission, limit and
/// security-log entry is here or below, once; the JSON API and the web pages only convert their own formats.
public struct Platform: Sendable {
    let store: any ArrearsStorage
    /// The account store behind a token cache, so a revocation here takes effect at once.
    let accounts: TokenCache
    let vault: EvidenceVault
    /// The rule sets (clocks) and the size standard; the calendar comes from the store, so an imported holiday table counts
    /// at once in deadlines as in statistics.
    let rules: RuleBook
    let sizes: SizeStandard
    public let regions: RegionDirectory
    let clock: any InstantSource
    let limits: AbuseLimits
    public let evidenceLimits: EvidenceLimits
    /// How a month's figures are frozen into a publication: the document the API answers with, so what was published
    /// reads back byte for byte.
    let statisticsDocument: @Sendable (MonthlyStatistics) throws -> String

    public init(
        store: any ArrearsStorage, vault: EvidenceVault, rules: RuleBook, sizes: SizeStandard, regions: RegionDirectory, clock: any InstantSource,
        limits: AbuseLimits, evidenceLimits: EvidenceLimits, tokenCacheSeconds: Int,
        statisticsDocument: @escaping @Sendable (MonthlyStatistics) throws -> String
    ) {
        self.store = store
        self.accounts = TokenCache(store, lifetime: TimeInterval(tokenCacheSeconds))
        self.vault = vault
        self.rules = rules
        self.sizes = sizes
        self.regions = regions
        self.clock = clock
        self.limits = limits
        self.evidenceLimits = evidenceLimits
        self.statisticsDocument = statisticsDocument
    }

    /// Today in China Standard Time, the day the law counts from.
    public var today: CSTDate { CSTDate(clock.now()) }

    /// The lifecycle on the calendar in force now.
    func lifecycle() async throws -> Lifecycle {
        Lifecycle(rules: rules, calendar: try await store.workingDayCalendar(), sizes: sizes)
    }

    /// The account a bearer token's digest stands for now, if any.
    public func account(tokenDigest: String) async throws -> Account? {
        try await accounts.account(tokenDigest: tokenDigest, at: clock.now())
    }

    /// Whether the database answers and holds the schema this release expects; nil when ready.
    public func readinessProblem() async -> Message? {
        await store.readinessProblem()
    }
}

/// How much evidence is kept: per file and per complaint, in bytes.
public struct EvidenceLimits: Sendable, Equatable {
    public let file: Int
    public let complaint: Int

    public init(file: Int, complaint: Int) {
        self.file = file
        self.complaint = complaint
    }
}
