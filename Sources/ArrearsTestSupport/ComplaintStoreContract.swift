import ArrearsCore
import ArrearsStore
import Foundation

/// The behaviour every `ComplaintStore` engine must show, written once; each engine's test target
/// runs these against a fresh database of its own and reports failures through `expect`.
public struct ComplaintStoreContract {
    /// Everything the contract exercises: every store protocol a server uses, and bulk imports.
    public typealias Store = any ArrearsStorage & HistoryImportStore

    /// Where an expectation was written, so a failure is reported at the contract's failing line, not at the adapter.
    public struct Location: Sendable {
        public let fileID: String
        public let filePath: String
        public let line: Int
        public let column: Int
    }

    /// Reports a failed expectation: the engine's test target passes Swift Testing's `#expect` through this, with
    /// `sourceLocation` made from the location.
    public typealias Expect = (_ condition: Bool, _ message: String, _ location: Location) -> Void

    let makeStore: () async throws -> Store
    let report: Expect

    public init(makeStore: @escaping () async throws -> Store, expect: @escaping Expect) {
        self.makeStore = makeStore
        self.report = expect
    }

    func expect(
        _ condition: Bool, _ message: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        report(condition, message, Location(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A complaint and its first event are stored together and numbered per year.
    public func registrationStoresComplaintAndEvent() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let stored = try await store.register(complaint, event: event, idempotency: nil).complaint
        expect(stored.number == "ARR-2026-000001", "first complaint of 2026 is ARR-2026-000001, got \(stored.number)")
        let (second, secondEvent) = Fixtures.registered(at: "2026-11-02T02:00:00Z")
        let next = try await store.register(second, event: secondEvent, idempotency: nil).complaint
        expect(next.number == "ARR-2026-000002", "numbers run on, got \(next.number)")
        let read = try await store.complaint(complaint.id, visibleTo: Fixtures.sme)
        expect(read?.filing == complaint.filing, "the filing reads back unchanged")
        let byNumber = try await store.complaint(ComplaintID("ARR-2026-000001"), visibleTo: Fixtures.sme)
        expect(byNumber?.id == complaint.id, "a complaint is found by its number too")
        let events = try await store.events(of: complaint.id, visibleTo: Fixtures.sme)
        expect(events == [event], "the registration event is the whole history")
    }

    /// A retry with the same key returns the first complaint; the same key with another body is refused.
    public func idempotentRegistration() async throws {
        let store = try await makeStore()
        let claim = IdempotencyClaim(account: Fixtures.sme.account, key: "filing-2026-11-02", fingerprint: "abc")
        let (first, firstEvent) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let created = try await store.register(first, event: firstEvent, idempotency: claim)
        let (retry, retryEvent) = Fixtures.registered(at: "2026-11-02T01:30:05Z")
        let replayed = try await store.register(retry, event: retryEvent, idempotency: claim)
        expect(replayed == .replayed(created.complaint), "the retry returns the first complaint, got \(replayed)")
        let page = try await store.queue(QueueQuery(), visibleTo: Fixtures.sme)
        expect(page.items.count == 1, "the retry created nothing, queue holds \(page.items.count)")
        let looked = try await store.registration(claimedBy: claim)
        expect(looked == created.complaint, "the key's complaint is found before anything is written, got \(String(describing: looked))")
        let unseen = IdempotencyClaim(account: Fixtures.sme.account, key: "filing-2026-11-03", fingerprint: "abc")
        expect(try await store.registration(claimedBy: unseen) == nil, "a key never used finds nothing")
        let different = IdempotencyClaim(account: Fixtures.sme.account, key: "filing-2026-11-02", fingerprint: "other")
        do {
            _ = try await store.register(retry, event: retryEvent, idempotency: different)
            expect(false, "a reused key with another body must be refused")
        } catch let error as StoreError {
            expect(error == .idempotencyKeyReused, "refused as a reused key, got \(error)")
        }
    }

    /// Two decisions on the same version: the first wins, the second gets a version conflict and writes nothing.
    public func staleVersionConflicts() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        let lifecycle = Fixtures.lifecycle
        let now = Fixtures.instant("2026-11-03T02:00:00Z")
        let accepted = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
            try lifecycle.apply(.accept(note: nil), to: current, by: Fixtures.zhejiangIntake, at: now)
        }
        expect(accepted.version == 2 && accepted.state == .accepted, "the first decision wins")
        do {
            _ = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
                try lifecycle.apply(.reject(ground: .notSME, reason: "规模不符"), to: current, by: Fixtures.zhejiangIntake, at: now)
            }
            expect(false, "a decision on version 1 after version 2 must be refused")
        } catch let error as StoreError {
            expect(error == .versionConflict(current: 2), "refused with the current version, got \(error)")
        }
        let events = try await store.events(of: complaint.id, visibleTo: Fixtures.zhejiangIntake) ?? []
        expect(events.map(\.kind) == [.submitted, .accepted], "no event from the losing decision, got \(events.map(\.kind))")
    }

    /// A complaint's page reads the complaint and its history together, by id or by number, within scope.
    public func historyReadsComplaintAndEventsTogether() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let number = try await store.register(complaint, event: event, idempotency: nil).complaint.number
        let now = Fixtures.instant("2026-11-03T02:00:00Z")
        _ = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
            try Fixtures.lifecycle.apply(.accept(note: nil), to: current, by: Fixtures.zhejiangIntake, at: now)
        }
        let byID = try await store.history(of: complaint.id, visibleTo: Fixtures.sme)
        expect(
            byID?.complaint.version == 2 && byID?.complaint.state == .accepted,
            "the complaint as accepted, got \(String(describing: byID?.complaint.state))")
        expect(byID?.events.map(\.kind) == [.submitted, .accepted], "both events, oldest first, got \(String(describing: byID?.events.map(\.kind)))")
        expect(byID?.events.map(\.sequence) == [1, 2], "sequences 1 and 2")
        let byNumber = try await store.history(of: ComplaintID(number), visibleTo: Fixtures.zhejiangIntake)
        expect(byNumber?.complaint.id == complaint.id && byNumber?.events.count == 2, "found by its number \(number)")
        expect(try await store.history(of: complaint.id, visibleTo: Fixtures.otherSME) == nil, "another SME does not find it")
        expect(try await store.history(of: complaint.id, visibleTo: Fixtures.guangdongIntake) == nil, "another province does not find it")
        // The queue's line is read from stored columns and the deadline alone; it must say what the whole complaint says.
        let line = try await store.queue(QueueQuery(), visibleTo: Fixtures.zhejiangIntake).items.first
        guard let whole = byID?.complaint else { return }
        expect(whole.deadline?.dueOn != nil, "an accepted complaint has a running deadline")
        expect(line == ComplaintSummary(whole), "the queue line agrees with the complaint: \(String(describing: line)) vs \(ComplaintSummary(whole))")
    }

    /// Many officials deciding on the same version at the same moment: exactly one wins, every other
    /// gets a version conflict, and the history holds exactly one decision.
    public func concurrentDecisionsHaveOneWinner() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        let lifecycle = Fixtures.lifecycle
        let now = Fixtures.instant("2026-11-03T02:00:00Z")
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let command: ComplaintCommand = index.isMultiple(of: 2) ? .accept(note: "第\(index)位") : .requestSupplement(items: "第\(index)位")
                    do {
                        _ = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
                            try lifecycle.apply(command, to: current, by: Fixtures.zhejiangIntake, at: now)
                        }
                        return true
                    } catch StoreError.versionConflict(current: 2) {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        expect(outcomes.filter { $0 }.count == 1, "exactly one winner, got \(outcomes.filter { $0 }.count)")
        let events = try await store.events(of: complaint.id, visibleTo: Fixtures.zhejiangIntake) ?? []
        expect(events.count == 2, "one registration and one decision, got \(events.map(\.kind))")
    }

    /// A refused decision leaves the complaint and its history as they were.
    public func refusedDecisionWritesNothing() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        let lifecycle = Fixtures.lifecycle
        let now = Fixtures.instant("2026-11-03T02:00:00Z")
        do {
            _ = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
                try lifecycle.apply(.forward(to: try DepartmentID("ZJ-EDU"), note: nil), to: current, by: Fixtures.zhejiangIntake, at: now)
            }
            expect(false, "forwarding before acceptance must be refused")
        } catch let error as TransitionError {
            expect(error == .illegalInState(command: "forward", state: .submitted), "refused as illegal in state, got \(error)")
        }
        let after = try await store.complaint(complaint.id, visibleTo: Fixtures.zhejiangIntake)
        expect(after?.version == 1 && after?.state == .submitted, "the complaint is unchanged")
        let events = try await store.events(of: complaint.id, visibleTo: Fixtures.zhejiangIntake) ?? []
        expect(events.count == 1, "the history is unchanged")
    }

    /// Lists and lookups hold only what the actor's scope covers.
    public func scopeLimitsEveryRead() async throws {
        let store = try await makeStore()
        let (zhejiang, zhejiangEvent) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(zhejiang, event: zhejiangEvent, idempotency: nil)
        let guangdongFiling = Fixtures.filing(complainantCode: "91110108551385082Q", respondentRegion: "440300", level: .city)
        let (guangdong, guangdongEvent) = Fixtures.registered(guangdongFiling, by: Fixtures.otherSME, at: "2026-11-02T01:40:00Z")
        _ = try await store.register(guangdong, event: guangdongEvent, idempotency: nil)

        func ids(_ actor: Actor) async throws -> [ComplaintID] { try await store.queue(QueueQuery(), visibleTo: actor).items.map(\.id) }
        expect(try await ids(Fixtures.sme) == [zhejiang.id], "an SME sees only its own")
        expect(try await ids(Fixtures.otherSME) == [guangdong.id], "the other SME sees only its own")
        expect(try await ids(Fixtures.zhejiangIntake) == [zhejiang.id], "Zhejiang intake sees Zhejiang's")
        expect(try await ids(Fixtures.guangdongIntake) == [guangdong.id], "Guangdong intake sees Guangdong's (Shenzhen respondent)")
        expect(try await ids(Fixtures.nationalIntake) == [zhejiang.id, guangdong.id], "national intake sees all, oldest first")
        expect(try await ids(Fixtures.educationHandler).isEmpty, "a handler sees nothing not forwarded to it")
        expect(try await ids(Fixtures.admin).isEmpty, "an admin takes no case decisions and sees no cases")
        let foreign = try await store.complaint(guangdong.id, visibleTo: Fixtures.zhejiangIntake)
        expect(foreign == nil, "another province's complaint is not found")
        let foreignEvents = try await store.events(of: guangdong.id, visibleTo: Fixtures.sme)
        expect(foreignEvents == nil, "another SME's history is not found")
    }

    /// Queue filters and cursor pages: every complaint once, oldest first.
    public func queueFiltersAndPages() async throws {
        let store = try await makeStore()
        var ids: [ComplaintID] = []
        for minute in 0..<7 {
            let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:3\(minute):00Z")
            ids.append(complaint.id)
            _ = try await store.register(complaint, event: event, idempotency: nil)
        }
        let lifecycle = Fixtures.lifecycle
        let now = Fixtures.instant("2026-11-03T02:00:00Z")
        for id in ids.prefix(2) {
            _ = try await store.transition(id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: 1) { current in
                try lifecycle.apply(.accept(note: nil), to: current, by: Fixtures.zhejiangIntake, at: now)
            }
        }
        var seen: [ComplaintID] = []
        var cursor: QueueCursor?
        repeat {
            let page = try await store.queue(QueueQuery(after: cursor, limit: 3), visibleTo: Fixtures.zhejiangIntake)
            expect(page.items.count <= 3, "a page holds at most the limit")
            seen += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        expect(seen == ids, "pages give every complaint once, oldest first")
        let accepted = try await store.queue(QueueQuery(states: [.accepted]), visibleTo: Fixtures.zhejiangIntake)
        expect(accepted.items.map(\.id) == Array(ids.prefix(2)), "the state filter keeps the accepted ones")
        let submittedInZhejiang = try await store.queue(
            QueueQuery(states: [.submitted], province: Fixtures.region("330000")), visibleTo: Fixtures.nationalIntake)
        expect(submittedInZhejiang.items.count == 5, "state and province combine")
        // Registered Monday 2026-11-02: the review is due on Monday 2026-11-16; on the 17th the five still submitted are overdue.
        let overdue = try await store.queue(QueueQuery(overdueOn: Fixtures.date("2026-11-17")), visibleTo: Fixtures.zhejiangIntake)
        expect(overdue.items.count == 5, "the five unreviewed are overdue on 2026-11-17, got \(overdue.items.count)")
        let notYet = try await store.queue(QueueQuery(overdueOn: Fixtures.date("2026-11-16")), visibleTo: Fixtures.zhejiangIntake)
        expect(notYet.items.isEmpty, "on the due day itself nothing is overdue")
    }
}
