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
    public static func assess(_ contract: Contract, respondent: RespondentKind, asOf: CSTDate, calendar: WorkingDayCalendar) -> LatePayment {
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
        let days = max(0, due.days(until: asOf))
        // Money stays integer fen: amount × 5 × days / 10,000, half up; ≤ 10^13 × 5 × 36,500 fits in Int64.
        let raw = contract.amountOverdue.value * defaultDailyRatePerTenThousand * Int64(days)
        let interest = Fen(unchecked: (raw + 5_000) / 10_000)
        let counted: [String: MessageFact] = ["term": .message(source), "from": .date(delivered), "due": .date(due), "asOf": .date(asOf)]
        let reckoning =
            days == 0
            ? Message("late.not-overdue", counted)
            : Message(
                "late.overdue",
                counted.merging(["days": "\(days)", "amount": .money(contract.amountOverdue), "interest": .money(interest)]) { a, _ in a })
        return LatePayment(contractNumber: contract.number, dueOn: due, daysOverdue: days, interest: interest, reckoning: reckoning)
    }

    /// Every contract of a complaint as of `today`; a complaint resolved as paid in full stops accruing on the day of the result.
    public static func assess(_ complaint: Complaint, today: CSTDate, calendar: WorkingDayCalendar) -> [LatePayment] {
        let asOf = complaint.resolution.flatMap { $0.outcome == .paidInFull ? $0.resolvedOn : nil } ?? today
        return complaint.filing.contracts.map { assess($0, respondent: complaint.filing.respondent.kind, asOf: asOf, calendar: calendar) }
    }
}
