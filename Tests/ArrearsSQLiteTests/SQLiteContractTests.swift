import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// A fresh database file per test, in a folder removed afterwards.
func temporaryStore() throws -> SQLiteComplaintStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try SQLiteComplaintStore.open(path: folder.appendingPathComponent("arrears.sqlite").path)
}

@Suite("SQLite passes the store contract")
struct SQLiteContractTests {
    let contract = ComplaintStoreContract(
        makeStore: { try temporaryStore() },
        expect: { condition, message in
            #expect(condition, Comment(rawValue: message))
        })

    @Test("A complaint and its first event are stored together and numbered per year")
    func registration() async throws { try await contract.registrationStoresComplaintAndEvent() }

    @Test("A retried registration with the same Idempotency-Key creates nothing new")
    func idempotency() async throws { try await contract.idempotentRegistration() }

    @Test("A decision on a stale version is refused and writes nothing")
    func staleVersion() async throws { try await contract.staleVersionConflicts() }

    @Test("Twenty concurrent decisions on one version: one winner, nineteen conflicts")
    func concurrentDecisions() async throws { try await contract.concurrentDecisionsHaveOneWinner() }

    @Test("A refused decision leaves complaint and history unchanged")
    func refused() async throws { try await contract.refusedDecisionWritesNothing() }

    @Test("Every read is limited to the actor's scope")
    func scope() async throws { try await contract.scopeLimitsEveryRead() }

    @Test("Queue filters and cursor pages give each complaint once, oldest first")
    func queue() async throws { try await contract.queueFiltersAndPages() }

    @Test("Monthly statistics match a hand count across two months and a CST midnight")
    func statistics() async throws { try await contract.monthlyStatisticsCountedByHand() }

    @Test("A second complaint on the same contract between the same parties is flagged")
    func related() async throws { try await contract.relatedComplaintsAreFlagged() }

    @Test("Routing tables and holiday tables are stored as versions")
    func reference() async throws { try await contract.referenceDataIsVersioned() }

    @Test("Evidence records follow scope and the complaint's allowance, with their event")
    func evidence() async throws { try await contract.evidenceRecordsFollowScopeAndAllowance() }

    @Test("The security log is numbered, filtered by subject, and chained")
    func securityLog() async throws { try await contract.securityLogIsChained() }

    @Test("Thirty-four complaints over three months around Mid-Autumn and National Day: every figure as counted by hand")
    func threeMonths() async throws { try await contract.threeMonthsCountedByHand() }
}
