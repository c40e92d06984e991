import ArrearsAPI
import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// The statistics as rows and named columns, for every export format: one row per month and breakdown key, the figures
/// of Schemas/statistics.md as columns, headers and keys in the reader's language (`stats.*` in the catalogue).
struct ExportTable {
    /// One column: its catalogue id (`stats.column.<id>`) and how to read it from a row.
    struct Column {
        let id: String
        /// Numbers are written as numbers (spreadsheets sum them); amounts in yuan with two decimals, never through floating point.
        let isNumber: Bool
        let value: (Row) -> String
    }

    /// One month of one breakdown key (or the whole scope).
    struct Row {
        let month: String
        let dimension: String
        let key: String
        let monthly: Components.Schemas.Figures
        let cumulative: Components.Schemas.Figures
    }

    let months: [Components.Schemas.MonthlyStatistics]
    let regions: RegionDirectory?
    let words: Wording

    /// The dimensions in sheet order; each is named `stats.dimension.<id>`.
    static let dimensions = ["all", "province", "respondent_kind", "respondent_level", "department", "industry", "size"]

    /// A column's header.
    func header(_ column: Column) -> String { words("stats.column." + column.id) }

    /// A dimension's name, e.g. 按行业.
    func name(ofDimension id: String) -> String { words("stats.dimension." + id) }

    /// The rows of one dimension ("all" for the whole scope), month by month.
    func rows(_ dimension: String) -> [Row] {
        months.flatMap { month -> [Row] in
            if dimension == "all" {
                return [Row(month: month.month, dimension: "all", key: "", monthly: month.monthly, cumulative: month.cumulative)]
            }
            return (month.breakdowns ?? []).filter { $0.dimension.rawValue == dimension }.map {
                Row(month: month.month, dimension: dimension, key: $0.key, monthly: $0.monthly, cumulative: $0.cumulative)
            }
        }
    }

    /// Every row: the whole scope first, then each breakdown.
    var allRows: [Row] { Self.dimensions.flatMap { rows($0) } }

    /// A breakdown key as a person reads it: 浙江省 (330000), 事业单位, ….
    func label(_ row: Row) -> String {
        switch row.dimension {
        case "all": return words("stats.key.all")
        case "province": return row.key.isEmpty ? words("stats.key.national-intake") : provinceLabel(row.key)
        case "department": return row.key.isEmpty ? words("stats.key.not-forwarded") : row.key
        default:
            let family = ["respondent_kind": "respondent-kind.", "respondent_level": "level.", "industry": "industry.", "size": "size."]
            return family[row.dimension].map { words($0 + row.key) } ?? row.key
        }
    }

    /// 浙江省 (330000); the code alone when the region table does not know it.
    func provinceLabel(_ code: String) -> String {
        let name = (try? RegionCode(format: code)).flatMap { regions?.name(of: $0) }
        return name.map { "\($0) (\(code))" } ?? code
    }

    func columns() -> [Column] {
        func count(_ id: String, _ read: @escaping (Components.Schemas.Figures) -> Int) -> Column {
            Column(id: id, isNumber: true) { String(read($0.monthly)) }
        }
        func yuan(_ fen: Int64) -> String { Fen(unchecked: fen).decimalYuan }
        return [
            Column(id: "month", isNumber: false) { $0.month },
            Column(id: "dimension", isNumber: false) { name(ofDimension: $0.dimension) },
            Column(id: "key", isNumber: false) { label($0) },
            count("registered") { $0.registered }, count("accepted") { $0.accepted },
            count("rejected") { $0.rejected },
            count("rejected-not-in-scope") { $0.rejectedByGround.notInScope },
            count("rejected-other-body-involved") { $0.rejectedByGround.otherBodyInvolved },
            count("rejected-not-an-sme") { $0.rejectedByGround.notSme },
            count("rejected-repeat-complaint") { $0.rejectedByGround.repeatComplaint },
            count("rejected-other-exclusion") { $0.rejectedByGround.otherExclusion },
            count("forwarded") { $0.forwarded }, count("returned") { $0.returned }, count("resolved") { $0.resolved },
            count("resolved-paid-in-full") { $0.resolvedByOutcome.paidInFull },
            count("resolved-partly-paid") { $0.resolvedByOutcome.partlyPaid },
            count("resolved-payment-plan-agreed") { $0.resolvedByOutcome.paymentPlanAgreed },
            count("resolved-claim-not-supported") { $0.resolvedByOutcome.claimNotSupported },
            count("resolved-referred-to-court") { $0.resolvedByOutcome.referredToCourt },
            count("resolved-other") { $0.resolvedByOutcome.other },
            count("withdrawn") { $0.withdrawn }, count("lapsed") { $0.lapsed }, count("closed") { $0.closed },
            count("reopened") { $0.reopened }, count("rated-satisfied") { $0.ratings.satisfied },
            count("rated-basically-satisfied") { $0.ratings.basicallySatisfied },
            count("rated-dissatisfied") { $0.ratings.dissatisfied },
            count("stages-completed-late") { $0.completedLate.total },
            count("open-at-month-end") { $0.openAtEnd }, count("overdue-at-month-end") { $0.overdueAtEnd.total },
            Column(id: "amount-claimed-yuan", isNumber: true) { yuan($0.monthly.amountClaimed) },
            Column(id: "amount-paid-yuan", isNumber: true) { yuan($0.monthly.amountPaid) },
            Column(id: "registered-cumulative", isNumber: true) { String($0.cumulative.registered) },
            Column(id: "resolved-cumulative", isNumber: true) { String($0.cumulative.resolved) },
            Column(id: "amount-paid-cumulative-yuan", isNumber: true) { yuan($0.cumulative.amountPaid) },
        ]
    }
}
