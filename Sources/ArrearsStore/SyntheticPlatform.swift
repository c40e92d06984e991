import ArrearsCore
import Foundation

/// Synthetic complaints with whole histories, for `arrearsd seed`: valid credit codes, real regions, plausible amounts and a
/// realistic mix of outcomes and delays, every step taken through the real `Lifecycle`. Complaint `i` depends only on the
/// seed and `i`, so any slice can be made in any order and the same command makes the same platform.
public struct SyntheticPlatform: Sendable {
    public let seed: UInt64
    /// How many complaints the platform has in all.
    public let count: Int
    public let months: [CSTMonth]
    let lifecycle: Lifecycle
    let routing: RoutingTable
    /// Cumulative month weights: later months get more complaints, as the platform became known.
    let monthWeights: [Double]
    let provinces: [RegionDirectory.Region]
    let cities: [String: [RegionDirectory.Region]]
    let counties: [String: [RegionDirectory.Region]]
    /// Nothing happens after the end of the last month: later steps are left for the complaint's future.
    let horizon: Date

    public init(
        seed: UInt64, count: Int, from: CSTMonth, to: CSTMonth, lifecycle: Lifecycle, regions: RegionDirectory, routing: RoutingTable
    ) {
        self.seed = seed
        self.count = count
        var months: [CSTMonth] = []
        var month = from
        while month <= to {
            months.append(month)
            month = month.next
        }
        self.months = months
        self.lifecycle = lifecycle
        self.routing = routing
        var total = 0.0
        monthWeights = months.indices.map { index in
            total += 1 + Double(index) * 0.08
            return total
        }
        let all = regions.all
        // Provinces with cities below them (the table also lists retired codes; they are real and stay).
        // Taiwan, Hong Kong and Macao (71, 81, 82) are in the table but outside this platform's jurisdiction.
        provinces = all.filter { $0.level == "province" && !["71", "81", "82"].contains(String($0.code.code.prefix(2))) }
        cities = Dictionary(grouping: all.filter { $0.level == "city" }) { String($0.code.code.prefix(2)) }
        counties = Dictionary(grouping: all.filter { $0.level == "county" }) { String($0.code.code.prefix(4)) }
        horizon = to.next.firstDay.startInstant
    }

    /// The indices of the complaints received in each month, in month order: months are contiguous ranges of indices, so
    /// a month's complaints can be made, sorted by receipt and stored with numbers in the order they came in.
    public var monthRanges: [(month: CSTMonth, indices: Range<Int>)] {
        let total = monthWeights[monthWeights.count - 1]
        var start = 0
        return months.indices.map { index in
            let end = index == months.count - 1 ? count : min(count, Int((Double(count) * monthWeights[index] / total).rounded()))
            defer { start = end }
            return (months[index], start..<max(start, end))
        }
    }

    /// The complaint with index `index`, received in `month`, and its events, oldest first.
    public func history(_ index: Int, in month: CSTMonth) throws -> (Complaint, [ComplaintEvent]) {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let day = month.firstDay.adding(days: random.below(month.firstDay.days(until: month.lastDay) + 1))
        let received = instant(day, &random)
        let filing = try filing(receivedOn: day, &random, index: index)
        let online = filing.channel == .online
        let sme = Actor(account: AccountID("sme-" + filing.complainant.creditCode.text), role: .sme, name: filing.complainant.name)
        let province = filing.respondent.intakeProvince
        let intake = Actor(account: AccountID("intake-" + (province?.code ?? "national")), role: .intake, province: province)
        var (complaint, first) = try lifecycle.register(
            filing, id: ComplaintID(String(format: "seed-%016llx-%08d", seed, index)), complainantAccount: online ? sme.account : nil,
            by: online ? sme : intake, at: received)
        var events = [first]
        var now = received
        /// Takes a step `days` later (at a working hour), unless that is past the horizon; false when it is.
        func step(_ command: ComplaintCommand, by actor: Actor, after days: Int, routing: RoutingTable? = nil) throws -> Bool {
            let next = instant(CSTDate(now).adding(days: days), &random)
            guard next < horizon else { return false }
            now = max(next, now.addingTimeInterval(60))
            let (updated, event) = try lifecycle.apply(command, to: complaint, by: actor, at: now, routing: routing)
            complaint = updated
            events.append(event)
            return true
        }
        func afterDeadline() -> Int { complaint.deadline?.dueOn.map { CSTDate(now).days(until: $0) + 1 + random.below(4) } ?? 1 }

        let path = random.unit()
        if path < 0.08 {
            let ground = [RejectionGround.notInScope, .otherBodyInvolved, .notSME, .repeatComplaint, .otherExclusion][random.below(5)]
            _ = try step(.reject(ground: ground, reason: "经审查，\(Self.groundText[ground] ?? "不予受理")"), by: intake, after: 1 + random.below(6))
            return (complaint, events)
        }
        if path < 0.18 {
            guard try step(.requestSupplement(items: "请补充合同原件扫描件及验收证明"), by: intake, after: 1 + random.below(4)) else { return (complaint, events) }
            if path < 0.12 {
                _ = try step(.close(note: "补正期限届满未补正"), by: intake, after: afterDeadline())
                return (complaint, events)
            }
            guard try step(.supplement(material: "已补充合同及验收单"), by: online ? sme : intake, after: 1 + random.below(8)) else {
                return (complaint, events)
            }
        }
        if online, path > 0.96 {
            _ = try step(.withdraw(reason: "双方已自行协商解决"), by: sme, after: 2 + random.below(20))
            return (complaint, events)
        }
        guard try step(.accept(note: nil), by: intake, after: 1 + random.below(7)) else { return (complaint, events) }
        let department = routing.route(filing.respondent, on: CSTDate(now))?.department.id ?? Self.provincialDepartment(province)
        guard try step(.forward(to: department, note: nil), by: intake, after: random.below(5)) else { return (complaint, events) }
        var handler = Actor(account: AccountID("handler-" + department.rawValue), role: .handler, department: department)
        if random.unit() < 0.05 {
            guard try step(.returnToIntake(reason: "该单位不属于本部门监管"), by: handler, after: 2 + random.below(10)) else { return (complaint, events) }
            let other = Self.provincialDepartment(province)
            guard try step(.forward(to: other, note: "改由工业和信息化主管部门处理"), by: intake, after: 1 + random.below(4)) else { return (complaint, events) }
            handler = Actor(account: AccountID("handler-" + other.rawValue), role: .handler, department: other)
        }
        if random.unit() < 0.8 {
            guard try step(.acknowledge(note: nil), by: handler, after: 1 + random.below(3)) else { return (complaint, events) }
        }
        // Most results come within the 30 days; about one in six runs late, and one in ten is extended first.
        if random.unit() < 0.1 {
            guard try step(.extend(days: 30, approvedBy: "处理部门负责人", reason: "需核实工程结算"), by: handler, after: 20 + random.below(8)) else {
                return (complaint, events)
            }
        }
        let handlingDays = random.unit() < 0.17 ? 31 + random.below(40) : 4 + random.below(25)
        let claimed = complaint.filing.amountClaimed.value
        let outcome = random.pick([
            (ResolutionOutcome.paidInFull, 0.52), (.partlyPaid, 0.2), (.paymentPlanAgreed, 0.16), (.claimNotSupported, 0.06),
            (.referredToCourt, 0.04),
            (.other, 0.02),
        ])
        let paid: Int64 =
            switch outcome {
            case .paidInFull: claimed
            case .partlyPaid: claimed * Int64(10 + random.below(80)) / 100
            default: 0
            }
        guard
            try step(
                .resolve(outcome: outcome, amountPaid: Fen(unchecked: paid), summary: Self.outcomeText[outcome] ?? "已办结"), by: handler,
                after: max(1, handlingDays - CSTDate(complaint.hops.last?.sentAt ?? now).days(until: CSTDate(now))))
        else { return (complaint, events) }
        if online, random.unit() < 0.7 {
            let rating = random.pick([(Satisfaction.satisfied, 0.68), (.basicallySatisfied, 0.22), (.dissatisfied, 0.1)])
            _ = try step(.rate(rating, comment: nil), by: sme, after: 1 + random.below(12))
        } else {
            _ = try step(.close(note: "评价期限届满"), by: intake, after: afterDeadline())
        }
        return (complaint, events)
    }

    /// A working-hours instant on a date: 08:30–18:00 CST.
    func instant(_ date: CSTDate, _ random: inout SplitMix64) -> Date {
        date.startInstant.addingTimeInterval(TimeInterval(8 * 3600 + 1800 + random.below(9 * 3600 + 1800)))
    }

    static func provincialDepartment(_ province: RegionCode?) -> DepartmentID {
        // Ids of letters, digits and '-' only, so this cannot fail.
        try! DepartmentID(province.map { "\($0.code.prefix(2))-GXT" } ?? "CN-MIIT")
    }

    func filing(receivedOn day: CSTDate, _ random: inout SplitMix64, index: Int) throws -> ComplaintFiling {
        let province = provinces[random.below(provinces.count)]
        let prefix = String(province.code.code.prefix(2))
        let city = cities[prefix].flatMap { $0.isEmpty ? nil : $0[random.below($0.count)] } ?? province
        let county = counties[String(city.code.code.prefix(4))].flatMap { $0.isEmpty ? nil : $0[random.below($0.count)] } ?? city
        let level = random.pick([(AdministrativeLevel.central, 0.04), (.provincial, 0.24), (.city, 0.4), (.county, 0.32)])
        let kind = random.pick([
            (RespondentKind.governmentOrgan, 0.34), (.publicInstitution, 0.24), (.largeEnterprise, 0.36), (.fiscallyFundedOrganisation, 0.06),
        ])
        let place: RegionDirectory.Region =
            switch level {
            case .central: provinces.first { $0.code.code == "110000" } ?? province
            case .provincial: province
            case .city: city
            case .county: county
            }
        let words = Self.respondentWords[kind] ?? ["单位"]
        let respondentName =
            (level == .central ? "国家" : place.name) + words[random.below(words.count)]
        let entity = kind == .governmentOrgan ? "11" : kind == .publicInstitution ? "12" : kind == .largeEnterprise ? "91" : "13"
        let respondent = Respondent(
            name: respondentName, creditCode: try CreditCode.completing(entity + place.code.code + random.code(9)), kind: kind, level: level,
            region: place.code, supervisingAuthority: kind == .publicInstitution ? (level == .central ? "国务院有关部门" : place.name + "教育局") : nil)
        // Most complainants work near the respondent.
        let home = random.unit() < 0.8 ? county : provinces[random.below(provinces.count)]
        let industry = random.pick([
            (Industry.construction, 0.34), (.industry, 0.18), (.software, 0.1), (.wholesale, 0.1), (.transport, 0.06),
            (.leasingAndBusinessServices, 0.08), (.propertyManagement, 0.05), (.catering, 0.03), (.other, 0.06),
        ])
        let complainantName =
            Self.shortName(home.name) + Self.brandWords[random.below(Self.brandWords.count)] + (Self.tradeWords[industry] ?? "商贸") + "有限公司"
        let complainant = Complainant(
            name: complainantName, creditCode: try CreditCode.completing("91" + home.code.code + random.code(9)), region: home.code,
            industry: industry, declaredSize: random.pick([(EnterpriseSize.small, 0.5), (.micro, 0.3), (.medium, 0.2)]),
            contact: Contact(
                person: Self.surnames[random.below(Self.surnames.count)] + Self.givenNames[random.below(Self.givenNames.count)],
                phone: "1" + ["38", "39", "58", "59", "86", "88"][random.below(6)] + String(format: "%08d", random.below(100_000_000)), email: nil))
        var contracts: [Contract] = []
        for number in 1...(random.unit() < 0.8 ? 1 : 2) {
            let signed = day.adding(days: -(200 + random.below(700)))
            let delivered = signed.adding(days: 30 + random.below(150))
            // Log-uniform between ¥30,000 and ¥3,000,000, in whole yuan.
            let yuan = Int64(30_000 * pow(100, random.unit()))
            let amount = yuan * 100
            let overdue = amount * Int64(20 + random.below(81)) / 100
            contracts.append(
                Contract(
                    number: String(format: "HT-%04d-%06d-%d", signed.components.year, index % 1_000_000, number),
                    subject: random.pick([(ContractSubject.works, 0.4), (.goods, 0.35), (.services, 0.25)]), signedOn: signed,
                    amount: Fen(unchecked: amount), deliveredOn: delivered, paymentTermDays: [30, 60, 90][random.below(3)],
                    amountOverdue: Fen(unchecked: overdue)))
        }
        return ComplaintFiling(
            complainant: complainant, respondent: respondent, contracts: contracts,
            facts: "我司已按合同约定完成\(contracts[0].subject == .works ? "工程施工" : contracts[0].subject == .goods ? "货物交付" : "服务")并经验收，对方至今未按约定支付款项。",
            demand: "请求督促对方支付拖欠款项及逾期利息。", otherBodyInvolved: false,
            channel: random.pick([(IntakeChannel.online, 0.86), (.phone, 0.09), (.letter, 0.04), (.fax, 0.01)]))
    }

    /// 杭州市 → 杭州, 西湖区 → 西湖: the place name a company takes.
    static func shortName(_ name: String) -> String {
        for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "特别行政区", "省", "市", "区", "县", "盟", "旗"]
        where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    static let respondentWords: [RespondentKind: [String]] = [
        .governmentOrgan: ["住房和城乡建设局", "交通运输局", "教育局", "卫生健康委员会", "水利局", "城市管理局", "农业农村局"],
        .publicInstitution: ["人民医院", "第一中学", "职业技术学院", "疾病预防控制中心", "图书馆", "中心小学"],
        .largeEnterprise: ["城市建设投资集团有限公司", "交通投资集团有限公司", "水务集团有限公司", "能源集团有限公司", "国有资本运营有限公司"],
        .fiscallyFundedOrganisation: ["红十字会", "工商业联合会", "科学技术协会"],
    ]
    static let brandWords = ["恒信", "华泰", "瑞丰", "鼎盛", "宏远", "金辉", "安达", "永安", "新锐", "顺和", "博远", "康泰", "嘉禾", "明德", "正通"]
    static let tradeWords: [Industry: String] = [
        .construction: "建设工程", .industry: "机械制造", .software: "信息技术", .wholesale: "商贸", .transport: "物流",
        .leasingAndBusinessServices: "企业服务", .propertyManagement: "物业管理", .catering: "餐饮管理", .other: "实业",
    ]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"]
    static let givenNames = ["芳", "伟", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "晓燕"]
    static let groundText: [RejectionGround: String] = [
        .notInScope: "该事项不属于本平台受理范围", .otherBodyInvolved: "该纠纷已进入诉讼程序", .notSME: "投诉人不符合中小企业划型标准",
        .repeatComplaint: "同一事项已有处理结果", .otherExclusion: "投诉材料不符合受理条件",
    ]
    static let outcomeText: [ResolutionOutcome: String] = [
        .paidInFull: "经督促，被投诉单位已全额支付拖欠款项", .partlyPaid: "被投诉单位已支付部分款项，余款约定分期支付",
        .paymentPlanAgreed: "双方已签订还款协议", .claimNotSupported: "经核实，合同约定的付款条件尚未成就", .referredToCourt: "双方同意通过诉讼解决",
        .other: "已协调处理",
    ]
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, well-known generator whose output depends only on its seed, which
/// is what reproducible seeding needs; no cryptographic use.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in 0..<bound.
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// One of the choices, by weight.
    mutating func pick<T>(_ choices: [(T, Double)]) -> T {
        var point = unit() * choices.reduce(0) { $0 + $1.1 }
        for (choice, weight) in choices {
            point -= weight
            if point < 0 { return choice }
        }
        return choices[choices.count - 1].0
    }

    /// Characters of the credit-code alphabet (no I, O, S, V, Z).
    mutating func code(_ count: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        return String((0..<count).map { _ in alphabet[below(alphabet.count)] })
    }
}
