import ArrearsAPI
import ArrearsCore
import ArrearsStore

/// The statistics as rows and named columns, for every export format: one row per month and breakdown key, the figures
/// of Schemas/statistics.md as columns, headers in Chinese (or English).
struct ExportTable {
    /// One column: its two headers and how to read it from a row.
    struct Column {
        let chinese: String
        let english: String
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

    /// The dimensions in sheet order, with their names.
    static let dimensions: [(id: String, chinese: String, english: String)] = [
        ("all", "全部", "all"), ("province", "按省份", "by province"), ("respondent_kind", "按被投诉方类型", "by respondent kind"),
        ("respondent_level", "按被投诉方层级", "by respondent level"), ("department", "按处理部门", "by handling department"),
        ("industry", "按行业", "by industry"), ("size", "按企业规模", "by size"),
    ]

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
    var allRows: [Row] { Self.dimensions.flatMap { rows($0.id) } }

    /// A breakdown key as a person reads it: 浙江省 (330000), 事业单位, ….
    func label(_ row: Row, english: Bool) -> String {
        switch row.dimension {
        case "all": return english ? "all" : "全部"
        case "province":
            guard !row.key.isEmpty else { return english ? "national intake" : "全国受理" }
            return provinceLabel(row.key)
        case "department": return row.key.isEmpty ? (english ? "not forwarded yet" : "尚未转交") : row.key
        default: return english ? row.key : (Self.chineseKeys[row.key] ?? row.key)
        }
    }

    /// 浙江省 (330000); the code alone when the region table does not know it.
    func provinceLabel(_ code: String) -> String {
        let name = (try? RegionCode(format: code)).flatMap { regions?.name(of: $0) }
        return name.map { "\($0) (\(code))" } ?? code
    }

    static let chineseKeys: [String: String] = [
        "government_organ": "机关", "public_institution": "事业单位", "large_enterprise": "大型企业", "fiscally_funded_organisation": "财政资金供养单位",
        "central": "中央", "provincial": "省级", "city": "市级", "county": "县级",
        "large": "大型", "medium": "中型", "small": "小型", "micro": "微型",
        "agriculture": "农林牧渔业", "industry": "工业", "construction": "建筑业", "wholesale": "批发业", "retail": "零售业",
        "transport": "交通运输业", "warehousing": "仓储业", "postal": "邮政业", "accommodation": "住宿业", "catering": "餐饮业",
        "information_transmission": "信息传输业", "software": "软件和信息技术服务业", "real_estate_development": "房地产开发经营",
        "property_management": "物业管理", "leasing_business_services": "租赁和商务服务业", "other": "其他未列明行业",
    ]

    func columns(english: Bool) -> [Column] {
        func count(_ chinese: String, _ english: String, _ read: @escaping (Components.Schemas.Figures) -> Int) -> Column {
            Column(chinese: chinese, english: english, isNumber: true) { String(read($0.monthly)) }
        }
        func yuan(_ fen: Int64) -> String { Fen(unchecked: fen).decimalYuan }
        return [
            Column(chinese: "月份", english: "month", isNumber: false) { $0.month },
            Column(chinese: "维度", english: "dimension", isNumber: false) { row in
                let name = Self.dimensions.first { $0.id == row.dimension }
                return (english ? name?.english : name?.chinese) ?? row.dimension
            },
            Column(chinese: "分组", english: "key", isNumber: false) { label($0, english: english) },
            count("登记", "registered") { $0.registered }, count("受理", "accepted") { $0.accepted },
            count("不予受理", "rejected") { $0.rejected },
            count("不予受理-不属于受理范围", "rejected: not in scope") { $0.rejectedByGround.notInScope },
            count("不予受理-已进入诉讼仲裁", "rejected: other body involved") { $0.rejectedByGround.otherBodyInvolved },
            count("不予受理-非中小企业", "rejected: not an SME") { $0.rejectedByGround.notSme },
            count("不予受理-重复投诉", "rejected: repeat complaint") { $0.rejectedByGround.repeatComplaint },
            count("不予受理-其他", "rejected: other exclusion") { $0.rejectedByGround.otherExclusion },
            count("转交", "forwarded") { $0.forwarded }, count("退回", "returned") { $0.returned }, count("办结", "resolved") { $0.resolved },
            count("办结-全额支付", "resolved: paid in full") { $0.resolvedByOutcome.paidInFull },
            count("办结-部分支付", "resolved: partly paid") { $0.resolvedByOutcome.partlyPaid },
            count("办结-达成还款协议", "resolved: payment plan agreed") { $0.resolvedByOutcome.paymentPlanAgreed },
            count("办结-诉求不成立", "resolved: claim not supported") { $0.resolvedByOutcome.claimNotSupported },
            count("办结-转入诉讼", "resolved: referred to court") { $0.resolvedByOutcome.referredToCourt },
            count("办结-其他", "resolved: other") { $0.resolvedByOutcome.other },
            count("撤回", "withdrawn") { $0.withdrawn }, count("逾期未补正", "lapsed") { $0.lapsed }, count("结案", "closed") { $0.closed },
            count("重新办理", "reopened") { $0.reopened }, count("满意", "rated satisfied") { $0.ratings.satisfied },
            count("基本满意", "rated basically satisfied") { $0.ratings.basicallySatisfied },
            count("不满意", "rated dissatisfied") { $0.ratings.dissatisfied },
            count("逾期办理", "stages completed late") { $0.completedLate.total },
            count("月末在办", "open at month end") { $0.openAtEnd }, count("月末逾期未办", "overdue at month end") { $0.overdueAtEnd.total },
            Column(chinese: "投诉金额(元)", english: "amount claimed (yuan)", isNumber: true) { yuan($0.monthly.amountClaimed) },
            Column(chinese: "已支付金额(元)", english: "amount paid (yuan)", isNumber: true) { yuan($0.monthly.amountPaid) },
            Column(chinese: "累计登记", english: "registered, cumulative", isNumber: true) { String($0.cumulative.registered) },
            Column(chinese: "累计办结", english: "resolved, cumulative", isNumber: true) { String($0.cumulative.resolved) },
            Column(chinese: "累计已支付金额(元)", english: "amount paid, cumulative (yuan)", isNumber: true) { yuan($0.cumulative.amountPaid) },
        ]
    }
}
