import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

/// Walks a fresh complaint (registered Monday 2026-11-02, 09:30 CST) to a state by the usual path.
func complaint(in state: ComplaintState, rating: Satisfaction = .dissatisfied) throws -> Complaint {
    let lifecycle = Fixtures.lifecycle
    var (complaint, _) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
    func step(_ command: ComplaintCommand, _ actor: Actor, _ iso: String) throws {
        complaint = try lifecycle.apply(command, to: complaint, by: actor, at: Fixtures.instant(iso)).0
    }
    let intake = Fixtures.zhejiangIntake
    switch state {
    case .submitted: break
    case .needsSupplement: try step(.requestSupplement(items: "合同复印件"), intake, "2026-11-03T02:00:00Z")
    case .rejected: try step(.reject(ground: .notSME, reason: "超过规模标准"), intake, "2026-11-03T02:00:00Z")
    case .withdrawn: try step(.withdraw(reason: "已和解"), Fixtures.sme, "2026-11-03T02:00:00Z")
    case .accepted, .forwarded, .resolved, .closed:
        try step(.accept(note: nil), intake, "2026-11-03T02:00:00Z")
        if state == .accepted { break }
        try step(.forward(to: try DepartmentID("ZJ-EDU"), note: nil), intake, "2026-11-04T02:00:00Z")
        if state == .forwarded { break }
        try step(
            .resolve(outcome: .partlyPaid, amountPaid: Fixtures.fen(10_000_000), summary: "已付部分"), Fixtures.educationHandler, "2026-11-20T02:00:00Z")
        if state == .resolved { break }
        try step(.rate(rating, comment: nil), Fixtures.sme, "2026-11-21T02:00:00Z")
    }
    #expect(complaint.state == state)
    return complaint
}

/// A command of each name with valid inputs.
func command(_ name: String, on complaint: Complaint? = nil) throws -> ComplaintCommand {
    switch name {
    case "request-supplement": .requestSupplement(items: "合同复印件")
    case "supplement": .supplement(material: "已上传合同")
    case "accept": .accept(note: "材料齐全")
    case "reject": .reject(ground: .otherBodyInvolved, reason: "已申请仲裁")
    case "forward": .forward(to: try DepartmentID("ZJ-EDU"), note: nil)
    case "return": .returnToIntake(reason: "应由财政厅处理")
    case "resolve": .resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(45_600_000), summary: "已全额支付")
    case "rate": .rate(.satisfied, comment: nil)
    case "close": .close(note: nil)
    case "withdraw": .withdraw(reason: "已和解")
    case "reopen": .reopen(reason: "对方承诺未兑现")
    case "acknowledge": .acknowledge(note: "材料已收到")
    case "extend": .extend(days: 30, approvedBy: "浙江省教育厅 张处长", reason: "需核实工程结算")
    case "escalate": .escalate(.supervisionNotice, text: "请于十日内说明付款安排")
    case "note": .note(text: "已电话联系被投诉人财务处", visibleToComplainant: false)
    case "notify-respondent": .notifyRespondent(method: .writtenNotice, note: "浙教函〔2026〕88号")
    case "record-feedback": .recordFeedback(text: "已安排12月底前支付首期款")
    case "request-information": .requestInformation(question: "请提供2025年12月的验收单", workingDays: nil)
    case "answer-information": .answerInformation(answer: "验收单已作为证据上传")
    case "request-review": .requestReview(facts: "对方承诺的首期款至今未付")
    case "decline-review": .declineReview(reason: "首期款已于12月28日到账")
    case "record-payment": .recordPayment(contract: nil, amount: Fixtures.fen(10_000_000), paidOn: Fixtures.date("2026-11-10"), note: "网银转账")
    case "payment-plan":
        .agreePaymentPlan(
            instalments: [
                PlannedInstalment(dueOn: Fixtures.date("2027-03-31"), amount: Fixtures.fen(20_000_000)),
                PlannedInstalment(dueOn: Fixtures.date("2027-06-30"), amount: Fixtures.fen(25_600_000)),
            ], note: nil)
    case "mark-duplicate": .markDuplicate(of: "ARR-2026-000001", note: nil)
    case "attach-evidence":
        .attachEvidence(
            Evidence(
                id: EvidenceID("3f0c2a8e-5a57-4d1e-9a43-2f6f3c1d7b10"), complaintID: complaint?.id ?? ComplaintID("none"),
                sha256: String(repeating: "ab", count: 32), type: .pdf, bytes: 48_213, name: "验收报告.pdf", attachedBy: Fixtures.sme.account,
                attachedAt: Fixtures.instant("2026-11-05T02:00:00Z")))
    default: throw TransitionError.roleNotPermitted(command: name, role: .admin)
    }
}

/// The actor of each role who is in scope for the fixture complaint.
func actor(_ role: Role) -> Actor {
    switch role {
    case .sme: Fixtures.sme
    case .intake: Fixtures.zhejiangIntake
    case .handler: Fixtures.educationHandler
    case .supervisor: Fixtures.zhejiangSupervisor
    case .admin: Fixtures.admin
    }
}

@Suite("The complaint lifecycle")
struct LifecycleTests {
    let lifecycle = Fixtures.lifecycle
    /// Late enough that every rating and supplement period has run out.
    let late = Fixtures.instant("2027-01-20T02:00:00Z")
    let later = Fixtures.instant("2026-12-31T02:00:00Z")

    /// Every row of the transition table, by every role it names.
    static let allowed: [(String, ComplaintState, Role, ComplaintState, ComplaintEventKind)] =
        [
            ("request-supplement", .submitted, .intake, .needsSupplement, .supplementRequested),
            ("supplement", .needsSupplement, .sme, .submitted, .supplemented),
            ("supplement", .needsSupplement, .intake, .submitted, .supplemented),
            ("accept", .submitted, .intake, .accepted, .accepted),
            ("reject", .submitted, .intake, .rejected, .rejected),
            ("forward", .accepted, .intake, .forwarded, .forwarded),
            ("return", .forwarded, .handler, .accepted, .returned),
            ("resolve", .forwarded, .handler, .resolved, .resolved),
            ("rate", .resolved, .sme, .closed, .rated),
            ("close", .resolved, .intake, .closed, .closed),
            ("close", .resolved, .supervisor, .closed, .closed),
            ("close", .needsSupplement, .intake, .closed, .lapsed),
            ("close", .needsSupplement, .supervisor, .closed, .lapsed),
            ("withdraw", .submitted, .sme, .withdrawn, .withdrawn),
            ("withdraw", .needsSupplement, .sme, .withdrawn, .withdrawn),
            ("withdraw", .accepted, .sme, .withdrawn, .withdrawn),
            ("withdraw", .forwarded, .sme, .withdrawn, .withdrawn),
            ("reopen", .closed, .supervisor, .accepted, .reopened),
            ("acknowledge", .forwarded, .handler, .forwarded, .acknowledged),
            ("extend", .forwarded, .handler, .forwarded, .extended),
            ("extend", .forwarded, .supervisor, .forwarded, .extended),
            ("escalate", .forwarded, .intake, .forwarded, .escalated),
            ("escalate", .forwarded, .handler, .forwarded, .escalated),
            ("escalate", .forwarded, .supervisor, .forwarded, .escalated),
            ("notify-respondent", .forwarded, .handler, .forwarded, .respondentNotified),
            ("record-feedback", .forwarded, .handler, .forwarded, .feedbackReceived),
            ("request-information", .forwarded, .handler, .forwarded, .informationRequested),
            ("answer-information", .forwarded, .sme, .forwarded, .informationAnswered),
            ("answer-information", .forwarded, .intake, .forwarded, .informationAnswered),
            ("request-review", .closed, .sme, .closed, .reviewRequested),
            ("record-payment", .forwarded, .handler, .forwarded, .paymentRecorded),
            ("payment-plan", .forwarded, .handler, .forwarded, .paymentPlanAgreed),
            ("decline-review", .closed, .supervisor, .closed, .reviewDeclined),
            ("mark-duplicate", .submitted, .intake, .submitted, .markedDuplicate),
            ("mark-duplicate", .needsSupplement, .intake, .needsSupplement, .markedDuplicate),
            ("mark-duplicate", .accepted, .intake, .accepted, .markedDuplicate),
        ]
        + [ComplaintState.submitted, .needsSupplement, .accepted, .forwarded, .resolved].flatMap { state in
            [Role.sme, .intake].map { ("attach-evidence", state, $0, state, ComplaintEventKind.evidenceAttached) }
        }
        + [ComplaintState.submitted, .needsSupplement, .accepted, .forwarded, .resolved].flatMap { state in
            [Role.intake, .supervisor].map { ("note", state, $0, state, ComplaintEventKind.noted) }
        }
        + [ComplaintState.forwarded, .resolved].map { ("note", $0, Role.handler, $0, ComplaintEventKind.noted) }

    @Test("Every allowed transition, by every role allowed to take it", arguments: allowed)
    func allowedTransition(name: String, from: ComplaintState, role: Role, to: ComplaintState, kind: ComplaintEventKind) throws {
        var before = try complaint(in: from)
        // Commands that answer something need it asked first.
        let asked: [String: (ComplaintCommand, Actor)] = [
            "record-feedback": (try command("notify-respondent"), Fixtures.educationHandler),
            "answer-information": (try command("request-information"), Fixtures.educationHandler),
            "decline-review": (try command("request-review"), Fixtures.sme),
        ]
        if let (question, asker) = asked[name] { before = try lifecycle.apply(question, to: before, by: asker, at: later).0 }
        // Late enough for every period that must run out; an extension, though, is asked for while its period runs.
        let at = name == "extend" ? Fixtures.instant("2026-11-20T02:00:00Z") : late
        let (after, event) = try lifecycle.apply(try command(name, on: before), to: before, by: actor(role), at: at)
        #expect(after.state == to)
        #expect(after.version == before.version + 1)
        #expect(event.kind == kind && event.from == from && event.to == to && event.sequence == after.version)
        #expect(event.actor == actor(role).account && event.role == role)
    }

    @Test("The table in the code is the table the tests check")
    func tableIsComplete() {
        let code = Set(
            Lifecycle.transitions.flatMap { row in row.from.flatMap { from in row.roles.map { "\(row.command) \(from) \(row.to ?? from) \($0)" } } })
        let tested = Set(Self.allowed.map { "\($0.0) \($0.1) \($0.3) \($0.2)" })
        #expect(code == tested)
    }

    /// A role is told it may not act, unless the complaint is outside its scope altogether: then it is
    /// "not found", so that nobody learns of complaints they may not see.
    @Test("Each role is refused every command the table does not give it", arguments: Role.allCases)
    func forbiddenByRole(role: Role) throws {
        for name in Set(Lifecycle.transitions.map(\.command))
        where !Lifecycle.transitions.contains(where: { $0.command == name && $0.roles.contains(role) }) {
            let source = try complaint(in: Lifecycle.transitions.first { $0.command == name }!.from.first!)
            let expected: TransitionError = Lifecycle.inScope(source, actor(role)) ? .roleNotPermitted(command: name, role: role) : .outOfScope
            #expect(throws: expected) {
                try lifecycle.apply(try command(name, on: source), to: source, by: actor(role), at: late)
            }
        }
    }

    @Test("Admins take no case decisions and see no cases")
    func adminSeesNothing() throws {
        #expect(!Lifecycle.inScope(try complaint(in: .submitted), Fixtures.admin))
    }

    @Test(
        "Commands from the wrong state are refused as illegal, not crashed on",
        arguments: [
            ("forward", ComplaintState.submitted, Role.intake),
            ("accept", .accepted, .intake),
            ("accept", .rejected, .intake),
            ("resolve", .resolved, .handler),
            ("withdraw", .resolved, .sme),
            ("withdraw", .closed, .sme),
            ("rate", .forwarded, .sme),
            ("reopen", .resolved, .supervisor),
            ("request-supplement", .accepted, .intake),
        ])
    func illegalState(name: String, state: ComplaintState, role: Role) throws {
        #expect(throws: TransitionError.illegalInState(command: name, state: state)) {
            try lifecycle.apply(try command(name), to: try complaint(in: state), by: actor(role), at: late)
        }
    }

    @Test("Out of scope is reported as not found: another SME, another province, another department")
    func outOfScope() throws {
        let submitted = try complaint(in: .submitted)
        #expect(throws: TransitionError.outOfScope) { try lifecycle.apply(.withdraw(reason: "x"), to: submitted, by: Fixtures.otherSME, at: late) }
        #expect(throws: TransitionError.outOfScope) { try lifecycle.apply(.accept(note: nil), to: submitted, by: Fixtures.guangdongIntake, at: late) }
        let forwarded = try complaint(in: .forwarded)
        #expect(throws: TransitionError.outOfScope) {
            try lifecycle.apply(.resolve(outcome: .other, amountPaid: .zero, summary: "x"), to: forwarded, by: Fixtures.financeHandler, at: late)
        }
    }

    @Test("A rejection needs a reason; a decision's text has a limit")
    func requiredInputs() throws {
        let submitted = try complaint(in: .submitted)
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(.reject(ground: .notSME, reason: "  "), to: submitted, by: Fixtures.zhejiangIntake, at: late)
        }
        let long = String(repeating: "字", count: Lifecycle.textLimit + 1)
        #expect(throws: TransitionError.self) { try lifecycle.apply(.accept(note: long), to: submitted, by: Fixtures.zhejiangIntake, at: late) }
    }

    @Test("A result cannot report more paid than claimed, and 'paid in full' means the whole claim")
    func resultAmounts() throws {
        let forwarded = try complaint(in: .forwarded)
        let handler = Fixtures.educationHandler
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .resolve(outcome: .partlyPaid, amountPaid: Fixtures.fen(45_600_001), summary: "x"), to: forwarded, by: handler, at: later)
        }
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(.resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(1), summary: "x"), to: forwarded, by: handler, at: later)
        }
    }

    @Test("Closing waits for the rating period (15 days) to run out")
    func closeWaits() throws {
        let resolved = try complaint(in: .resolved)  // resolved 2026-11-20: rating period to 2026-12-05 (a Saturday) → Monday 12-07
        #expect(resolved.deadline?.dueOn?.description == "2026-12-07")
        let early = Fixtures.instant("2026-12-07T02:00:00Z")
        #expect(
            throws: TransitionError.notYet(
                rule: "close.period-running", facts: ["period": .message(Message("stage.rating")), "until": .date(Fixtures.date("2026-12-07"))])
        ) {
            try lifecycle.apply(.close(note: nil), to: resolved, by: Fixtures.zhejiangIntake, at: early)
        }
        let (closed, _) = try lifecycle.apply(
            .close(note: nil), to: resolved, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-12-08T02:00:00Z"))
        #expect(closed.closure == .ratingPeriodEnded)
    }

    @Test("Only a complaint rated dissatisfied can be reopened")
    func reopen() throws {
        let satisfied = try complaint(in: .closed, rating: .satisfied)
        #expect(throws: TransitionError.self) { try lifecycle.apply(.reopen(reason: "x"), to: satisfied, by: Fixtures.zhejiangSupervisor, at: late) }
        let (reopened, _) = try lifecycle.apply(.reopen(reason: "未兑现"), to: try complaint(in: .closed), by: Fixtures.zhejiangSupervisor, at: late)
        #expect(reopened.state == .accepted && reopened.rating == nil && reopened.handlingDepartment == nil)
    }

    @Test("Asking for supplements stops the review clock; receiving them starts it again")
    func supplementClock() throws {
        let submitted = try complaint(in: .submitted)
        #expect(submitted.deadline?.stage == .review && submitted.deadline?.dueOn?.description == "2026-11-16")
        let (waiting, _) = try lifecycle.apply(
            .requestSupplement(items: "发票"), to: submitted, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-11-03T02:00:00Z"))
        #expect(waiting.deadline?.stage == .supplement && waiting.deadline?.dueOn?.description == "2026-11-17")
        let (back, _) = try lifecycle.apply(
            .supplement(material: "发票已补"), to: waiting, by: Fixtures.sme, at: Fixtures.instant("2026-11-10T02:00:00Z"))
        #expect(
            back.deadline?.stage == .review && back.deadline?.startedOn.description == "2026-11-10"
                && back.deadline?.dueOn?.description == "2026-11-24")
    }

    @Test("Forwarding starts the 30-day handling clock, rolled past holidays")
    func handlingClock() throws {
        var accepted = try complaint(in: .accepted)
        accepted.updatedAt = Fixtures.instant("2026-09-01T02:00:00Z")
        let (forwarded, _) = try lifecycle.apply(
            .forward(to: try DepartmentID("ZJ-EDU"), note: nil), to: accepted, by: Fixtures.zhejiangIntake,
            at: Fixtures.instant("2026-09-01T02:00:00Z"))
        #expect(forwarded.deadline?.nominalDueOn?.description == "2026-10-01")
        #expect(forwarded.deadline?.dueOn?.description == "2026-10-08")
        #expect(forwarded.deadline?.isOverdue(today: Fixtures.date("2026-10-08")) == false)
        #expect(forwarded.deadline?.isOverdue(today: Fixtures.date("2026-10-09")) == true)
    }

    @Test("SMEs register online for themselves; officials register phone, fax and letter complaints")
    func registration() throws {
        let now = Fixtures.instant("2026-11-02T01:30:00Z")
        #expect(throws: TransitionError.self) {
            try lifecycle.register(Fixtures.filing(), id: ComplaintID("a"), complainantAccount: nil, by: Fixtures.zhejiangIntake, at: now)
        }
        let (byPhone, event) = try lifecycle.register(
            Fixtures.filing(channel: .phone), id: ComplaintID("b"), complainantAccount: nil, by: Fixtures.zhejiangIntake, at: now)
        #expect(byPhone.registeredBy == Fixtures.zhejiangIntake.account && event.detail.amountClaimed == Fixtures.fen(45_600_000))
        #expect(throws: TransitionError.roleNotPermitted(command: "register", role: .handler)) {
            try lifecycle.register(Fixtures.filing(), id: ComplaintID("c"), complainantAccount: nil, by: Fixtures.educationHandler, at: now)
        }
    }

    @Test("A filing with dates in the future or overdue above the contract is refused, naming the field")
    func filingRules() {
        var filing = Fixtures.filing()
        filing.contracts[0].deliveredOn = Fixtures.date("2026-12-01")
        filing.contracts[0].amountOverdue = Fixtures.fen(200_000_000)
        let fields = filing.violations(today: Fixtures.date("2026-11-22")).map(\.field)
        #expect(fields == ["contracts[0].deliveredOn", "contracts[0].amountOverdue"])
    }

    @Test(
        "Phone numbers and email addresses are checked for their shape",
        arguments: [
            ("0571-87000000", true), ("13800000000", true), ("+86 138 0000 0000", true), ("(0571) 8700 0000", true),
            ("12345", false), ("0571-8700000O", false), ("call me", false),
        ])
    func phone(text: String, valid: Bool) {
        var filing = Fixtures.filing()
        filing.complainant.contact.phone = text
        let rules = filing.violations(today: Fixtures.date("2026-11-22")).map(\.rule)
        #expect(rules.contains("phone.format") == !valid)
    }

    @Test(
        "Email addresses",
        arguments: [
            ("wang.fang@example.cn", true), ("a@b.c", true), ("wang.fang@", false), ("@example.cn", false), ("wang fang@example.cn", false),
            ("a@b", false),
        ])
    func email(text: String, valid: Bool) {
        var filing = Fixtures.filing()
        filing.complainant.contact.email = text
        let rules = filing.violations(today: Fixtures.date("2026-11-22")).map(\.rule)
        #expect(rules.contains("email.format") == !valid)
    }
}
