import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The pages anyone may read without signing in: the calculator, the size self-test and the published statistics.
@Suite("The portal's public pages")
struct PortalPublicPagesTests {
    @Test("The calculator, no sign-in: 10 working days from 2026-09-24 end 2026-10-15 with the holidays named; ¥456,000 is ¥88,464.00 by 2026-11-22")
    func calculator() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let due = String(buffer: try await get(client, "/calculator?from=2026-09-24&length=10&unit=working_days").body)
            #expect(due.contains("截止日期：2026年10月15日") && due.contains("国庆节") && due.contains("调休"))
            let interest = String(
                buffer: try await get(
                    client, "/calculator?kind=public_institution&signedOn=2025-03-18&deliveredOn=2025-09-30&term=30&amount=456000&asOf=2026-11-22"
                ).body)
            #expect(interest.contains("截至2026年11月22日逾期利息：¥88,464.00") && interest.contains("逾期388日"))
            let bad = try await get(client, "/calculator?from=2026-13-01&length=0")
            let badHTML = String(buffer: bad.body)
            #expect(badHTML.contains(##"<a href="#from">"##) && badHTML.contains(##"<a href="#length">"##) && badHTML.contains(#"<title>错误："#))
        }
    }

    @Test("The size self-test, no sign-in: software with 120 people and 999.99万元 revenue is small, each comparison shown")
    func sizeTest() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let blank = String(buffer: try await get(client, "/size-test").body)
            #expect(blank.contains("中小企业规模类型自测") && blank.contains(#"<option value="software">软件和信息技术服务业</option>"#))
            let small = String(buffer: try await get(client, "/size-test?industry=software&employees=120&revenue=999.999999&assets=").body)
            #expect(small.contains("revenue-error"), "万元 with more than two decimals is refused beside the field")
            let page = String(buffer: try await get(client, "/size-test?industry=software&employees=120&revenue=999.99&assets=").body)
            #expect(page.contains("属于中小企业：小型企业"), "\(page)")
            #expect(page.contains("从业人员X=120人＜300人") && page.contains("营业收入Y=999.99万元＜10000万元"))
            #expect(page.contains("营业收入Y=999.99万元≥50万元"))
            // The API answers the same without a token.
            let api = try await client.execute(
                uri: "/v1/size-test", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"industry":"software","employees":120,"annualRevenue":999990000}"#))
            #expect(api.status == .ok && String(buffer: api.body).contains(#""size":"small""#))
            let large = String(buffer: try await get(client, "/size-test?industry=construction&employees=900&revenue=90000&assets=90000").body)
            #expect(large.contains("不属于中小企业：大型企业"))
            let missing = try await get(client, "/size-test?industry=construction&employees=10&revenue=&assets=")
            let missingHTML = String(buffer: missing.body)
            #expect(missingHTML.contains(##"<a href="#revenue">"##) && missingHTML.contains(#"<title>错误："#), "the measure the row needs is asked for")
        }
    }

    @Test("Published statistics, no sign-in: Zhejiang's October with its checksum and charts; national says none; live figures never shown")
    func statistics() async throws {
        let harness = try await HTTPHarness.make()
        for iso in ["2026-10-31T15:59:00Z", "2026-10-15T02:00:00Z"] {
            let (complaint, event) = Fixtures.registered(at: iso)
            _ = try await harness.store.register(complaint, event: event, idempotency: nil)
        }
        try await harness.application().test(.router) { client in
            let before = String(buffer: try await get(client, "/statistics?scope=330000").body)
            #expect(before.contains("浙江省尚无已发布的月份"), "nothing is shown before an official publishes")
            let published = try await client.execute(
                uri: "/v1/statistics/publications", method: .post, headers: harness.headers("intake"),
                body: ByteBuffer(string: #"{"month":"2026-10"}"#))
            #expect(published.status == .created)
            let checksum = try #require(try decoded(Components.Schemas.MonthlyStatistics.self, published).publication?.checksum)
            // A third complaint in October, after publishing: the page keeps what was published.
            let (late, lateEvent) = Fixtures.registered(at: "2026-10-20T02:00:00Z")
            _ = try await harness.store.register(late, event: lateEvent, idempotency: nil)

            let national = String(buffer: try await get(client, "/statistics").body)
            #expect(national.contains("全国尚无已发布的月份") && national.contains(#"<option value="330000">浙江省</option>"#))
            let page = try await get(client, "/statistics?scope=330000&month=2026-10")
            let html = String(buffer: page.body)
            #expect(page.status == .ok && html.contains("2026年10月统计（浙江省）"))
            #expect(html.contains(checksum) && html.contains("存储的文件与校验值一致"))
            #expect(html.contains(#"<th scope="row" data-label="项目">登记</th><td class="number" data-label="本月">2</td>"#), "published 2, not today's 3")
            #expect(html.contains("¥912,000.00"), "the amount claimed in October")
            #expect(html.contains(#"id="chart-flow""#) && html.contains(#"<rect class="bar" x="200""#) && html.contains(#"id="chart-ratings""#))
            #expect(!html.contains("style=\"") && !html.contains("<script"))
            #expect(try await get(client, "/statistics?scope=99&month=x").status == .ok, "a bad choice shows the national page")
        }
    }
}
