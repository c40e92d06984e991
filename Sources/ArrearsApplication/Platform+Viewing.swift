import ArrearsCore
import ArrearsStore
import Foundation

extension Platform {
    /// One complaint with its history, as the caller may see it.
    public func view(_ id: ComplaintID, by caller: Caller) async throws -> ComplaintView {
        let account = try caller.signedIn()
        guard let (complaint, events) = try await store.history(of: id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        return try await view(complaint, events: events, for: account.actor)
    }

    func view(_ complaint: Complaint, events: [ComplaintEvent], for actor: Actor) async throws -> ComplaintView {
        // Most complaints name no other; those that do name one or two, each looked up within the reader's scope.
        var hidden: Set<String> = []
        for number in complaint.referencedNumbers(in: events) where try await store.complaint(ComplaintID(number), visibleTo: actor) == nil {
            hidden.insert(number)
        }
        return ComplaintView(
            complaint.withholding(hidden), events: events.map { $0.withholding(hidden) }, today: today,
            calendar: try await store.workingDayCalendar(), for: actor)
    }

    /// A page of the complaints the caller may see that `query` selects — `overdue`: past a running clock today (CST);
    /// `text`: a search (`SearchTerms`) of numbers, names, credit codes and contract numbers.
    public func queue(_ query: QueueQuery, overdue: Bool = false, text: String? = nil, by caller: Caller) async throws -> QueuePage {
        let account = try caller.signedIn()
        var query = query
        var violations: [FieldViolation] = []
        if !(1...QueueQuery.maximumLimit).contains(query.limit) {
            violations.append(FieldViolation(field: "limit", rule: "limit.range", facts: ["limit": "\(QueueQuery.maximumLimit)"]))
        }
        if let text {
            query.text = SearchTerms.query(text)
            if query.text == nil {
                violations.append(FieldViolation(field: "q", rule: "search.too-short", facts: ["shortest": "\(SearchTerms.shortestQuery)"]))
            }
        }
        if let from = query.amountFrom, let to = query.amountTo, from > to {
            violations.append(FieldViolation(field: "amountTo", rule: "range.reversed", facts: ["from": .money(from), "to": .money(to)]))
        }
        if let from = query.receivedFrom, let to = query.receivedTo, from > to {
            violations.append(FieldViolation(field: "receivedTo", rule: "range.reversed", facts: ["from": .date(from), "to": .date(to)]))
        }
        guard violations.isEmpty else { throw Refusal.invalid(violations) }
        query.overdueOn = overdue ? today : nil
        return try await store.queue(query, visibleTo: account.actor)
    }

    /// The complainant's contact in full; each reading is logged before it is answered.
    public func contact(of id: ComplaintID, by caller: Caller) async throws -> Contact {
        let account = try caller.holding(.readComplaints, "read-complaints")
        guard let complaint = try await store.complaint(id, visibleTo: account.actor) else { throw Refusal.complaintNotFound }
        try await store.record(SecurityLogEntry(at: clock.now(), actor: caller.auditor, action: .contactRead, subject: complaint.number))
        return complaint.filing.complainant.contact
    }
}
