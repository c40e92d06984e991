import ArrearsCore

extension MonthlyStatistics {
    /// The month's statistics from summed cells as every engine reads them: figures per `dimension` + U+001F + `key` for
    /// the month and up to its end, and each step's duration histogram (`step unit` → days → count) likewise.
    public static func assemble(
        month: CSTMonth, province: RegionCode?, period: [String: [Figure: Int64]], toEnd: [String: [Figure: Int64]],
        durationsInMonth: [String: [Int: Int]], durationsToEnd: [String: [Int: Int]]
    ) -> MonthlyStatistics {
        func figures(_ cell: String) -> (StatisticsFigures, StatisticsFigures) {
            let end = toEnd[cell] ?? [:]
            return (StatisticsFigures(period: period[cell] ?? [:], toEnd: end), StatisticsFigures(period: end, toEnd: end))
        }
        func times(_ histograms: [String: [Int: Int]]) -> [StepTime] {
            StatisticsStep.allCases.flatMap { step in
                [ClockUnit.workingDays, .calendarDays].compactMap { unit in
                    StepTime(step: step, unit: unit, histogram: (histograms[step.rawValue + " " + unit.rawValue] ?? [:]).filter { $0.value > 0 })
                }
            }
        }
        var (monthly, cumulative) = figures(StatisticsDimension.all.rawValue + "\u{1F}")
        (monthly.timeToStep, cumulative.timeToStep) = (times(durationsInMonth), times(durationsToEnd))
        let breakdowns = toEnd.keys.sorted().compactMap { cell -> StatisticsBreakdown? in
            let parts = cell.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard parts.count == 2, let dimension = StatisticsDimension(rawValue: String(parts[0])), dimension != .all else { return nil }
            let (month, total) = figures(cell)
            return StatisticsBreakdown(dimension: dimension, key: String(parts[1]), monthly: month, cumulative: total)
        }
        return MonthlyStatistics(month: month, province: province, monthly: monthly, cumulative: cumulative, breakdowns: breakdowns)
    }
}
