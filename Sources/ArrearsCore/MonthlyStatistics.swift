/// The figures officials publish for a period (DOMAIN.md "Statistics officials publish"), first cut.
public struct StatisticsFigures: Sendable, Codable, Equatable {
    /// 登记: complaints registered.
    public var registered = 0
    /// 受理: complaints accepted (a reopened complaint accepted again is not counted twice).
    public var accepted = 0
    /// 不予受理
    public var rejected = 0
    /// 不予受理 by ground: each ground of the 2021 measures is a code the statistics count.
    public var rejectedByGround: [RejectionGround: Int] = Dictionary(uniqueKeysWithValues: RejectionGround.allCases.map { ($0, 0) })
    /// 转交: complaints forwarded to a handling department.
    public var forwarded = 0
    /// 办结: complaints with a result.
    public var resolved = 0
    public var withdrawn = 0
    /// Closed because the supplement period ran out.
    public var lapsed = 0
    /// Open (not closed, rejected or withdrawn) at the end of the period.
    public var openAtEnd = 0
    /// Overdue amounts named by the complaints registered in the period.
    public var amountClaimed = Fen.zero
    /// Amounts paid, as the results recorded in the period report them.
    public var amountPaid = Fen.zero

    public init() {}

    /// Which event kind each figure counts: the one place that defines the statistics.
    // Key paths are immutable values; the dictionary is a constant, so sharing it is safe.
    nonisolated(unsafe) public static let countedKinds: [ComplaintEventKind: WritableKeyPath<StatisticsFigures, Int>] = [
        .submitted: \.registered,
        .accepted: \.accepted,
        .rejected: \.rejected,
        .forwarded: \.forwarded,
        .resolved: \.resolved,
        .withdrawn: \.withdrawn,
        .lapsed: \.lapsed,
    ]

    /// Builds the figures from per-kind tallies: distinct complaints per event kind and amount sums.
    public init(tallies: [ComplaintEventKind: Int], amountClaimed: Fen, amountPaid: Fen, openAtEnd: Int) {
        for (kind, path) in Self.countedKinds {
            self[keyPath: path] = tallies[kind] ?? 0
        }
        self.amountClaimed = amountClaimed
        self.amountPaid = amountPaid
        self.openAtEnd = openAtEnd
    }
}

/// A month's figures and the cumulative ones up to its end, in China Standard Time.
public struct MonthlyStatistics: Sendable, Codable, Equatable {
    public let month: CSTMonth
    /// The province the figures are limited to; nil for national figures.
    public let province: RegionCode?
    public let monthly: StatisticsFigures
    public let cumulative: StatisticsFigures

    public init(month: CSTMonth, province: RegionCode?, monthly: StatisticsFigures, cumulative: StatisticsFigures) {
        self.month = month
        self.province = province
        self.monthly = monthly
        self.cumulative = cumulative
    }
}
