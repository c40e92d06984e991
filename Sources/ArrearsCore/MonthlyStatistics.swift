/// The figures officials publish for a period (DOMAIN.md "Statistics officials publish"; Schemas/statistics.md), summed
/// from what `StatisticsLedger` counts for each event.
public struct StatisticsFigures: Sendable, Codable, Equatable {
    /// 登记: complaints registered.
    public var registered = 0
    /// 受理: complaints accepted.
    public var accepted = 0
    /// 不予受理
    public var rejected = 0
    /// 不予受理 by ground: each ground of the 2021 measures is a code the statistics count.
    public var rejectedByGround: [RejectionGround: Int] = Self.zeros(RejectionGround.allCases)
    /// 转交: complaints forwarded to a handling department (the first forward only).
    public var forwarded = 0
    /// Given back by a handling department as not its own.
    public var returned = 0
    /// 办结: results recorded (a reopened complaint resolved again counts again).
    public var resolved = 0
    public var resolvedByOutcome: [ResolutionOutcome: Int] = Self.zeros(ResolutionOutcome.allCases)
    public var withdrawn = 0
    /// Closed because the supplement period ran out.
    public var lapsed = 0
    /// Closed after a result: rated, or the rating period ran out.
    public var closed = 0
    public var reopened = 0
    /// 满意度: ratings by level.
    public var ratings: [Satisfaction: Int] = Self.zeros(Satisfaction.allCases)
    /// 被投诉人反馈: notices served on respondents and feedback recorded; 督办书 issued.
    public var respondentsNotified = 0
    public var feedbackReceived = 0
    public var supervisionNotices = 0
    /// Requests for information to complainants.
    public var informationRequested = 0
    /// Requests for review after a poor rating, and those a supervisor declined (accepted ones count as `reopened`).
    public var reviewsRequested = 0
    public var reviewsDeclined = 0
    /// 追回金额: payments recorded, by the month they were paid in.
    public var amountRecovered = Fen.zero
    /// Payment plans agreed (a revised plan counts again), and instalments paid after their day.
    public var paymentPlans = 0
    public var instalmentsPaidLate = 0
    /// Open (not closed, rejected or withdrawn) at the end of the period, and by state.
    public var openAtEnd = 0
    public var openByState: [ComplaintState: Int] = Self.zeros(ComplaintState.allCases.filter(\.isOpen))
    /// Stages that ended after their due date in the period (逾期办理), by stage.
    public var completedLate: [DeadlineStage: Int] = Self.zeros(DeadlineStage.allCases)
    /// Complaints waiting past a stage's due date at the period's end (逾期未办), by stage.
    public var overdueAtEnd: [DeadlineStage: Int] = Self.zeros(DeadlineStage.allCases)
    /// Time from receipt to each measured step, for the steps taken in the period.
    public var timeToStep: [StepTime] = []
    /// Overdue amounts named by the complaints registered in the period.
    public var amountClaimed = Fen.zero
    /// Amounts paid, as the results recorded in the period report them.
    public var amountPaid = Fen.zero

    public init() {}

    /// The figures from summed ledger values: `period` over the period, `toEnd` over everything up to its end (which is
    /// what "open at the end" needs).
    public init(period: [Figure: Int64], toEnd: [Figure: Int64]) {
        func count(_ figure: Figure) -> Int { Int(period[figure] ?? 0) }
        registered = count(.registered)
        accepted = count(.accepted)
        rejected = count(.rejected)
        for ground in RejectionGround.allCases { rejectedByGround[ground] = count(Figure.rejected(ground)) }
        forwarded = count(.forwarded)
        returned = count(.returned)
        resolved = count(.resolved)
        for outcome in ResolutionOutcome.allCases { resolvedByOutcome[outcome] = count(Figure.resolved(outcome)) }
        withdrawn = count(.withdrawn)
        lapsed = count(.lapsed)
        closed = count(.closed)
        reopened = count(.reopened)
        for level in Satisfaction.allCases { ratings[level] = count(Figure.rated(level)) }
        respondentsNotified = count(.respondentsNotified)
        feedbackReceived = count(.feedbackReceived)
        supervisionNotices = count(.supervisionNotices)
        informationRequested = count(.informationRequested)
        reviewsRequested = count(.reviewsRequested)
        reviewsDeclined = count(.reviewsDeclined)
        amountRecovered = Fen(unchecked: period[.amountRecoveredFen] ?? 0)
        paymentPlans = count(.paymentPlans)
        instalmentsPaidLate = count(.instalmentsPaidLate)
        for state in ComplaintState.allCases {
            if let figure = Figure.inState(state) { openByState[state] = Int(toEnd[figure] ?? 0) }
        }
        openAtEnd = openByState.values.reduce(0, +)
        for stage in DeadlineStage.allCases {
            guard let late = Figure.late(stage), let overdue = Figure.overdue(stage) else { continue }
            completedLate[stage] = count(late)
            overdueAtEnd[stage] = Int(toEnd[overdue] ?? 0)
        }
        amountClaimed = Fen(unchecked: period[.amountClaimedFen] ?? 0)
        amountPaid = Fen(unchecked: period[.amountPaidFen] ?? 0)
    }

    static func zeros<K: Hashable>(_ keys: [K]) -> [K: Int] { Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) }) }
}

/// How long complaints took from receipt to a step, in the unit the rule of the stage it ends counts in.
public struct StepTime: Sendable, Codable, Equatable {
    public let step: StatisticsStep
    public let unit: ClockUnit
    /// How many steps were measured.
    public let count: Int
    /// Nearest-rank percentiles: the least number of days within which half (nine in ten) of the steps were taken.
    public let median: Int
    public let p90: Int

    public init(step: StatisticsStep, unit: ClockUnit, count: Int, median: Int, p90: Int) {
        self.step = step
        self.unit = unit
        self.count = count
        self.median = median
        self.p90 = p90
    }

    /// From a histogram (days → how many); nil when it is empty.
    public init?(step: StatisticsStep, unit: ClockUnit, histogram: [Int: Int]) {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        func percentile(_ share: Double) -> Int {
            // Nearest rank: the ⌈share × n⌉-th smallest value.
            let rank = Int((share * Double(total)).rounded(.up))
            var seen = 0
            for (days, count) in histogram.sorted(by: { $0.key < $1.key }) {
                seen += count
                if seen >= rank { return days }
            }
            return histogram.keys.max() ?? 0
        }
        self.init(step: step, unit: unit, count: total, median: percentile(0.5), p90: percentile(0.9))
    }
}

/// A month's figures and the cumulative ones up to its end, in China Standard Time, with their breakdowns.
public struct MonthlyStatistics: Sendable, Codable, Equatable {
    public let month: CSTMonth
    /// The province the figures are limited to; nil for national figures.
    public let province: RegionCode?
    public let monthly: StatisticsFigures
    public let cumulative: StatisticsFigures
    /// The same figures split along each dimension, by key (e.g. `respondent_kind` → `government_organ`).
    public let breakdowns: [StatisticsBreakdown]

    public init(
        month: CSTMonth, province: RegionCode?, monthly: StatisticsFigures, cumulative: StatisticsFigures, breakdowns: [StatisticsBreakdown] = []
    ) {
        self.month = month
        self.province = province
        self.monthly = monthly
        self.cumulative = cumulative
        self.breakdowns = breakdowns
    }

    /// 累计登记转送: every complaint the platform registered and passed on to the intake department responsible, to the
    /// month's end — the figure the national platform published ("超1.46万笔" at 2020-12-30). Each registration is passed on
    /// at once, so it equals the cumulative registrations; it is kept apart because it is the published figure.
    public var registeredAndForwarded: Int { cumulative.registered }
}

/// One key of one dimension: its figures for the month and cumulatively.
public struct StatisticsBreakdown: Sendable, Codable, Equatable {
    public let dimension: StatisticsDimension
    /// The province code for `province`; the enum value for the others; "" for "not forwarded yet" under `department`.
    public let key: String
    public let monthly: StatisticsFigures
    public let cumulative: StatisticsFigures

    public init(dimension: StatisticsDimension, key: String, monthly: StatisticsFigures, cumulative: StatisticsFigures) {
        self.dimension = dimension
        self.key = key
        self.monthly = monthly
        self.cumulative = cumulative
    }
}
