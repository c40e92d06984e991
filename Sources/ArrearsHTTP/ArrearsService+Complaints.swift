import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func submitComplaint(_ input: Operations.SubmitComplaint.Input) async throws -> Operations.SubmitComplaint.Output {
        let account = try caller()
        let now = clock.now()
        try await limits.admitSubmission(account: account.id.rawValue, address: RequestValues.clientAddress ?? "unknown", now: now)
        guard case let .json(wire) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let filing = try FilingConversion(regions: regions).filing(wire, today: CSTDate(now))
        if account.role == .sme, let own = account.creditCode, own != filing.complainant.creditCode {
            throw FieldViolation(
                field: "complainant.creditCode", rule: "complainant.is-account",
                detail: "an SME files complaints under its own credit code (\(own))")
        }
        var claim: IdempotencyClaim?
        if let key = input.headers.idempotencyKey {
            guard (1...200).contains(key.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                throw FieldViolation(field: "Idempotency-Key", rule: "idempotency.format", detail: "1–200 visible ASCII characters")
            }
            claim = IdempotencyClaim(account: account.id, key: key, fingerprint: try Self.fingerprint(wire))
        }
        let id = ComplaintID(UUID().uuidString.lowercased())
        // Officials register phone, fax and letter complaints for an SME; the SME's own account, if it has one, owns them.
        let owner = account.role == .sme ? account.id : try await accounts.smeAccount(creditCode: filing.complainant.creditCode)
        let (complaint, event) = try lifecycle.register(filing, id: id, complainantAccount: owner, by: account.actor, at: now)
        let registration = try await store.register(complaint, event: event, idempotency: claim)
        let stored = registration.complaint
        // A new complaint's history is the one event just stored with it; a replayed one may have moved on since.
        let events: [ComplaintEvent]
        if case .created = registration { events = [event] } else { events = try await store.events(of: stored.id, visibleTo: account.actor) ?? [] }
        let body = Wire.detail(stored, events: events, today: CSTDate(now), calendar: lifecycle.calendar, for: account.actor)
        switch registration {
        case .created:
            return .created(
                .init(
                    headers: .init(eTag: VersionTag.etag(stored.version), location: "/v1/complaints/\(stored.id)"), body: .json(body)))
        case .replayed:
            return .ok(.init(headers: .init(eTag: VersionTag.etag(stored.version)), body: .json(body)))
        }
    }

    public func getComplaint(_ input: Operations.GetComplaint.Input) async throws -> Operations.GetComplaint.Output {
        let account = try caller()
        let id = ComplaintID(input.path.complaintId)
        guard let (complaint, events) = try await store.history(of: id, visibleTo: account.actor) else { throw Problem.notFound }
        return .ok(
            .init(
                headers: .init(eTag: VersionTag.etag(complaint.version)),
                body: .json(Wire.detail(complaint, events: events, today: CSTDate(clock.now()), calendar: lifecycle.calendar, for: account.actor))))
    }

    public func listComplaints(_ input: Operations.ListComplaints.Input) async throws -> Operations.ListComplaints.Output {
        let account = try caller()
        let query = input.query
        var check = ViolationCollector()
        let today = CSTDate(clock.now())
        let province = query.province.flatMap { text in check.field("province") { try RegionCode(text, in: regions) } }
        let department = query.department.flatMap { text in check.field("department") { try DepartmentID(text) } }
        let cursor = query.cursor.flatMap { text in check.field("cursor") { try QueueCursor(token: text) } }
        if let limit = query.limit, !(1...QueueQuery.maximumLimit).contains(limit) {
            check.add(FieldViolation(field: "limit", rule: "limit.range", detail: "a page holds 1–\(QueueQuery.maximumLimit) complaints"))
        }
        try check.check()
        let states = (query.state ?? []).compactMap { ComplaintState(rawValue: $0.rawValue) }
        let page = try await store.queue(
            QueueQuery(
                states: states, province: province, department: department, overdueOn: query.overdue == true ? today : nil,
                after: cursor, limit: query.limit ?? 50),
            visibleTo: account.actor)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: page.items.map { Wire.summary($0, today: today) }, nextCursor: page.nextCursor?.token))))
    }
}
