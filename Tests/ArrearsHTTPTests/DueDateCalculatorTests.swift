import ArrearsAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Anyone may count a period as the law counts it, without signing in, and read how it was counted.
@Suite("The due-date calculator")
struct DueDateCalculatorTests {
    func due(_ query: String, language: String? = nil, _ client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: "/v1/calendar/due?" + query, method: .get, headers: headers)
    }

    @Test("Ten working days from 2026-09-24, asked by no one in particular: 2026-10-15, with 国庆节 and the make-up Saturday")
    func workingDays() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let chinese = try await due("from=2026-09-24&length=10&unit=working_days", client)
            #expect(chinese.status == .ok, "no token needed")
            let answer = try decoded(Components.Schemas.DueDate.self, chinese)
            #expect(answer.dueOn == "2026-10-15" && !answer.provisional && answer.nominalDueOn == nil)
            #expect(answer.explanation?.contains("2026年10月1日至7日国庆节") == true && answer.explanation?.contains("2026年10月10日（星期六") == true)
            let english = try decoded(
                Components.Schemas.DueDate.self, try await due("from=2026-09-24&length=10&unit=working_days", language: "en", client))
            #expect(english.dueOn == answer.dueOn && english.explanation?.hasSuffix("due 2026-10-15") == true)
        }
    }

    @Test("Thirty calendar days from 2026-01-16 end on 春节 (2026-02-15) and roll to 2026-02-24; from 2026-12-24, provisional")
    func calendarDaysAndProvisional() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let rolled = try decoded(Components.Schemas.DueDate.self, try await due("from=2026-01-16&length=30&unit=calendar_days", client))
            #expect(rolled.nominalDueOn == "2026-02-15" && rolled.dueOn == "2026-02-24")
            let later = try decoded(Components.Schemas.DueDate.self, try await due("from=2026-12-24&length=10&unit=working_days", client))
            #expect(later.dueOn == "2027-01-07" && later.provisional)
        }
    }

    @Test("A start before the holiday tables, a length of 0 or a unit the law does not count in are refused, naming the rule")
    func refused() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let early = try await due("from=2003-12-24&length=10&unit=working_days", language: "en", client)
            let earlyProblem = try problem(early)
            #expect(early.status == .unprocessableContent && earlyProblem.rules == ["calendar.before-table"])
            #expect(earlyProblem.violations?.first?.detail == "the holiday tables start in 2004; a period before then cannot be counted")
            let zero = try await due("from=2026-09-24&length=0&unit=working_days", client)
            let zeroProblem = try problem(zero)
            #expect(zero.status == .badRequest && zeroProblem.rules == ["query.minimum"])
            let hours = try await due("from=2026-09-24&length=10&unit=hours", client)
            let hoursProblem = try problem(hours)
            #expect(hours.status == .badRequest && hoursProblem.rules == ["query.enum"])
        }
    }
}
