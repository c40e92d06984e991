import Foundation

/// The complaint lifecycle as one pure state machine: a command, an actor and a time in; the new
/// state and the event it produces out. It reads no clock and writes nothing.
public struct Lifecycle: Sendable {
    /// One row of the transition table: which command leads from which states, and who may take it.
    public struct Transition: Sendable {
        public let command: String
        public let from: Set<ComplaintState>
        /// Nil for a command that records an event and leaves the state as it is.
        public let to: ComplaintState?
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
        Transition(command: "acknowledge", from: [.forwarded], to: nil, roles: [.handler], event: .acknowledged),
        Transition(command: "extend", from: [.forwarded], to: nil, roles: [.handler, .supervisor], event: .extended),
        Transition(command: "escalate", from: [.forwarded], to: nil, roles: [.intake, .handler, .supervisor], event: .escalated),
        Transition(
            command: "note", from: [.submitted, .needsSupplement, .accepted, .forwarded, .resolved], to: nil, roles: [.intake, .supervisor],
            event: .noted),
        // A handling department sees a complaint only while it holds it.
        Transition(command: "note", from: [.forwarded, .resolved], to: nil, roles: [.handler], event: .noted),
        Transition(command: "notify-respondent", from: [.forwarded], to: nil, roles: [.handler], event: .respondentNotified),
        Transition(command: "record-feedback", from: [.forwarded], to: nil, roles: [.handler], event: .feedbackReceived),
        Transition(command: "request-information", from: [.forwarded], to: nil, roles: [.handler], event: .informationRequested),
        Transition(command: "answer-information", from: [.forwarded], to: nil, roles: [.sme, .intake], event: .informationAnswered),
        Transition(command: "record-payment", from: [.forwarded], to: nil, roles: [.handler], event: .paymentRecorded),
        Transition(command: "payment-plan", from: [.forwarded], to: nil, roles: [.handler], event: .paymentPlanAgreed),
        Transition(command: "request-review", from: [.closed], to: nil, roles: [.sme], event: .reviewRequested),
        Transition(command: "decline-review", from: [.closed], to: nil, roles: [.supervisor], event: .reviewDeclined),
        Transition(command: "mark-duplicate", from: [.submitted, .needsSupplement, .accepted], to: nil, roles: [.intake], event: .markedDuplicate),
        Transition(
            command: "attach-evidence", from: [.submitted, .needsSupplement, .accepted, .forwarded, .resolved], to: nil, roles: [.sme, .intake],
            event: .evidenceAttached),
    ]

    /// Longest free text a decision may carry.
    public static let textLimit = 5_000

    public let rules: RuleBook
    public let calendar: WorkingDayCalendar
    public let sizes: SizeStandard

    public init(rules: RuleBook, calendar: WorkingDayCalendar, sizes: SizeStandard) {
        self.rules = rules
        self.calendar = calendar
        self.sizes = sizes
    }

    /// Registers a filing as a new complaint. SMEs file for themselves; intake officers register
    /// phone, fax and letter complaints on an SME's behalf.
    public func register(
        _ submitted: ComplaintFiling, id: ComplaintID, complainantAccount: AccountID?, by actor: Actor, at now: Date
    ) throws(TransitionError) -> (Complaint, ComplaintEvent) {
        guard Permission.file.isHeld(by: actor) else { throw .roleNotPermitted(command: "register", role: actor.role) }
        switch actor.role {
        case .sme:
            guard complainantAccount == actor.account else { throw .outOfScope }
            guard submitted.channel == .online else {
                throw .invalidInput(
                    FieldViolation(
                        field: "channel", rule: "channel.officials-register"))
            }
        case .intake:
            guard submitted.channel != .online else {
                throw .invalidInput(
                    FieldViolation(
                        field: "channel", rule: "channel.online-is-self-service"))
            }
            if let province = actor.province, submitted.respondent.intakeProvince != province {
                throw .invalidInput(
                    FieldViolation(field: "respondent.region", rule: "scope.province"))
            }
        default:
            break
        }
        let filing: ComplaintFiling
        do { filing = try submitted.checked(today: CSTDate(now)) } catch { throw .invalidInput(error.violations[0]) }
        let ruleSet = rules.ruleSet(receivedOn: CSTDate(now))
        let deadline = rules.deadline(.review, under: ruleSet, from: CSTDate(now), on: calendar)
        let complaint = Complaint(
            id: id, number: "", filing: filing, complainantAccount: complainantAccount, registeredBy: actor.account,
            receivedAt: now, state: .submitted, version: 1, updatedAt: now, deadline: deadline, ruleSet: ruleSet.id,
            findings: Eligibility.findings(filing, sizes: sizes))
        let event = ComplaintEvent(
            complaintID: id, sequence: 1, kind: .submitted, from: nil, to: .submitted, actor: actor.account, actorName: actor.name,
            role: actor.role, at: now,
            detail: EventDetail(amountClaimed: filing.amountClaimed, deadline: deadline))
        return (complaint, event)
    }

    /// Applies a command to a complaint; refuses with a typed error, never traps. A forward without a department follows
    /// `routing`; one to another department needs an override reason.
    public func apply(
        _ command: ComplaintCommand, to complaint: Complaint, by actor: Actor, at now: Date, routing: RoutingTable? = nil
    ) throws(TransitionError) -> (Complaint, ComplaintEvent) {
        let transition = try Self.transition(command.name, on: complaint, by: actor)
        let today = CSTDate(now)
        var next = complaint
        var detail = EventDetail()
        next.state = transition.to ?? complaint.state
        next.version += 1
        let ruleSet = rules.ruleSet(of: complaint)
        func clock(_ stage: DeadlineStage, from start: CSTDate = today, extendedBy days: Int = 0) -> Deadline {
            rules.deadline(stage, under: ruleSet, from: start, extendedBy: days, on: calendar)
        }
        next.updatedAt = now

        switch command {
        case let .requestSupplement(items):
            detail.text = try Self.required(items, "items")
            next.deadline = clock(.supplement)
        case let .supplement(material):
            detail.text = try Self.required(material, "material")
            next.deadline = clock(.review)
        case let .accept(note):
            detail.text = try Self.optional(note, "note")
            next.deadline = clock(.forward)
        case let .reject(ground, reason):
            let reason = try Self.required(reason, "reason")
            detail.ground = ground
            detail.text = reason
            next.rejection = Rejection(ground: ground, reason: reason)
            next.deadline = nil
        case let .forward(requested, overrideReason, note):
            detail.text = try Self.optional(note, "note")
            let (department, rule, reason) = try Self.destination(of: complaint, requested: requested, overrideReason: overrideReason, routing, today)
            detail.department = department
            detail.rule = rule
            detail.overrideReason = reason
            next.handlingDepartment = department
            // The respondent is notified afresh on each forward.
            next.respondentNotice = nil
            next.hops.append(Hop(number: complaint.hops.count + 1, department: department, sentAt: now, routedBy: rule, overrideReason: reason))
            next.deadline = clock(.handling)
        case let .acknowledge(note):
            detail.text = try Self.optional(note, "note")
            guard let hop = complaint.currentHop, hop.state == .sent else {
                throw .notYet(rule: "acknowledge.already-acknowledged")
            }
            detail.department = hop.department
            next.hops[next.hops.count - 1].acknowledgedAt = now
        case let .extend(days, approvedBy, reason):
            detail.text = try Self.required(reason, "reason")
            do { detail.approvedBy = try TextPolicy.line(ComplaintFiling.textLimits.name).checked(approvedBy, field: "approvedBy") } catch {
                throw .invalidInput(error)
            }
            guard let hop = complaint.currentHop else { throw .illegalInState(command: command.name, state: complaint.state) }
            // 期限届满前: an extension lengthens a running period; once its last day has passed there is nothing to extend.
            if let deadline = complaint.deadline, deadline.stage == .handling, let due = deadline.dueOn, today > due {
                throw .tooLate(
                    rule: "extension.after-due-date",
                    facts: ["due": .date(due)])
            }
            // Checked before any sum, so an absurd number is a refusal, not an overflow.
            guard (1...365).contains(days) else {
                throw .invalidInput(FieldViolation(field: "days", rule: "extension.days-range", facts: ["days": "\(days)"]))
            }
            let rule = ruleSet.rule(.handling)
            let limit = rule.maximum ?? rule.length
            let total = rule.length + hop.extensionDays + days
            guard total <= limit else {
                throw .invalidInput(
                    FieldViolation(
                        field: "days", rule: "handling.extension-beyond-limit",
                        facts: [
                            "limit": "\(limit)", "basis": .text(rule.basis), "length": "\(rule.length)", "extended": "\(hop.extensionDays)",
                            "days": "\(days)", "total": "\(total)",
                        ]))
            }
            detail.days = days
            detail.department = hop.department
            next.hops[next.hops.count - 1].extensionDays += days
            next.deadline = clock(.handling, from: CSTDate(hop.sentAt), extendedBy: hop.extensionDays + days)
        case let .escalate(step, text, document):
            guard step.roles.contains(actor.role) else { throw .roleNotPermitted(command: "escalate", role: actor.role) }
            detail.text = try Self.required(text, "text")
            detail.escalation = step
            detail.department = complaint.handlingDepartment
            if let document {
                // Numbered from the record as it is now: a concurrent notice took this number first.
                guard step == .supervisionNotice, document.number == IssuedDocument.nextSupervisionNoticeNumber(of: complaint) else {
                    throw .notYet(rule: "document.number-taken", facts: ["number": .text(document.number)])
                }
                detail.documentNumber = document.number
                detail.evidence = document.file
            }
            // A 督办书 names a new reply date: the respondent's feedback clock starts again from it.
            if step == .supervisionNotice, complaint.respondentNotice?.feedback == nil {
                let reply = replyClock(for: complaint, at: now)
                detail.waiting = reply
                next.start(reply)
            }
            next.escalations.append(
                Escalation(step: step, at: now, hop: complaint.currentHop?.number, documentNumber: detail.documentNumber))
        case let .notifyRespondent(method, note):
            detail.text = try Self.optional(note, "note")
            guard let hop = complaint.currentHop else { throw .illegalInState(command: command.name, state: complaint.state) }
            if let notice = complaint.respondentNotice, notice.hop == hop.number {
                throw .notYet(rule: "respondent.already-notified", facts: ["servedOn": .date(CSTDate(notice.servedAt))])
            }
            detail.serviceMethod = method
            detail.department = hop.department
            next.respondentNotice = RespondentNotice(hop: hop.number, servedAt: now, method: method)
            let reply = replyClock(for: complaint, at: now)
            detail.waiting = reply
            next.start(reply)
        case let .recordFeedback(text):
            detail.text = try Self.required(text, "text")
            guard let hop = complaint.currentHop, let notice = complaint.respondentNotice, notice.hop == hop.number else {
                throw .notYet(rule: "respondent.not-notified")
            }
            if let received = notice.feedbackAt {
                throw .notYet(rule: "respondent.feedback-recorded", facts: ["receivedOn": .date(CSTDate(received))])
            }
            detail.department = hop.department
            next.respondentNotice?.feedback = detail.text
            next.respondentNotice?.feedbackAt = now
            next.stop(.feedback)
        case let .requestInformation(question, workingDays):
            detail.text = try Self.required(question, "question")
            if let open = complaint.informationRequests.last, open.answeredAt == nil {
                throw .notYet(rule: "information.request-open", facts: ["number": "\(open.number)"])
            }
            let rule = ruleSet.rule(.information)
            let days = workingDays ?? rule.length
            let limit = rule.maximum ?? rule.length
            guard (1...limit).contains(days) else {
                throw .invalidInput(
                    FieldViolation(field: "workingDays", rule: "information.days-range", facts: ["days": "\(days)", "limit": "\(limit)"]))
            }
            let answerBy = clock(.information, extendedBy: days - rule.length)
            detail.days = days
            detail.department = complaint.handlingDepartment
            detail.waiting = answerBy
            next.informationRequests.append(
                InformationRequest(number: complaint.informationRequests.count + 1, askedAt: now, question: detail.text ?? question))
            next.start(answerBy)
        case let .answerInformation(answer):
            detail.text = try Self.required(answer, "answer")
            guard let open = complaint.informationRequests.last, open.answeredAt == nil else {
                throw .notYet(rule: "information.none-open")
            }
            next.informationRequests[next.informationRequests.count - 1].answer = detail.text
            next.informationRequests[next.informationRequests.count - 1].answeredAt = now
            next.stop(.information)
        case let .requestReview(facts):
            detail.text = try Self.required(facts, "facts")
            guard let rating = complaint.rating, rating.isPoor else { throw .notYet(rule: "review.requires-poor-rating") }
            if let earlier = complaint.reviewRequest {
                throw .notYet(rule: "review.already-requested", facts: ["requestedOn": .date(CSTDate(earlier.requestedAt))])
            }
            let decideBy = clock(.reviewRequest)
            detail.waiting = decideBy
            next.reviewRequest = ReviewRequest(requestedAt: now, facts: detail.text ?? facts)
            next.start(decideBy)
        case let .declineReview(reason):
            detail.text = try Self.required(reason, "reason")
            guard let request = complaint.reviewRequest, request.decidedAt == nil else { throw .notYet(rule: "review.none-waiting") }
            next.reviewRequest?.declinedReason = detail.text
            next.reviewRequest?.decidedAt = now
            next.stop(.reviewRequest)
        case let .note(text, visibleToComplainant):
            detail.text = try Self.required(text, "text")
            detail.visibleToComplainant = visibleToComplainant
        case let .markDuplicate(other, note):
            detail.text = try Self.optional(note, "note")
            let other = other.trimmingCharacters(in: .whitespaces)
            guard !other.isEmpty, other != complaint.number, other != complaint.id.rawValue else {
                throw .invalidInput(FieldViolation(field: "of", rule: "duplicate.of-itself"))
            }
            if let earlier = complaint.duplicateOf {
                throw .notYet(rule: "duplicate.already-linked", facts: ["earlier": "\(earlier)"])
            }
            detail.related = other
            next.duplicateOf = other
        case let .attachEvidence(evidence):
            guard evidence.complaintID == complaint.id else {
                throw .invalidInput(
                    FieldViolation(field: "complaintId", rule: "evidence.other-complaint"))
            }
            detail.evidence = evidence
        case let .returnToIntake(reason):
            detail.text = try Self.required(reason, "reason")
            detail.department = complaint.handlingDepartment
            next.handlingDepartment = nil
            if !next.hops.isEmpty {
                next.hops[next.hops.count - 1].returnedAt = now
                next.hops[next.hops.count - 1].returnReason = detail.text
            }
            // Re-routing is a new forward: its clock runs from the return.
            next.deadline = clock(.forward)
        case let .resolve(outcome, given, summary):
            let summary = try Self.required(summary, "summary")
            let claimed = complaint.filing.amountClaimed
            let recorded = complaint.amountRecorded
            // Payments recorded one by one are the amount paid; a different figure would be a second truth.
            if let given, !complaint.payments.isEmpty, given != recorded {
                throw .invalidInput(
                    FieldViolation(
                        field: "amountPaid", rule: "money.paid-differs-from-recorded",
                        facts: ["amountPaid": .money(given), "recorded": .money(recorded), "count": "\(complaint.payments.count)"]))
            }
            let amountPaid = given ?? recorded
            guard amountPaid <= claimed else {
                throw .invalidInput(
                    FieldViolation(
                        field: "amountPaid", rule: "money.paid-exceeds-claim", facts: ["amountPaid": .money(amountPaid), "claimed": .money(claimed)]))
            }
            if outcome == .paidInFull, amountPaid != claimed {
                throw .invalidInput(
                    FieldViolation(
                        field: "amountPaid", rule: "money.paid-in-full-mismatch",
                        facts: ["claimed": .money(claimed), "amountPaid": .money(amountPaid)]))
            }
            detail.outcome = outcome
            detail.amountPaid = amountPaid
            detail.text = summary
            next.resolution = Resolution(outcome: outcome, amountPaid: amountPaid, summary: summary, resolvedOn: today)
            next.deadline = clock(.rating)
        case let .recordPayment(contractNumber, amount, paidOn, note):
            detail.text = try Self.optional(note, "note")
            let contracts = complaint.filing.contracts
            let chosen = contractNumber.map { number in contracts.first { $0.number == number } } ?? (contracts.count == 1 ? contracts.first : nil)
            guard let contract = chosen else {
                let rule = contractNumber == nil ? "payment.contract-required" : "payment.unknown-contract"
                throw .invalidInput(
                    FieldViolation(
                        field: "contract", rule: rule,
                        facts: [
                            "contract": .text(contractNumber ?? ""),
                            "contracts": .list(contracts.map { Message("recorded.text", ["text": .text($0.number)]) }, .and),
                        ]))
            }
            guard amount.value > 0 else { throw .invalidInput(FieldViolation(field: "amount", rule: "money.positive")) }
            guard paidOn <= today else {
                throw .invalidInput(FieldViolation(field: "paidOn", rule: "payment.in-future", facts: ["today": .date(today)]))
            }
            guard paidOn >= contract.signedOn else {
                throw .invalidInput(FieldViolation(field: "paidOn", rule: "payment.before-contract", facts: ["signedOn": .date(contract.signedOn)]))
            }
            let balance = complaint.balance(of: contract)
            guard amount <= balance else {
                throw .invalidInput(
                    FieldViolation(
                        field: "amount", rule: "payment.exceeds-balance",
                        facts: ["amount": .money(amount), "balance": .money(balance), "contract": .text(contract.number)]))
            }
            let payment = Payment(
                number: complaint.payments.count + 1, contractNumber: contract.number, amount: amount, paidOn: paidOn, recordedAt: now,
                note: detail.text)
            next.payments.append(payment)
            detail.payment = payment
            detail.amountPaid = amount
            detail.department = complaint.handlingDepartment
            if let plan = complaint.paymentPlan {
                let before = plan.standing(payments: complaint.payments, today: today).filter { $0.state == .paidLate }.count
                let after = plan.standing(payments: next.payments, today: today).filter { $0.state == .paidLate }.count
                if after > before { detail.instalmentsPaidLate = after - before }
            }
        case let .agreePaymentPlan(planned, note):
            detail.text = try Self.optional(note, "note")
            guard (1...PaymentPlan.instalmentLimit).contains(planned.count) else {
                throw .invalidInput(
                    FieldViolation(field: "instalments", rule: "plan.instalment-count", facts: ["limit": "\(PaymentPlan.instalmentLimit)"]))
            }
            var previous = today.adding(days: -1)
            for (index, instalment) in planned.enumerated() {
                let field = "instalments[\(index)]"
                guard instalment.amount.value > 0 else { throw .invalidInput(FieldViolation(field: field + ".amount", rule: "money.positive")) }
                guard instalment.dueOn > previous else {
                    throw .invalidInput(
                        FieldViolation(field: field + ".dueOn", rule: "plan.dates-in-order", facts: ["after": .date(max(previous, today))]))
                }
                previous = instalment.dueOn
            }
            let plan = PaymentPlan(
                agreedOn: today,
                instalments: planned.enumerated().map { Instalment(number: $0.offset + 1, dueOn: $0.element.dueOn, amount: $0.element.amount) })
            let outstanding = Fen(unchecked: complaint.filing.amountClaimed.value - complaint.amountRecorded.value)
            guard plan.total <= outstanding else {
                throw .invalidInput(
                    FieldViolation(
                        field: "instalments", rule: "plan.exceeds-balance", facts: ["total": .money(plan.total), "outstanding": .money(outstanding)]))
            }
            next.paymentPlan = plan
            detail.plan = plan
            detail.department = complaint.handlingDepartment
        case let .rate(satisfaction, comment):
            detail.rating = satisfaction
            detail.text = try Self.optional(comment, "comment")
            next.rating = satisfaction
            next.closure = .rated
            next.deadline = nil
        case let .close(note):
            detail.text = try Self.optional(note, "note")
            guard let deadline = complaint.deadline, let due = deadline.dueOn, today > due else {
                let period = complaint.state == .resolved ? "stage.rating" : "stage.supplement"
                throw .notYet(
                    rule: "close.period-running",
                    facts: ["period": .message(Message(period)), "until": complaint.deadline?.dueOn.map { .date($0) } ?? "—"])
            }
            next.closure = complaint.state == .resolved ? .ratingPeriodEnded : .lapsed
            next.deadline = nil
        case let .withdraw(reason):
            detail.text = try Self.required(reason, "reason")
            next.deadline = nil
        case let .reopen(reason):
            detail.text = try Self.required(reason, "reason")
            guard complaint.rating?.isPoor == true else {
                throw .notYet(rule: "reopen.requires-dissatisfied")
            }
            // Reopening accepts a waiting request for review; a new result may be rated and reviewed again.
            next.reviewRequest = nil
            next.rating = nil
            next.closure = nil
            next.resolution = nil
            next.handlingDepartment = nil
            next.deadline = clock(.forward)
        }
        // Feedback and information wait on a department that holds the complaint; a review request on a closed one.
        if next.state != .forwarded { next.stop(.feedback, .information) }
        if next.state != .closed { next.stop(.reviewRequest) }
        detail.deadline = next.deadline
        let event = ComplaintEvent(
            complaintID: complaint.id, sequence: next.version, kind: transition.event, from: complaint.state, to: next.state,
            actor: actor.account, actorName: actor.name, role: actor.role, at: now, detail: detail)
        return (next, event)
    }

    /// The complaint with its provisional clocks counted again on this lifecycle's calendar, now that more of it is loaded:
    /// the same stage, start and length (extensions included), a definite date where the table reaches it. Nil when no
    /// clock was provisional. No one decides this; `actor` is who loaded the table.
    public func recount(_ complaint: Complaint, by actor: Actor, at now: Date) -> (Complaint, ComplaintEvent)? {
        guard complaint.clocks.contains(where: \.provisional) else { return nil }
        let ruleSet = rules.ruleSet(of: complaint)
        func counted(_ deadline: Deadline) -> Deadline {
            guard deadline.provisional else { return deadline }
            // The recorded length holds any extension and the operator's configured length; only the dates are counted again.
            let extra = deadline.length - ruleSet.rule(deadline.stage).length
            return rules.deadline(deadline.stage, under: ruleSet, from: deadline.startedOn, extendedBy: extra, on: calendar)
        }
        var next = complaint
        next.deadline = complaint.deadline.map(counted)
        next.waiting = complaint.waiting.map(counted)
        next.version += 1
        next.updatedAt = now
        var detail = EventDetail()
        detail.deadline = next.deadline
        detail.waiting = next.waiting.first { complaint.waiting(for: $0.stage)?.provisional == true }
        let event = ComplaintEvent(
            complaintID: complaint.id, sequence: next.version, kind: .deadlineRecounted, from: complaint.state, to: complaint.state,
            actor: actor.account, actorName: actor.name, role: actor.role, at: now, detail: detail)
        return (next, event)
    }

    /// The respondent's reply clock that a notice, or a 督办书 naming a new reply date, starts today.
    public func replyClock(for complaint: Complaint, at now: Date) -> Deadline {
        rules.deadline(.feedback, under: rules.ruleSet(of: complaint), from: CSTDate(now), on: calendar)
    }

    /// Where a forward goes: the routing rule's department, or the one the officer names with a reason to override it.
    static func destination(
        of complaint: Complaint, requested: DepartmentID?, overrideReason: String?, _ routing: RoutingTable?, _ today: CSTDate
    ) throws(TransitionError) -> (DepartmentID, rule: String?, overrideReason: String?) {
        let decision = routing?.route(complaint.filing.respondent, on: today)
        guard let department = requested ?? decision?.department.id else {
            throw .invalidInput(
                FieldViolation(
                    field: "department", rule: "routing.no-rule"))
        }
        if let routing, routing.department(department) == nil {
            throw .invalidInput(
                FieldViolation(
                    field: "department", rule: "department.unknown", facts: ["department": "\(department.rawValue)"]))
        }
        if let decision, decision.department.id == department { return (department, decision.rule.id, nil) }
        guard routing != nil else { return (department, nil, nil) }
        guard let reason = try optional(overrideReason, "overrideReason") else {
            let routed =
                decision.map { Message("routing.routed", ["rule": .text($0.rule.id), "department": .text($0.department.id.rawValue)]) }
                ?? Message("routing.none")
            throw .invalidInput(
                FieldViolation(
                    field: "overrideReason", rule: "forward.override-needs-reason",
                    facts: ["routed": .message(routed), "department": .text(department.rawValue)]))
        }
        return (department, nil, reason)
    }

    /// The row of the table a command takes for this actor in the complaint's state, or why there is none; lets a caller
    /// refuse before doing costly work (an upload) that `apply` would refuse afterwards.
    public static func transition(_ command: String, on complaint: Complaint, by actor: Actor) throws(TransitionError) -> Transition {
        guard inScope(complaint, actor) else { throw .outOfScope }
        guard permits(command, actor.role) else { throw .roleNotPermitted(command: command, role: actor.role) }
        let candidates = transitions.filter { $0.command == command }
        guard let transition = candidates.first(where: { $0.from.contains(complaint.state) && $0.roles.contains(actor.role) }) else {
            throw .illegalInState(command: command, state: complaint.state)
        }
        return transition
    }

    /// Whether a role may ever take a command, in some state.
    public static func permits(_ command: String, _ role: Role) -> Bool {
        transitions.contains { $0.command == command && $0.roles.contains(role) }
    }

    /// Whether the actor's role and scope cover the complaint at all (`ComplaintScope`, which the stores filter by too).
    public static func inScope(_ complaint: Complaint, _ actor: Actor) -> Bool {
        ComplaintScope(actor).covers(complaint)
    }

    /// A decision's required free text as `apply` checks it, for an edge that must check it before costly work.
    public static func checkedText(_ text: String, _ field: String) throws(TransitionError) -> String { try required(text, field) }

    static func required(_ text: String, _ field: String) throws(TransitionError) -> String {
        do { return try TextPolicy.paragraph(textLimit).checked(text, field: field) } catch { throw .invalidInput(error) }
    }

    static func optional(_ text: String?, _ field: String) throws(TransitionError) -> String? {
        do { return try TextPolicy.paragraph(textLimit).optional(text, field: field) } catch { throw .invalidInput(error) }
    }
}
