import ArrearsCore
import ArrearsStore
import Foundation

/// Real values for tests: real credit codes, real regions, the shipped calendar.
public enum Fixtures {
    /// Valid unified social credit codes (GB 32100-2015), from DOMAIN.md.
    public static let validCreditCodes = ["91330100716105852F", "91110108551385082Q", "91310000132260250X", "12100000425006133D"]
    /// Codes whose check character is wrong.
    public static let badCheckCreditCodes = ["9144030071526726X7", "91310000607216596P"]

    public static let calendar: WorkingDayCalendar = try! ShippedReferenceData.calendar()

    /// A 2027 table made for the tests, shaped like the State Council's (New Year, Spring Festival, National Day and their
    /// make-up days).
    public static let table2027 = """
        date,kind,name
        2027-01-01,holiday,New Year's Day
        2027-01-02,holiday,New Year's Day
        2027-01-03,holiday,New Year's Day
        2027-02-06,holiday,Spring Festival
        2027-02-07,holiday,Spring Festival
        2027-02-08,holiday,Spring Festival
        2027-02-09,holiday,Spring Festival
        2027-02-10,holiday,Spring Festival
        2027-02-11,holiday,Spring Festival
        2027-02-12,holiday,Spring Festival
        2027-02-14,workday,Spring Festival
        2027-02-20,workday,Spring Festival
        2027-10-01,holiday,National Day
        2027-10-02,holiday,National Day
        2027-10-03,holiday,National Day
        2027-10-04,holiday,National Day
        2027-10-05,holiday,National Day
        2027-10-06,holiday,National Day
        2027-10-07,holiday,National Day
        2027-09-26,workday,National Day
        2027-10-09,workday,National Day

        """

    public static let regions: RegionDirectory = try! ShippedReferenceData.regions()
    public static let rules: RuleBook = try! ShippedReferenceData.ruleBook()
    public static let sizes: SizeStandard = try! ShippedReferenceData.sizeStandard()
    public static let routing: RoutingTable = try! ShippedReferenceData.routing()
    public static let lifecycle = Lifecycle(rules: rules, calendar: calendar, sizes: sizes)

    public static func instant(_ iso: String) -> Date {
        guard let date = try? Date(iso, strategy: .iso8601) else { fatalError("bad ISO 8601 instant in a test: \(iso)") }
        return date
    }

    public static func date(_ text: String) -> CSTDate { try! CSTDate(text) }

    public static func region(_ code: String) -> RegionCode { try! RegionCode(code, in: regions) }

    public static func fen(_ value: Int64) -> Fen { try! Fen(value) }

    /// A Hangzhou contractor owed ¥456,000 by a Zhejiang provincial college.
    public static func filing(
        complainantCode: String = "91330100716105852F", respondentRegion: String = "330000", level: AdministrativeLevel = .provincial,
        overdue: Int64 = 45_600_000, channel: IntakeChannel = .online
    ) -> ComplaintFiling {
        ComplaintFiling(
            complainant: Complainant(
                name: "杭州示例建设有限公司", creditCode: try! CreditCode(complainantCode), region: region("330100"), industry: .construction,
                declaredSize: .small, contact: Contact(person: "王芳", phone: "0571-87000000", email: "wang.fang@example.cn")),
            respondent: Respondent(
                name: "浙江省示例职业技术学院", creditCode: try! CreditCode("12100000425006133D"), kind: .publicInstitution, level: level,
                region: region(respondentRegion), supervisingAuthority: "浙江省教育厅"),
            contracts: [
                Contract(
                    number: "ZJ-2025-0318", subject: .works, signedOn: date("2025-03-18"), amount: fen(128_000_000),
                    deliveredOn: date("2025-09-30"), paymentTermDays: 30, amountOverdue: fen(overdue))
            ],
            facts: "校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。", demand: "支付尾款及逾期利息。", otherBodyInvolved: false, channel: channel)
    }

    public static let sme = Actor(account: AccountID("sme-hz"), role: .sme)
    public static let otherSME = Actor(account: AccountID("sme-bj"), role: .sme)
    public static let zhejiangIntake = Actor(account: AccountID("intake-zj"), role: .intake, province: region("330000"))
    public static let guangdongIntake = Actor(account: AccountID("intake-gd"), role: .intake, province: region("440000"))
    public static let nationalIntake = Actor(account: AccountID("intake-cn"), role: .intake)
    public static let educationHandler = Actor(account: AccountID("handler-zj-edu"), role: .handler, department: try! DepartmentID("ZJ-EDU"))
    public static let financeHandler = Actor(account: AccountID("handler-zj-fin"), role: .handler, department: try! DepartmentID("ZJ-FIN"))
    public static let zhejiangSupervisor = Actor(account: AccountID("supervisor-zj"), role: .supervisor, province: region("330000"))
    public static let admin = Actor(account: AccountID("admin"), role: .admin)

    /// Registers a filing through the lifecycle, as the HTTP layer does.
    public static func registered(
        _ filing: ComplaintFiling = filing(), id: String = UUID().uuidString.lowercased(), by actor: Actor = sme, at iso: String
    ) -> (Complaint, ComplaintEvent) {
        try! lifecycle.register(
            filing, id: ComplaintID(id), complainantAccount: actor.role == .sme ? actor.account : nil, by: actor, at: instant(iso))
    }
}
