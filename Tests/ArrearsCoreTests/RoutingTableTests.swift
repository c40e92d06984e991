import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Routing as data: 属地管理、分级负责，谁主管谁负责")
struct RoutingTableTests {
    let table = Fixtures.routing
    let today = Fixtures.date("2026-11-22")

    static func respondent(_ kind: RespondentKind, _ level: AdministrativeLevel, _ region: String, authority: String? = nil) -> Respondent {
        Respondent(name: "示例", creditCode: nil, kind: kind, level: level, region: Fixtures.region(region), supervisingAuthority: authority)
    }

    @Test(
        "Each kind of respondent goes where the shipped table says, by the rule that decides",
        arguments: [
            (respondent(.governmentOrgan, .central, "110000"), "CN-GGJ", "central-organs"),
            (respondent(.largeEnterprise, .central, "110000", authority: "国务院国有资产监督管理委员会"), "CN-SASAC", "central-soes"),
            (respondent(.governmentOrgan, .provincial, "330000"), "ZJ-FIN", "zj-provincial-organs"),
            (respondent(.publicInstitution, .provincial, "330000", authority: "浙江省教育厅"), "ZJ-EDU", "zj-education-institutions"),
            (respondent(.publicInstitution, .city, "330100"), "HZ-JXJ", "hz-local"),
            (respondent(.governmentOrgan, .county, "330106"), "HZ-XH-JXJ", "hz-xihu-local"),
            (respondent(.largeEnterprise, .provincial, "440300"), "GD-GXT", "gd-fallback"),
            (respondent(.largeEnterprise, .provincial, "440100", authority: "广东省人民政府国有资产监督管理委员会"), "GD-SASAC", "gd-provincial-soes"),
            (respondent(.governmentOrgan, .county, "330102"), "ZJ-JXT", "zj-fallback"),
        ])
    func routes(respondent: Respondent, department: String, rule: String) throws {
        let decision = try #require(table.route(respondent, on: today))
        #expect(decision.department.id.rawValue == department)
        #expect(decision.rule.id == rule)
    }

    @Test("A respondent no rule covers has no route, and the forward must name a department")
    func noRoute() {
        #expect(table.route(Self.respondent(.governmentOrgan, .provincial, "320000"), on: today) == nil)
    }

    @Test("Rules apply between their dates only")
    func effectiveDates() throws {
        var rules = table.rules
        rules.append(
            RoutingRule(
                id: "hz-2027", priority: 60, effectiveFrom: Fixtures.date("2027-01-01"), level: .city, regionPrefix: "3301",
                department: try DepartmentID("ZJ-JXT")))
        let changed = try RoutingTable(departments: table.departments, rules: rules)
        let city = Self.respondent(.publicInstitution, .city, "330100")
        #expect(changed.route(city, on: today)?.rule.id == "hz-local")
        #expect(changed.route(city, on: Fixtures.date("2027-01-01"))?.rule.id == "hz-2027")
    }

    @Test("A table with a rule to an unknown department, or two rules that tie, is refused")
    func validation() throws {
        var rules = table.rules
        rules.append(RoutingRule(id: "ghost", priority: 1, effectiveFrom: today, department: try DepartmentID("NOWHERE")))
        #expect(throws: InvalidValue.self) { try RoutingTable(departments: table.departments, rules: rules) }
        var tie = table.rules
        var copy = tie[0]
        copy.id = "central-organs-copy"
        tie.append(copy)
        do {
            _ = try RoutingTable(departments: table.departments, rules: tie)
            Issue.record("two rules that tie were accepted")
        } catch {
            #expect(error.rule == "routing.rules-tie")
        }
    }
}
