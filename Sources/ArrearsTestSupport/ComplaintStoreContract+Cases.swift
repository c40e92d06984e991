import Foundation

extension ComplaintStoreContract {
    /// Every behaviour of the contract, so each engine's test target runs them all as one parameterised test and a case
    /// added here reaches every engine.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case registration = "A complaint and its first event are stored together and numbered per year"
        case idempotency = "A retried registration with the same Idempotency-Key creates nothing new"
        case concurrentRetries = "Twelve simultaneous retries with one Idempotency-Key create one complaint"
        case concurrentFilings = "Twenty simultaneous filings get twenty numbers with no gap"
        case history = "A complaint and its history are read together, by id or number, within scope"
        case staleVersion = "A decision on a stale version is refused and writes nothing"
        case concurrentDecisions = "Twenty concurrent decisions on one version: one winner, nineteen conflicts"
        case refused = "A refused decision leaves complaint and history unchanged"
        case scope = "Every read is limited to the actor's scope"
        case queue = "Queue filters and cursor pages give each complaint once, oldest first"
        case statistics = "Monthly statistics match a hand count across two months and a CST midnight"
        case related = "A second complaint on the same contract between the same parties is flagged"
        case reference = "Routing tables and holiday tables are stored as versions"
        case evidence = "Evidence records follow scope and the complaint's allowance, with their event"
        case constraint = "A value the database's own rules refuse is a refusal that writes nothing, not a server error"
        case securityLog = "The security log is numbered, filtered by subject, and chained"
        case outbox = "Notifications are written with their events, claimed once, retried, given up and retried by an admin"
        case accounts = "Accounts are made once, one SME per credit code even in a race; sessions end when revoked or expired"
        case publications = "A month is published once per scope and reads back byte for byte"
        case exports = "Export rows come page by page in registration order, within scope and dates"
        case imports = "Imported histories are numbered, chained and counted, and a rerun adds nothing"
        case drafts = "Drafts are kept per account, replaced in place, listed most recent first and deleted once"
        case search = "Search by part of a name, a code's beginning, numbers, amounts and dates, within scope and never across fields"
        case handling = "Notices, a 督办书, payments by payment date, a plan, a request for information and a review: every figure as counted by hand"
        case threeMonths = "Thirty-four complaints over three months around Mid-Autumn and National Day: every figure as counted by hand"

        public var description: String { rawValue }
    }

    /// Runs one behaviour against a fresh store.
    public func run(_ behaviour: Case) async throws {
        switch behaviour {
        case .registration: try await registrationStoresComplaintAndEvent()
        case .idempotency: try await idempotentRegistration()
        case .concurrentRetries: try await concurrentRetriesCreateOneComplaint()
        case .concurrentFilings: try await concurrentFilingsGetDistinctNumbers()
        case .history: try await historyReadsComplaintAndEventsTogether()
        case .staleVersion: try await staleVersionConflicts()
        case .concurrentDecisions: try await concurrentDecisionsHaveOneWinner()
        case .refused: try await refusedDecisionWritesNothing()
        case .scope: try await scopeLimitsEveryRead()
        case .queue: try await queueFiltersAndPages()
        case .statistics: try await monthlyStatisticsCountedByHand()
        case .related: try await relatedComplaintsAreFlagged()
        case .reference: try await referenceDataIsVersioned()
        case .evidence: try await evidenceRecordsFollowScopeAndAllowance()
        case .constraint: try await databaseRulesRefuseWithoutWriting()
        case .securityLog: try await securityLogIsChained()
        case .outbox: try await outboxFollowsEventsAndDeliveries()
        case .accounts: try await accountsAndSessions()
        case .publications: try await publicationsAreFrozen()
        case .exports: try await exportRowsPageWithinScope()
        case .imports: try await importsAreIdempotent()
        case .threeMonths: try await threeMonthsCountedByHand()
        case .handling: try await handlingCountedByHand()
        case .search: try await searchFindsWithinScope()
        case .drafts: try await draftsBelongToTheirAccount()
        }
    }
}
