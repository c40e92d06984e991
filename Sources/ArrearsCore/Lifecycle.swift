import Foundation

/// The complaint lifecycle as one pure state machine: a command, an actor and a time in; the new
/// state and the event it produces out. It reads no clock and writes nothing.
public struct Lifecycle: Sendable {
    /// One row of the transition table: which command leads from which states, and who may take it.
    public struct Transition: Sendable {
        public let command: String
        public let from: Set<ComplaintState>
        public let to: ComplaintState
        public let roles: Set<Role>
        public let event: ComplaintEventKind
    }

    /// The whole table (README "Complaint lifecycle" is checked against it).
    public static let transitions: [Transition] = [
        Transition(command: "request-supplement", from: [.submitted], to: .needsSupplement, roles: [.intake], event: .supplementRequested),
        Transition(command: "supplement", from: [.needsSupplement], to: .submitted, roles: [.sme, .intake], event: .supplemented),
        Transition(command: "accept", from: [.submitted], to: .accepted, roles: [.intake], event: .accepted),
        Transition(command: "reject", from: [.submitted], to: .rejected, roles: [.intake], event: .rejected),
        Transition(command: "forward", from: [.accepted], to: .forwarded, roles: [.intake], event: .forwarded),
        Transition(command: "return", from: [.forwarded], to: .accepted, roles: [.handler], event: .returned),
        Transition(command: "resolve", from: [.forwarded], to: .resolved, roles: [.handler], event: .resolved),
        Transition(command: "rate", from: [.resolved], to: .closed, roles: [.sme], event: .rated),
        Transition(command: "close", from: [.resolved], to: .closed, roles: [.intake, .supervisor], event: .closed),
        Transition(command: "close", from: [.needsSupplement], to: .closed, roles: [.intake, .supervisor], event: .lapsed),
        Transition(
            command: "withdraw", from: [.submitted, .needsSupplement, .accepted, .forwarded], to: .withdrawn, roles: [.sme], event: .withdrawn),
        Transition(command: "reopen", from: [.closed], to: .accepted, roles: [.supervisor], event: .reopened),
    ]

    /// Longest free text a decision may carry.
    public static let textLimit = 5_000

    public let policy: DeadlinePolicy
    public let calendar: WorkingDayCalendar

    public init(policy: DeadlinePolicy, calendar: WorkingDayCalendar) {
        self.policy = policy
        self.calendar = calendar
    }

    /// Registers a filing as a new complaint. SMEs file for themselves; intake officers register
    /// phone, fax and letter complaints on an SME's behalf.
    public func register(
        _ filing: ComplaintFiling, id: ComplaintID, complainantAccount: AccountID?, by actor: Actor, at now: Date
    ) throws(TransitionError) -> (Complaint, ComplaintEvent) {
        switch actor.role {
        case .sme:
            guard complainantAccount == actor.account else { throw .outOfScope }
        case .intake:
            guard filing.channel != .online else {
                throw .invalidInput(
                    FieldViolation(
                        field: "channel", rule: "channel.online-is-self-service",
                        detail: "officials register phone, fax and letter complaints; online ones are filed by the SME"))
            }
            if let province = actor.province, filing.respondent.intakeProvince != province {
                throw .invalidInput(
                    FieldViolation(field: "respondent.region", rule: "scope.province", detail: "this complaint belongs to another intake department"))
            }
        default:
            throw .roleNotPermitted(command: "register", role: actor.role)
        }
        if let violation = filing.violations(today: CSTDate(now)).first { throw .invalidInput(violation) }
        let deadline = policy.deadline(.review, from: CSTDate(now), on: calendar)
        let complaint = Complaint(
            id: id, number: "", filing: filing, complainantAccount: complainantAccount, registeredBy: actor.account,
            receivedAt: now, state: .submitted, version: 1, updatedAt: now, deadline: deadline)
        let event = ComplaintEvent(
            complaintID: id, sequence: 1, kind: .submitted, from: nil, to: .submitted, actor: actor.account, actorName: actor.name,
            role: actor.role, at: now,
            detail: EventDetail(amountClaimed: filing.amountClaimed, deadline: deadline))
        return (complaint, event)
    }

    /// Applies a command to a complaint; refuses with a typed error, never traps.
    public func apply(
        _ command: ComplaintCommand, to complaint: Complaint, by actor: Actor, at now: Date
    ) throws(TransitionError) -> (Complaint, ComplaintEvent) {
        guard Self.inScope(complaint, actor) else { throw .outOfScope }
        let candidates = Self.transitions.filter { $0.command == command.name }
        guard candidates.contains(where: { $0.roles.contains(actor.role) }) else {
            throw .roleNotPermitted(command: command.name, role: actor.role)
        }
        guard let transition = candidates.first(where: { $0.from.contains(complaint.state) && $0.roles.contains(actor.role) }) else {
            throw .illegalInState(command: command.name, state: complaint.state)
        }
        let today = CSTDate(now)
        var next = complaint
        var detail = EventDetail()
        next.state = transition.to
        next.version += 1
        next.updatedAt = now

        switch command {
        case let .requestSupplement(items):
            detail.text = try Self.required(items, "items")
            next.deadline = policy.deadline(.supplement, from: today, on: calendar)
        case let .supplement(material):
            detail.text = try Self.required(material, "material")
            next.deadline = policy.deadline(.review, from: today, on: calendar)
        case let .accept(note):
            detail.text = try Self.optional(note, "note")
            next.deadline = policy.deadline(.forward, from: today, on: calendar)
        case let .reject(ground, reason):
            let reason = try Self.required(reason, "reason")
            detail.ground = ground
            detail.text = reason
            next.rejection = Rejection(ground: ground, reason: reason)
            next.deadline = nil
        case let .forward(department, note):
            detail.department = department
            detail.text = try Self.optional(note, "note")
            next.handlingDepartment = department
            next.deadline = policy.deadline(.handling, from: today, on: calendar)
        case let .returnToIntake(reason):
            detail.text = try Self.required(reason, "reason")
            detail.department = complaint.handlingDepartment
            next.handlingDepartment = nil
            // Re-routing is a new forward: its clock runs from the return.
            next.deadline = policy.deadline(.forward, from: today, on: calendar)
        case let .resolve(outcome, amountPaid, summary):
            let summary = try Self.required(summary, "summary")
            let claimed = complaint.filing.amountClaimed
            guard amountPaid <= claimed else {
                throw .invalidInput(
                    FieldViolation(
                        field: "amountPaid", rule: "money.paid-exceeds-claim", detail: "paid \(amountPaid) is more than the \(claimed) claimed"))
            }
            if outcome == .paidInFull, amountPaid != claimed {
                throw .invalidInput(
                    FieldViolation(
                        field: "amountPaid", rule: "money.paid-in-full-mismatch", detail: "paid in full means \(claimed); got \(amountPaid)"))
            }
            detail.outcome = outcome
            detail.amountPaid = amountPaid
            detail.text = summary
            next.resolution = Resolution(outcome: outcome, amountPaid: amountPaid, summary: summary, resolvedOn: today)
            next.deadline = policy.deadline(.rating, from: today, on: calendar)
        case let .rate(satisfaction, comment):
            detail.rating = satisfaction
            detail.text = try Self.optional(comment, "comment")
            next.rating = satisfaction
            next.closure = .rated
            next.deadline = nil
        case let .close(note):
            detail.text = try Self.optional(note, "note")
            guard let deadline = complaint.deadline, let due = deadline.dueOn, today > due else {
                let what = complaint.state == .resolved ? "rating period" : "supplement period"
                let until = complaint.deadline?.dueOn.map { " (it runs until \($0))" } ?? ""
                throw .notYet(rule: "close.period-running", detail: "the \(what) has not run out\(until)")
            }
            next.closure = complaint.state == .resolved ? .ratingPeriodEnded : .lapsed
            next.deadline = nil
        case let .withdraw(reason):
            detail.text = try Self.required(reason, "reason")
            next.deadline = nil
        case let .reopen(reason):
            detail.text = try Self.required(reason, "reason")
            guard complaint.rating == .dissatisfied else {
                throw .notYet(rule: "reopen.requires-dissatisfied", detail: "only a complaint rated dissatisfied can be reopened")
            }
            next.rating = nil
            next.closure = nil
            next.resolution = nil
            next.handlingDepartment = nil
            next.deadline = policy.deadline(.forward, from: today, on: calendar)
        }
        detail.deadline = next.deadline
        let event = ComplaintEvent(
            complaintID: complaint.id, sequence: next.version, kind: transition.event, from: complaint.state, to: next.state,
            actor: actor.account, actorName: actor.name, role: actor.role, at: now, detail: detail)
        return (next, event)
    }

    /// Whether the actor's role and scope cover the complaint at all (the store filters by the same rule).
    public static func inScope(_ complaint: Complaint, _ actor: Actor) -> Bool {
        switch actor.role {
        case .sme:
            complaint.complainantAccount == actor.account
        case .intake, .supervisor:
            actor.province == nil || complaint.intakeProvince == actor.province
        case .handler:
            actor.department != nil && complaint.handlingDepartment == actor.department
        case .admin:
            false
        }
    }

    static func required(_ text: String, _ field: String) throws(TransitionError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw .invalidInput(FieldViolation(field: field, rule: "text.required", detail: "must not be empty"))
        }
        guard text.count <= textLimit else {
            throw .invalidInput(FieldViolation(field: field, rule: "text.too-long", detail: "at most \(textLimit) characters"))
        }
        return trimmed
    }

    static func optional(_ text: String?, _ field: String) throws(TransitionError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try required(text, field)
    }
}
