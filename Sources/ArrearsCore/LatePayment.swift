/// How late one contract's payment is and the default interest it has run up (条例: 0.05% a day, simple interest).
public struct LatePayment: Sendable, Equatable {
    public let contractNumber: String
    /// The last day to pay: delivery (or acceptance) plus the payment term, past a holiday to the next working day; nil when unknown.
    public let dueOn: CSTDate?
    public let daysOverdue: Int
    /// Default interest to `asOf` on the amount overdue: amount × 0.05% × days, rounded half up to the fen.
    public let interest: Fen
    /// How it was counted, or why it cannot be, as facts the edges word (`late.*` in the catalogue).
    public let reckoning: Message

    /// Basis points per day of the default rate: 0.05% = 5 / 10,000.
    public static let defaultDailyRatePerTenThousand: Int64 = 5

    /// The statutory payment term when the contract states none: organs and institutions 30 days; large enterprises 60 days
    /// for contracts signed from 2025-06-01 (decree 802), none before ("reasonable" terms, no number).
    public static func statutoryTerm(_ kind: RespondentKind, signedOn: CSTDate) -> Int? {
        switch kind {
        case .governmentOrgan, .publicInstitution, .fiscallyFundedOrganisation: 30
        case .largeEnterprise: signedOn >= Self.decree802 ? 60 : nil
        }
    }

    static let decree802 = try! CSTDate("2025-06-01")

    /// The longest payment term an organ or a public institution may agree (条例 2020 第八条, 2025 第九条): a longer one
    /// counts as this many days.
    public static let longestAgreedTerm = 60

    /// The agreed term as the law lets it count: nil when the contract states none.
    public static func lawfulTerm(_ stated: Int?, _ kind: RespondentKind) -> Int? {
        guard let stated else { return nil }
        switch kind {
        case .governmentOrgan, .publicInstitution: return min(stated, longestAgreedTerm)
        case .largeEnterprise, .fiscallyFundedOrganisation: return stated
        }
    }

    /// Assesses one contract as of `asOf` (a CST date), counting on the working-day calendar for the end of the term.
    /// Payments recorded against the contract lower the amount interest runs on from their date; once the balance is
    /// paid, interest stops on the day it was.
    public static func assess(
        _ contract: Contract, respondent: RespondentKind, payments: [Payment] = [], asOf: CSTDate, calendar: WorkingDayCalendar
    ) -> LatePayment {
        func unknown(_ why: Message) -> LatePayment {
            LatePayment(contractNumber: contract.number, dueOn: nil, daysOverdue: 0, interest: .zero, reckoning: why)
        }
        guard let delivered = contract.deliveredOn else { return unknown(Message("late.no-delivery-date")) }
        let stated = contract.paymentTermDays
        guard let term = lawfulTerm(stated, respondent) ?? statutoryTerm(respondent, signedOn: contract.signedOn) else {
            return unknown(Message("late.no-term", ["decree": .date(Self.decree802)]))
        }
        let source: Message =
            switch stated {
            case nil: Message("late.term-statutory", ["days": "\(term)"])
            case let agreed? where agreed > term: Message("late.term-capped", ["agreed": "\(agreed)", "days": "\(term)"])
            case _?: Message("late.term-agreed", ["days": "\(term)"])
            }
        let due: CSTDate
        do throws(CalendarError) {
            due = try calendar.adding(calendarDays: term, to: delivered).effective
        } catch {
            return unknown(error.message)
        }
        let counted: [String: MessageFact] = ["term": .message(source), "from": .date(delivered), "due": .date(due), "asOf": .date(asOf)]
        let paid = payments.filter { $0.contractNumber == contract.number && $0.paidOn <= asOf }.sorted {
            ($0.paidOn, $0.number) < ($1.paidOn, $1.number)
        }
        guard !paid.isEmpty else {
            let days = max(0, due.days(until: asOf))
            // Money stays integer fen: amount × 5 × days / 10,000, half up; ≤ 10^13 × 5 × 36,500 fits in Int64.
            let interest = Fen(unchecked: (contract.amountOverdue.value * defaultDailyRatePerTenThousand * Int64(days) + 5_000) / 10_000)
            let reckoning =
                days == 0
                ? Message("late.not-overdue", counted)
                : Message(
                    "late.overdue",
                    counted.merging(["days": "\(days)", "amount": .money(contract.amountOverdue), "interest": .money(interest)]) { a, _ in a })
            return LatePayment(contractNumber: contract.number, dueOn: due, daysOverdue: days, interest: interest, reckoning: reckoning)
        }
        // Each stretch between payments runs on the balance of that stretch; one rounding at the end, so stretches do not
        // each gain half a fen.
        var balance = contract.amountOverdue.value
        var from = due
        var fenDays: Int64 = 0
        var stretches: [Message] = []
        var end = asOf
        func stretch(to day: CSTDate) {
            let days = max(0, from.days(until: day))
            guard days > 0, balance > 0 else { return }
            fenDays += balance * Int64(days)
            stretches.append(
                Message("late.stretch", ["from": .date(from), "to": .date(day), "days": "\(days)", "amount": .money(Fen(unchecked: balance))]))
            from = day
        }
        for payment in paid {
            stretch(to: max(payment.paidOn, from))
            balance = max(0, balance - payment.amount.value)
            if balance == 0 {
                end = max(payment.paidOn, due)
                break
            }
        }
        stretch(to: asOf)
        let days = max(0, due.days(until: end))
        let interest = Fen(unchecked: (fenDays * defaultDailyRatePerTenThousand + 5_000) / 10_000)
        let settled =
            balance == 0 ? Message("late.paid-off", ["on": .date(end)]) : Message("late.balance", ["balance": .money(Fen(unchecked: balance))])
        let reckoning = Message(
            "late.overdue-with-payments",
            counted.merging(["stretches": .list(stretches, .sentences), "settled": .message(settled), "interest": .money(interest)]) { a, _ in a })
        return LatePayment(contractNumber: contract.number, dueOn: due, daysOverdue: days, interest: interest, reckoning: reckoning)
    }

    /// Every contract of a complaint as of `today`; a complaint resolved as paid in full stops accruing on the day of the result.
    public static func assess(_ complaint: Complaint, today: CSTDate, calendar: WorkingDayCalendar) -> [LatePayment] {
        let asOf = complaint.resolution.flatMap { $0.outcome == .paidInFull ? $0.resolvedOn : nil } ?? today
        return complaint.filing.contracts.map {
            assess($0, respondent: complaint.filing.respondent.kind, payments: complaint.payments, asOf: asOf, calendar: calendar)
        }
    }
}
