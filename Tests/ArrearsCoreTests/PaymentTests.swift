import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Money as it comes in: payments, balances, interest to each payment date, plans")
struct PaymentTests {
    let lifecycle = Fixtures.lifecycle
    let handler = Fixtures.educationHandler

    /// The fixture complaint (one contract, ¥456,000.00 overdue, due 2025-10-30), forwarded on 2026-11-03.
    func forwarded() throws -> Complaint { try complaint(in: .forwarded) }

    func pay(_ yuan: Int64, on date: String, to complaint: Complaint, at iso: String, contract: String? = nil) throws -> (Complaint, ComplaintEvent) {
        try lifecycle.apply(
            .recordPayment(contract: contract, amount: Fixtures.fen(yuan * 100), paidOn: Fixtures.date(date), note: nil), to: complaint, by: handler,
            at: Fixtures.instant(iso))
    }

    @Test("¥100,000 on 2026-03-31 and ¥156,000 on 2026-06-30: interest to 2026-11-30 is ¥66,154.00 instead of ¥90,288.00")
    func interestToEachPaymentDate() throws {
        let contract = try forwarded().filing.contracts[0]
        let payments = [
            Payment(
                number: 1, contractNumber: contract.number, amount: Fixtures.fen(10_000_000), paidOn: Fixtures.date("2026-03-31"), recordedAt: Date(),
                note: nil),
            Payment(
                number: 2, contractNumber: contract.number, amount: Fixtures.fen(15_600_000), paidOn: Fixtures.date("2026-06-30"), recordedAt: Date(),
                note: nil),
        ]
        let asOf = Fixtures.date("2026-11-30")
        let none = LatePayment.assess(contract, respondent: .publicInstitution, asOf: asOf, calendar: Fixtures.calendar)
        #expect(none.daysOverdue == 396 && none.interest == Fixtures.fen(9_028_800))
        // 456,000 × 152 days + 356,000 × 91 days + 200,000 × 153 days, at 0.05% a day.
        let paid = LatePayment.assess(contract, respondent: .publicInstitution, payments: payments, asOf: asOf, calendar: Fixtures.calendar)
        #expect(paid.daysOverdue == 396 && paid.interest == Fixtures.fen(6_615_400))
        let stretches = try #require(paid.reckoning.facts["stretches"])
        guard case let .list(items, _) = stretches else {
            Issue.record("stretches are a list")
            return
        }
        #expect(items.map { $0.facts["days"] } == ["152", "91", "153"])
        #expect(paid.reckoning.facts["settled"] == .message(Message("late.balance", ["balance": .money(Fixtures.fen(20_000_000))])))

        // Paid off on 2026-09-30: interest stops that day, whatever day it is read.
        let off =
            payments + [
                Payment(
                    number: 3, contractNumber: contract.number, amount: Fixtures.fen(20_000_000), paidOn: Fixtures.date("2026-09-30"),
                    recordedAt: Date(), note: nil)
            ]
        for day in ["2026-09-30", "2026-11-30", "2027-06-30"] {
            let settled = LatePayment.assess(
                contract, respondent: .publicInstitution, payments: off, asOf: Fixtures.date(day), calendar: Fixtures.calendar)
            #expect(settled.daysOverdue == 335 && settled.interest == Fixtures.fen(6_005_400), "read on \(day)")
        }
    }

    @Test("Payments lower the balance; more than is owed, a future date or a contract the complaint does not name is refused")
    func recordPayments() throws {
        var complaint = try forwarded()
        let (first, event) = try pay(100_000, on: "2026-11-04", to: complaint, at: "2026-11-05T02:00:00Z")
        complaint = first
        #expect(complaint.state == .forwarded && complaint.payments.map(\.number) == [1])
        #expect(event.kind == .paymentRecorded && event.detail.payment?.amount == Fixtures.fen(10_000_000))
        #expect(complaint.balance(of: complaint.filing.contracts[0]) == Fixtures.fen(35_600_000))
        #expect(
            throws: TransitionError.invalidInput(
                FieldViolation(
                    field: "amount", rule: "payment.exceeds-balance",
                    facts: ["amount": .money(Fixtures.fen(35_600_001)), "balance": .money(Fixtures.fen(35_600_000)), "contract": "ZJ-2025-0318"]))
        ) {
            try lifecycle.apply(
                .recordPayment(contract: nil, amount: Fixtures.fen(35_600_001), paidOn: Fixtures.date("2026-11-05"), note: nil), to: complaint,
                by: handler,
                at: Fixtures.instant("2026-11-05T02:00:00Z"))
        }
        #expect(
            throws: TransitionError.invalidInput(
                FieldViolation(field: "paidOn", rule: "payment.in-future", facts: ["today": .date(Fixtures.date("2026-11-05"))]))
        ) {
            try pay(1, on: "2026-11-06", to: complaint, at: "2026-11-05T02:00:00Z")
        }
        #expect(throws: TransitionError.self) { try pay(1, on: "2026-11-05", to: complaint, at: "2026-11-05T02:00:00Z", contract: "ZJ-2024-0001") }
        #expect(throws: TransitionError.roleNotPermitted(command: "record-payment", role: .intake)) {
            try lifecycle.apply(
                .recordPayment(contract: nil, amount: Fixtures.fen(100), paidOn: Fixtures.date("2026-11-05"), note: nil), to: complaint,
                by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-11-05T02:00:00Z"))
        }

        // The result takes the amounts recorded unless told otherwise, and a different figure is refused.
        let resolved = try lifecycle.apply(
            .resolve(outcome: .partlyPaid, amountPaid: nil, summary: "已付10万元"), to: complaint, by: handler,
            at: Fixtures.instant("2026-11-20T02:00:00Z")
        ).0
        #expect(resolved.resolution?.amountPaid == Fixtures.fen(10_000_000))
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .resolve(outcome: .partlyPaid, amountPaid: Fixtures.fen(20_000_000), summary: "已付20万元"), to: complaint, by: handler,
                at: Fixtures.instant("2026-11-20T02:00:00Z"))
        }
    }

    @Test("A plan agreed 2026-11-04: paid 2027-01-05, the December instalment is paid late and counted; the January one is due, then late")
    func planInstalments() throws {
        let agreed = try lifecycle.apply(
            .agreePaymentPlan(
                instalments: [
                    PlannedInstalment(dueOn: Fixtures.date("2026-12-31"), amount: Fixtures.fen(10_000_000)),
                    PlannedInstalment(dueOn: Fixtures.date("2027-01-31"), amount: Fixtures.fen(10_000_000)),
                ], note: "浙教函〔2026〕90号"), to: try forwarded(), by: handler, at: Fixtures.instant("2026-11-04T02:00:00Z")
        ).0
        let plan = try #require(agreed.paymentPlan)
        #expect(plan.standing(payments: [], today: Fixtures.date("2026-12-31")).map(\.state) == [.due, .due])
        #expect(plan.standing(payments: [], today: Fixtures.date("2027-01-01")).map(\.state) == [.late, .due])
        let (paid, event) = try pay(100_000, on: "2027-01-05", to: agreed, at: "2027-01-06T02:00:00Z")
        #expect(event.detail.instalmentsPaidLate == 1)
        let standing = plan.standing(payments: paid.payments, today: Fixtures.date("2027-01-10"))
        #expect(standing.map(\.state) == [.paidLate, .due] && standing[0].settledOn == Fixtures.date("2027-01-05"))
        #expect(plan.standing(payments: paid.payments, today: Fixtures.date("2027-02-01")).map(\.state) == [.paidLate, .late])
        let (onTime, onTimeEvent) = try pay(100_000, on: "2027-01-30", to: paid, at: "2027-01-30T02:00:00Z")
        #expect(onTimeEvent.detail.instalmentsPaidLate == nil)
        #expect(plan.standing(payments: onTime.payments, today: Fixtures.date("2027-02-01")).map(\.state) == [.paidLate, .paid])
        // A plan for more than is still owed, or with dates out of order, is refused.
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .agreePaymentPlan(instalments: [PlannedInstalment(dueOn: Fixtures.date("2026-12-31"), amount: Fixtures.fen(45_600_001))], note: nil),
                to: try forwarded(), by: handler, at: Fixtures.instant("2026-11-04T02:00:00Z"))
        }
        #expect(throws: TransitionError.self) {
            try lifecycle.apply(
                .agreePaymentPlan(
                    instalments: [
                        PlannedInstalment(dueOn: Fixtures.date("2027-01-31"), amount: Fixtures.fen(100)),
                        PlannedInstalment(dueOn: Fixtures.date("2026-12-31"), amount: Fixtures.fen(100)),
                    ], note: nil), to: try forwarded(), by: handler, at: Fixtures.instant("2026-11-04T02:00:00Z"))
        }
    }

    @Test("Statistics: a payment recorded on 2026-12-02 for 2026-11-28 counts as recovered in November")
    func recoveredByPaymentDate() throws {
        let (_, event) = try pay(100_000, on: "2026-11-28", to: try forwarded(), at: "2026-12-02T02:00:00Z")
        let contribution = StatisticsLedger.contribution(
            of: event, receivedOn: Fixtures.date("2026-11-02"), previousDeadline: event.detail.deadline, priorForwards: 1, calendar: Fixtures.calendar
        )
        let recovered = contribution.figures.filter { $0.figure == .amountRecoveredFen }
        #expect(recovered.map(\.month.description) == ["2026-11"] && recovered.map(\.value) == [10_000_000])
    }
}
