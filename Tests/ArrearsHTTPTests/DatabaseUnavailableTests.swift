import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation
import Testing

@testable import ArrearsHTTP

@Suite("A database that cannot be reached for a moment")
struct DatabaseUnavailableTests {
    @Test("Is answered 503 with Retry-After: 1, in Chinese first, saying a filing retried with the same key is not filed twice")
    func answered() throws {
        let problem = try #require(ProblemMapping.problem(for: StoreError.unavailable))
        #expect(problem.status.code == 503)
        #expect(problem.type == "https://arrears.dev/problems/database-unavailable")
        #expect(problem.headers["Retry-After"] == "1")
        let chinese = try #require(try JSONSerialization.jsonObject(with: problem.body(requestID: "r-1", language: .chinese)) as? [String: Any])
        #expect(chinese["title"] as? String == "数据库暂时不可用")
        #expect((chinese["detail"] as? String)?.contains("幂等键") == true, "\(chinese)")
        let english = try #require(try JSONSerialization.jsonObject(with: problem.body(requestID: "r-1", language: .english)) as? [String: Any])
        #expect((english["detail"] as? String)?.contains("Idempotency-Key") == true, "\(english)")
    }
}
