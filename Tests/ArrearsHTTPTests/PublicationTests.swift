import ArrearsAPI
import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Publishing a month's statistics")
struct PublicationTests {
    func statistics(_ client: some TestClientProtocol, _ harness: HTTPHarness, _ month: String) async throws
        -> Components.Schemas.MonthlyStatistics
    {
        try decoded(
            Components.Schemas.MonthlyStatistics.self,
            try await client.execute(uri: "/v1/statistics/monthly?month=\(month)", method: .get, headers: harness.headers("intake")))
    }

    @Test("October published on 2 November stays as published after a phone complaint of October is imported; the drift is shown apart")
    func frozen() async throws {
        let harness = try await HTTPHarness.make()
        // Two complaints filed in October (CST): one at 23:59 on the 31st, one on the 15th.
        for iso in ["2026-10-31T15:59:00Z", "2026-10-15T02:00:00Z"] {
            let (complaint, event) = Fixtures.registered(at: iso)
            _ = try await harness.store.register(complaint, event: event, idempotency: nil)
        }
        try await harness.application().test(.router) { client in
            func publish(_ account: String, _ month: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/statistics/publications", method: .post, headers: harness.headers(account),
                    body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["month": month])))
            }
            let november = try await publish("intake", "2026-11")
            #expect(november.status == .unprocessableContent && String(buffer: november.body).contains("statistics.month-not-ended"))
            #expect(try await publish("sme", "2026-10").status == .forbidden)
            let published = try await publish("intake", "2026-10")
            #expect(published.status == .created)
            let checksum = try decoded(Components.Schemas.MonthlyStatistics.self, published).publication?.checksum ?? ""
            #expect(checksum.count == 64)
            #expect(try await publish("supervisor", "2026-10").status == .conflict, "Zhejiang's October is published once")

            // History arrives late: a letter complaint received on 20 October is imported now.
            let (late, lateEvent) = Fixtures.registered(Fixtures.filing(channel: .letter), by: Fixtures.zhejiangIntake, at: "2026-10-20T02:00:00Z")
            #expect(try await harness.store.importHistories([(late, [lateEvent])]) == 1)

            let october = try await statistics(client, harness, "2026-10")
            #expect(october.monthly.registered == 2, "the published figure stands")
            #expect(october.publication?.checksum == checksum && october.publication?.intact == true)
            #expect(october.publication?.publishedAt == Fixtures.instant("2026-11-02T01:30:00Z"))
            let drift = (october.drift ?? []).map { "\($0.figure) \($0.published)→\($0.current)" }
            #expect(drift.contains("monthly.registered 2→3") && drift.contains("cumulative.registered 2→3"), "\(drift)")
            #expect(drift.contains("monthly.amountClaimed 91200000→136800000"), "\(drift)")

            let log = try decoded(
                Operations.GetSecurityLog.Output.Ok.Body.JsonPayload.self,
                try await client.execute(uri: "/v1/audit/log", method: .get, headers: harness.headers("admin")))
            #expect(log.items.contains { $0.action == .statistics_published })
        }
        // Someone edits the stored publication behind the server's back: the answer says so.
        let queue = try DatabaseQueue(path: harness.path)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER statistics_publications_are_not_updated")
            try db.execute(sql: "UPDATE statistics_publications SET body = replace(body, '\"registered\":2', '\"registered\":20')")
        }
        try await harness.application().test(.router) { client in
            let october = try await statistics(client, harness, "2026-10")
            #expect(october.publication?.intact == false)
        }
    }

    @Test("A month published before the five rating levels and the handling figures reads back as published, checksum intact")
    func publishedBeforeFiveLevels() async throws {
        let harness = try await HTTPHarness.make()
        let (complaint, event) = Fixtures.registered(at: "2026-10-15T02:00:00Z")
        _ = try await harness.store.register(complaint, event: event, idempotency: nil)
        try await harness.application().test(.router) { client in
            // The live answer for October, made into the shape a publication of last month had.
            let live = try await client.execute(uri: "/v1/statistics/monthly?month=2026-10", method: .get, headers: harness.headers("intake"))
            var document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: live.body)) as? [String: Any])
            document["publication"] = nil
            for period in ["monthly", "cumulative"] {
                var figures = try #require(document[period] as? [String: Any])
                for key in [
                    "respondentsNotified", "feedbackReceived", "supervisionNotices", "informationRequested", "reviewsRequested", "reviewsDeclined",
                    "amountRecovered", "paymentPlans", "instalmentsPaidLate",
                ] {
                    figures[key] = nil
                }
                var ratings = try #require(figures["ratings"] as? [String: Any])
                (ratings["very_satisfied"], ratings["very_dissatisfied"]) = (nil, nil)
                figures["ratings"] = ratings
                document[period] = figures
            }
            let body = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
            try await harness.store.publish(
                StatisticsPublication(
                    month: try CSTMonth("2026-10"), scope: Fixtures.zhejiangIntake.province, publishedAt: Fixtures.instant("2026-11-02T02:00:00Z"),
                    publishedBy: "浙江省中小企业服务中心", body: body),
                by: Auditor(id: "intake-zj", role: .intake, requestID: nil))
            let read = try await statistics(client, harness, "2026-10")
            #expect(read.publication?.intact == true && read.monthly.registered == 1)
            #expect(read.monthly.ratings.veryDissatisfied == nil && read.monthly.ratings.satisfied == 0)
            #expect(read.monthly.supervisionNotices == nil, "a figure not counted then is absent, not a made-up zero")
        }
    }
}
