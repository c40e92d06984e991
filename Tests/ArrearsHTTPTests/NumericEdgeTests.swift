import ArrearsAPI
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Whatever the API accepts it can read back and decide: each numeric field at the edges of its limits is filed, read
/// back and accepted; what would pass a limit only in sum is refused at the write.
@Suite("Numbers at their limits")
struct NumericEdgeTests {
    static let ceiling = Fen.ceiling

    static func contract(_ number: String, amount: Int64, overdue: Int64, term: Int = 30) -> [String: Any] {
        [
            "number": number, "subject": "works", "signedOn": "2025-03-18", "amount": amount, "deliveredOn": "2025-09-30",
            "paymentTermDays": term, "amountOverdue": overdue,
        ]
    }

    /// Filings at an edge of an accepted range, and the claim each must read back with.
    static let accepted: [(name: String, change: @Sendable (inout [String: Any]) -> Void, claimed: Int64)] = [
        ("one fen overdue", { set(&$0, ["contracts"], [contract("HZ-1", amount: 1, overdue: 1)]) }, 1),
        ("one contract at the ceiling", { set(&$0, ["contracts"], [contract("HZ-1", amount: ceiling, overdue: ceiling)]) }, ceiling),
        (
            "two contracts adding up to the ceiling exactly",
            {
                set(
                    &$0, ["contracts"],
                    [contract("HZ-1", amount: ceiling, overdue: ceiling / 2), contract("HZ-2", amount: ceiling, overdue: ceiling / 2)])
            }, ceiling
        ),
        (
            "a hundred contracts, the most a complaint names",
            { set(&$0, ["contracts"], (1...100).map { contract("HZ-\($0)", amount: 1_000_000, overdue: 1_000_000) }) }, 100_000_000
        ),
        (
            "payment terms of 0 and 3650 days",
            {
                set(
                    &$0, ["contracts"], [contract("HZ-1", amount: 100, overdue: 50, term: 0), contract("HZ-2", amount: 100, overdue: 50, term: 3650)])
            }, 100
        ),
        (
            "size measures at their bounds",
            {
                set(&$0, ["complainant", "sizeInputs"], ["employees": 10_000_000, "annualRevenue": 1_000_000_000_000_000_000, "totalAssets": 0])
            }, 45_600_000
        ),
    ]

    @Test("An accepted filing reads back and can be decided", arguments: 0..<accepted.count)
    func readsBackAndDecides(_ index: Int) async throws {
        let (name, change, claimed) = Self.accepted[index]
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON(change))
            #expect(filed.status == .created, "\(name): \(String(buffer: filed.body))")
            let id = try complaint(filed).id
            let read = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("intake"))
            #expect(read.status == .ok, "\(name): \(String(buffer: read.body))")
            #expect(try complaint(read).amountClaimed == claimed, "\(name)")
            let accepted = try await act(client, harness, "intake", id, "accept", version: 1)
            #expect(accepted.status == .ok, "\(name): \(String(buffer: accepted.body))")
        }
    }

    @Test("Contracts each within the ceiling but over it together are refused at the write, naming the rule, and nothing is stored")
    func sumOverTheCeiling() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let over = filingJSON {
                set(
                    &$0, ["contracts"],
                    [Self.contract("HZ-1", amount: Self.ceiling, overdue: Self.ceiling), Self.contract("HZ-2", amount: Self.ceiling, overdue: 1)])
            }
            let refused = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: over)
            #expect(refused.status == .unprocessableContent)
            #expect(try problem(refused).rules == ["money.claim-too-large"])
        }
        #expect(try harness.rowCounts() == [0, 0])
    }
}
