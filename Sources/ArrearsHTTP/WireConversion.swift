import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// Domain values in their wire form: the only place generated types are built from domain ones.
enum Wire {
    /// The complaint as the platform lets its viewer see it.
    static func detail(_ view: ComplaintView) -> Components.Schemas.ComplaintDetail {
        .init(complaint: complaint(view), events: view.events.map(event))
    }

    static func complaint(_ view: ComplaintView) -> Components.Schemas.Complaint {
        let (c, today) = (view.complaint, view.today)
        var wire = Components.Schemas.Complaint(
            id: c.id.rawValue, number: c.number, state: state(c.state), version: c.version, receivedAt: c.receivedAt,
            receivedOn: c.receivedOn.description, updatedAt: c.updatedAt, complainantAccount: c.complainantAccount?.rawValue,
            registeredBy: c.registeredBy.rawValue, intakeProvince: c.intakeProvince?.code, handlingDepartment: c.handlingDepartment?.rawValue,
            amountClaimed: c.filing.amountClaimed.value, deadline: c.deadline.map { deadline($0, today: today, reckoning: view.reckoning) },
            rejection: c.rejection.map { .init(ground: .init(rawValue: $0.ground.rawValue)!, reason: $0.reason) },
            resolution: c.resolution.map {
                .init(
                    outcome: .init(rawValue: $0.outcome.rawValue)!, amountPaid: $0.amountPaid.value, summary: $0.summary,
                    resolvedOn: $0.resolvedOn.description)
            },
            rating: c.rating.map { .init(rawValue: $0.rawValue)! }, closure: c.closure.map { .init(rawValue: $0.rawValue)! },
            filing: filing(c.filing, contact: view.contact))
        wire.ruleSet = c.ruleSet
        wire.hops = c.hops.map(hop)
        let words = RequestValues.wording
        wire.findings = c.findings.map {
            .init(
                ground: $0.ground.map { .init(rawValue: $0.rawValue)! }, code: $0.code, detail: $0.recordedDetail ?? words($0.message),
                related: $0.related)
        }
        wire.duplicateOf = c.duplicateOf
        wire.waiting = c.waiting.isEmpty ? nil : c.waiting.map { deadline($0, today: today) }
        wire.respondentNotice = c.respondentNotice.map {
            .init(
                hop: $0.hop, servedAt: $0.servedAt, method: .init(rawValue: $0.method.rawValue)!, feedback: $0.feedback, feedbackAt: $0.feedbackAt)
        }
        wire.informationRequests =
            c.informationRequests.isEmpty
            ? nil
            : c.informationRequests.map {
                .init(number: $0.number, askedAt: $0.askedAt, question: $0.question, answer: $0.answer, answeredAt: $0.answeredAt)
            }
        wire.reviewRequest = c.reviewRequest.map {
            .init(requestedAt: $0.requestedAt, facts: $0.facts, declinedReason: $0.declinedReason, decidedAt: $0.decidedAt)
        }
        wire.escalations =
            c.escalations.isEmpty
            ? nil
            : c.escalations.map { .init(step: .init(rawValue: $0.step.rawValue)!, at: $0.at, hop: $0.hop, documentNumber: $0.documentNumber) }
        wire.payments = c.payments.isEmpty ? nil : c.payments.map(payment)
        wire.balances =
            c.payments.isEmpty ? nil : c.filing.contracts.map { .init(contractNumber: $0.number, balance: c.balance(of: $0).value) }
        wire.paymentPlan = c.paymentPlan.map { plan($0, standing: $0.standing(payments: c.payments, today: today)) }
        wire.suggestedEscalation = c.suggestedEscalation(today: today).map { .init(rawValue: $0.rawValue)! }
        wire.latePayments = view.latePayments.map { late in
            .init(
                contractNumber: late.contractNumber, dueOn: late.dueOn?.description, daysOverdue: late.daysOverdue, interest: late.interest.value,
                explanation: words(late.reckoning))
        }
        return wire
    }

    static func payment(_ p: Payment) -> Components.Schemas.Payment {
        .init(
            number: p.number, contractNumber: p.contractNumber, amount: p.amount.value, paidOn: p.paidOn.description, recordedAt: p.recordedAt,
            note: p.note)
    }

    /// A plan with each instalment's standing today, or as agreed (an event's plan) when none is given.
    static func plan(_ p: PaymentPlan, standing: [InstalmentStanding]? = nil) -> Components.Schemas.PaymentPlan {
        .init(
            agreedOn: p.agreedOn.description,
            instalments: p.instalments.enumerated().map { index, instalment in
                let now = standing?[index]
                return .init(
                    number: instalment.number, dueOn: instalment.dueOn.description, amount: instalment.amount.value,
                    state: now.map { .init(rawValue: $0.state.rawValue)! }, settledOn: now?.settledOn?.description)
            })
    }

    static func hop(_ h: Hop) -> Components.Schemas.Hop {
        .init(
            number: h.number, department: h.department.rawValue, state: .init(rawValue: h.state.rawValue)!, sentAt: h.sentAt, routedBy: h.routedBy,
            overrideReason: h.overrideReason, acknowledgedAt: h.acknowledgedAt, returnedAt: h.returnedAt, returnReason: h.returnReason,
            extensionDays: h.extensionDays)
    }

    static func department(_ d: HandlingDepartment) -> Components.Schemas.Department {
        .init(
            id: d.id.rawValue, name: d.name, region: d.region.code, level: .init(rawValue: d.level.rawValue)!,
            respondentKinds: d.respondentKinds.map { .init(rawValue: $0.rawValue)! })
    }

    static func rule(_ r: RoutingRule) -> Components.Schemas.RoutingRule {
        .init(
            id: r.id, priority: r.priority, effectiveFrom: r.effectiveFrom.description, effectiveUntil: r.effectiveUntil?.description,
            respondentKind: r.respondentKind.map { .init(rawValue: $0.rawValue)! }, level: r.level.map { .init(rawValue: $0.rawValue)! },
            regionPrefix: r.regionPrefix, supervisingAuthority: r.supervisingAuthority, department: r.department.rawValue, note: r.note,
            conditions: RequestValues.wording.fact(r.conditionFacts))
    }

    static func summary(_ c: ComplaintSummary, today: CSTDate) -> Components.Schemas.ComplaintSummary {
        .init(
            id: c.id.rawValue, number: c.number, state: state(c.state), version: c.version, receivedOn: c.receivedOn.description,
            complainantName: c.complainantName, respondentName: c.respondentName, intakeProvince: c.intakeProvince?.code,
            handlingDepartment: c.handlingDepartment?.rawValue, amountClaimed: c.amountClaimed.value,
            deadline: c.deadline.map { deadline($0, today: today) }, waiting: c.waiting.isEmpty ? nil : c.waiting.map { deadline($0, today: today) })
    }

    static func state(_ state: ComplaintState) -> Components.Schemas.ComplaintState { .init(rawValue: state.rawValue)! }

    /// A clock on the wire, its explanation worded in the reader's language when its counting is known.
    static func deadline(_ d: Deadline, today: CSTDate, reckoning: DueDateReckoning? = nil) -> Components.Schemas.Deadline {
        .init(
            stage: .init(rawValue: d.stage.rawValue)!, unit: .init(rawValue: d.unit.rawValue)!, length: d.length,
            startedOn: d.startedOn.description, dueOn: d.dueOn?.description, nominalDueOn: d.nominalDueOn?.description,
            problem: d.problem.map(RequestValues.wording.callAsFunction), provisional: d.provisional ? true : nil,
            explanation: reckoning.map(RequestValues.wording.reckoning),
            overdue: d.isOverdue(today: today), ruleSet: d.ruleSet,
            binding: d.binding, basis: Wire.basis(d)
        )
    }

    /// The provision a clock rests on, in the reader's language when the catalogue words the rule set's stage; else as
    /// the rule set states it (an operator's own rule set).
    static func basis(_ d: Deadline) -> String? {
        guard let ruleSet = d.ruleSet else { return d.basis }
        let id = "basis.\(ruleSet).\(d.stage.rawValue)"
        let words = RequestValues.wording(id)
        return words == id ? d.basis : words
    }

    static func event(_ e: ComplaintEvent) -> Components.Schemas.Event {
        .init(
            sequence: e.sequence, kind: .init(rawValue: e.kind.rawValue)!, from: e.from.map(state), to: state(e.to),
            actor: e.actor.rawValue, actorName: e.actorName, role: .init(rawValue: e.role.rawValue)!, at: e.at, on: e.on.description,
            detail: .init(
                text: e.detail.text, ground: e.detail.ground.map { .init(rawValue: $0.rawValue)! }, department: e.detail.department?.rawValue,
                outcome: e.detail.outcome.map { .init(rawValue: $0.rawValue)! }, amountPaid: e.detail.amountPaid?.value,
                amountClaimed: e.detail.amountClaimed?.value, rating: e.detail.rating.map { .init(rawValue: $0.rawValue)! },
                dueOn: e.detail.deadline?.dueOn?.description, escalation: e.detail.escalation.map { .init(rawValue: $0.rawValue)! },
                days: e.detail.days, approvedBy: e.detail.approvedBy, rule: e.detail.rule, overrideReason: e.detail.overrideReason,
                related: e.detail.related, evidence: e.detail.evidence.map(evidence),
                visibleToComplainant: e.detail.visibleToComplainant, serviceMethod: e.detail.serviceMethod.map { .init(rawValue: $0.rawValue)! },
                waiting: e.detail.waiting.map { deadline($0, today: e.on) }, documentNumber: e.detail.documentNumber,
                payment: e.detail.payment.map(payment), plan: e.detail.plan.map { plan($0) }, instalmentsPaidLate: e.detail.instalmentsPaidLate))
    }

    static func evidence(_ e: Evidence) -> Components.Schemas.Evidence {
        .init(
            id: e.id.rawValue, name: e.name, _type: .init(rawValue: e.type.rawValue)!, bytes: Int64(e.bytes), sha256: e.sha256,
            attachedBy: e.attachedBy.rawValue, attachedAt: e.attachedAt)
    }

    static func filing(_ f: ComplaintFiling, contact: Contact) -> Components.Schemas.ComplaintFiling {
        let c = f.complainant
        let r = f.respondent
        return .init(
            complainant: .init(
                name: c.name, creditCode: c.creditCode.text, region: c.region.code, industry: .init(rawValue: c.industry.rawValue)!,
                declaredSize: .init(rawValue: c.declaredSize.rawValue)!,
                contact: .init(person: contact.person, phone: contact.phone, email: contact.email),
                sizeInputs: c.sizeInputs.map { .init(employees: $0.employees, annualRevenue: $0.annualRevenue, totalAssets: $0.totalAssets) }),
            respondent: .init(
                name: r.name, creditCode: r.creditCode?.text, kind: .init(rawValue: r.kind.rawValue)!, level: .init(rawValue: r.level.rawValue)!,
                region: r.region.code, supervisingAuthority: r.supervisingAuthority),
            contracts: f.contracts.map {
                .init(
                    number: $0.number, subject: .init(rawValue: $0.subject.rawValue)!, signedOn: $0.signedOn.description, amount: $0.amount.value,
                    deliveredOn: $0.deliveredOn?.description, paymentTermDays: $0.paymentTermDays, amountOverdue: $0.amountOverdue.value)
            },
            facts: f.facts, demand: f.demand, otherBodyInvolved: f.otherBodyInvolved, channel: .init(rawValue: f.channel.rawValue)!)
    }

    static func account(_ a: Account) -> Components.Schemas.Account {
        .init(
            id: a.id.rawValue, name: a.name, role: .init(rawValue: a.role.rawValue)!, province: a.province?.code,
            department: a.department?.rawValue, creditCode: a.creditCode?.text, verifiedAt: a.verifiedAt)
    }

    static func verification(_ verification: SMEVerification) -> Components.Schemas.SMEVerification {
        .init(account: account(verification.account), complaintsJoined: verification.complaintsJoined)
    }

    static func statistics(_ statistics: MonthlyStatistics) -> Components.Schemas.MonthlyStatistics {
        .init(
            month: statistics.month.description, province: statistics.province?.code,
            monthly: figures(statistics.monthly), cumulative: figures(statistics.cumulative),
            registeredAndForwarded: statistics.registeredAndForwarded,
            breakdowns: statistics.breakdowns.map { breakdown in
                .init(
                    dimension: .init(rawValue: breakdown.dimension.rawValue)!, key: breakdown.key,
                    monthly: figures(breakdown.monthly), cumulative: figures(breakdown.cumulative))
            })
    }

    static func figures(_ f: StatisticsFigures) -> Components.Schemas.Figures {
        let grounds = Components.Schemas.Figures.RejectedByGroundPayload(
            notInScope: f.rejectedByGround[.notInScope] ?? 0, otherBodyInvolved: f.rejectedByGround[.otherBodyInvolved] ?? 0,
            notSme: f.rejectedByGround[.notSME] ?? 0, repeatComplaint: f.rejectedByGround[.repeatComplaint] ?? 0,
            otherExclusion: f.rejectedByGround[.otherExclusion] ?? 0)
        let outcomes = Components.Schemas.Figures.ResolvedByOutcomePayload(
            paidInFull: f.resolvedByOutcome[.paidInFull] ?? 0, partlyPaid: f.resolvedByOutcome[.partlyPaid] ?? 0,
            paymentPlanAgreed: f.resolvedByOutcome[.paymentPlanAgreed] ?? 0, claimNotSupported: f.resolvedByOutcome[.claimNotSupported] ?? 0,
            referredToCourt: f.resolvedByOutcome[.referredToCourt] ?? 0, other: f.resolvedByOutcome[.other] ?? 0)
        let ratings = Components.Schemas.Figures.RatingsPayload(
            verySatisfied: f.ratings[.verySatisfied] ?? 0, satisfied: f.ratings[.satisfied] ?? 0,
            basicallySatisfied: f.ratings[.basicallySatisfied] ?? 0, dissatisfied: f.ratings[.dissatisfied] ?? 0,
            veryDissatisfied: f.ratings[.veryDissatisfied] ?? 0)
        let open = Components.Schemas.Figures.OpenByStatePayload(
            submitted: f.openByState[.submitted] ?? 0, needsSupplement: f.openByState[.needsSupplement] ?? 0,
            accepted: f.openByState[.accepted] ?? 0, forwarded: f.openByState[.forwarded] ?? 0, resolved: f.openByState[.resolved] ?? 0)
        func perStage(_ counts: [DeadlineStage: Int]) -> Components.Schemas.PerStage {
            .init(
                review: counts[.review] ?? 0, supplement: counts[.supplement] ?? 0, forward: counts[.forward] ?? 0,
                handling: counts[.handling] ?? 0, rating: counts[.rating] ?? 0)
        }
        let times = f.timeToStep.map { time in
            Components.Schemas.Figures.TimeToStepPayloadPayload(
                step: .init(rawValue: time.step.rawValue)!, unit: .init(rawValue: time.unit.rawValue)!, count: time.count, median: time.median,
                p90: time.p90)
        }
        return .init(
            respondentsNotified: f.respondentsNotified, feedbackReceived: f.feedbackReceived, supervisionNotices: f.supervisionNotices,
            informationRequested: f.informationRequested, reviewsRequested: f.reviewsRequested, reviewsDeclined: f.reviewsDeclined,
            amountRecovered: f.amountRecovered.value, paymentPlans: f.paymentPlans, instalmentsPaidLate: f.instalmentsPaidLate,
            completedLate: perStage(f.completedLate), overdueAtEnd: perStage(f.overdueAtEnd), timeToStep: times,
            returned: f.returned, closed: f.closed, reopened: f.reopened, resolvedByOutcome: outcomes, ratings: ratings, openByState: open,
            registered: f.registered, accepted: f.accepted, rejected: f.rejected, forwarded: f.forwarded, resolved: f.resolved,
            withdrawn: f.withdrawn, lapsed: f.lapsed, openAtEnd: f.openAtEnd, amountClaimed: f.amountClaimed.value, amountPaid: f.amountPaid.value,
            rejectedByGround: grounds)
    }

}
