import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("Late-payment interest: 0.05% a day on the amount overdue, integer fen")
struct LatePaymentTests {
    func contract(delivered: String?, term: Int?, overdue: Int64, signed: String = "2025-03-18") -> Contract {
        Contract(
            number: "ZJ-2025-0318", subject: .works, signedOn: Fixtures.date(signed), amount: Fixtures.fen(128_000_000),
            deliveredOn: delivered.map(Fixtures.date), paymentTermDays: term, amountOverdue: Fixtures.fen(overdue))
    }

    @Test("The walkthrough's contract: due 2025-10-30, 388 days late on 2026-11-22, ¥228 a day = ¥88,464.00")
    func walkthrough() {
        let late = LatePayment.assess(
            contract(delivered: "2025-09-30", term: 30, overdue: 45_600_000), respondent: .publicInstitution, asOf: Fixtures.date("2026-11-22"),
            calendar: Fixtures.calendar)
        #expect(late.dueOn == Fixtures.date("2025-10-30"))
        #expect(late.daysOverdue == 388)
        #expect(late.interest == Fixtures.fen(8_846_400))
    }

    @Test("An institution's agreed 90 days count as 60 (条例 第八条): due 2025-12-01, not 2025-12-29; a large enterprise's stand")
    func agreedTermCapped() {
        let institution = LatePayment.assess(
            contract(delivered: "2025-09-30", term: 90, overdue: 45_600_000), respondent: .publicInstitution, asOf: Fixtures.date("2026-11-30"),
            calendar: Fixtures.calendar)
        // 60 days end on Saturday 2025-11-29; the period runs to Monday.
        #expect(institution.dueOn == Fixtures.date("2025-12-01") && institution.daysOverdue == 364)
        #expect(institution.interest == Fixtures.fen(8_299_200))
        #expect(institution.reckoning.facts["term"] == .message(Message("late.term-capped", ["agreed": "90", "days": "60"])))
        let enterprise = LatePayment.assess(
            contract(delivered: "2025-09-30", term: 90, overdue: 45_600_000), respondent: .largeEnterprise, asOf: Fixtures.date("2026-11-30"),
            calendar: Fixtures.calendar)
        #expect(enterprise.dueOn == Fixtures.date("2025-12-29"))
    }

    @Test("Half a fen rounds up, less than half rounds down")
    func rounding() {
        let calendar = Fixtures.calendar
        let asOf = Fixtures.date("2026-11-03")
        // Due 2026-11-02 (a Monday); one day late.
        let up = LatePayment.assess(
            contract(delivered: "2026-10-03", term: 30, overdue: 1_001), respondent: .governmentOrgan, asOf: asOf, calendar: calendar)
        let down = LatePayment.assess(
            contract(delivered: "2026-10-03", term: 30, overdue: 999), respondent: .governmentOrgan, asOf: asOf, calendar: calendar)
        #expect(up.daysOverdue == 1 && up.interest == Fixtures.fen(1))
        #expect(down.daysOverdue == 1 && down.interest == .zero)
    }

    @Test("A term ending on a holiday ends on the next working day; the statutory term applies when the contract names none")
    func holidayAndStatutoryTerm() {
        // Delivered 2026-09-01, no term: an organ has 30 days, to National Day 10-01, so 10-08.
        let organ = LatePayment.assess(
            contract(delivered: "2026-09-01", term: nil, overdue: 100_000), respondent: .governmentOrgan, asOf: Fixtures.date("2026-10-09"),
            calendar: Fixtures.calendar)
        #expect(organ.dueOn == Fixtures.date("2026-10-08") && organ.daysOverdue == 1)
        // A large enterprise: 60 days for contracts signed from 2025-06-01, no number before.
        let after = LatePayment.assess(
            contract(delivered: "2026-09-01", term: nil, overdue: 100_000, signed: "2025-06-01"), respondent: .largeEnterprise,
            asOf: Fixtures.date("2026-11-22"), calendar: Fixtures.calendar)
        #expect(after.dueOn == Fixtures.date("2026-11-02"))
        let before = LatePayment.assess(
            contract(delivered: "2026-09-01", term: nil, overdue: 100_000, signed: "2025-05-31"), respondent: .largeEnterprise,
            asOf: Fixtures.date("2026-11-22"), calendar: Fixtures.calendar)
        #expect(before.dueOn == nil && before.interest == .zero)
    }
}

@Suite("Interest stops when the debt is paid")
struct LatePaymentStopTests {
    @Test("A complaint resolved as paid in full on 2026-11-20 shows 386 days, not more, a month later")
    func stopsAtPayment() throws {
        let lifecycle = Fixtures.lifecycle
        var (complaint, _) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        complaint = try lifecycle.apply(.accept(note: nil), to: complaint, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-11-03T02:00:00Z"))
            .0
        complaint = try lifecycle.apply(
            .forward(to: try DepartmentID("ZJ-EDU"), note: nil), to: complaint, by: Fixtures.zhejiangIntake,
            at: Fixtures.instant("2026-11-04T02:00:00Z")
        ).0
        let open = LatePayment.assess(complaint, today: Fixtures.date("2026-11-20"), calendar: Fixtures.calendar)
        #expect(open.map(\.daysOverdue) == [386])
        complaint = try lifecycle.apply(
            .resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(45_600_000), summary: "已全额支付"), to: complaint, by: Fixtures.educationHandler,
            at: Fixtures.instant("2026-11-20T02:00:00Z")
        ).0
        let paid = LatePayment.assess(complaint, today: Fixtures.date("2026-12-20"), calendar: Fixtures.calendar)
        #expect(paid.map(\.daysOverdue) == [386])
        #expect(paid.map(\.interest) == [Fixtures.fen(22_800 * 386)])
    }
}
