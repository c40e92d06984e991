import ArrearsCore

/// A period counted as the law counts it, for the due-date calculator (期限计算器).
public struct DueDateCount: Sendable {
    public let from: CSTDate
    public let length: Int
    public let unit: ClockUnit
    public let due: CSTDate
    /// For calendar days, the N-th day before rolling past a day off.
    public let nominal: CSTDate?
    /// Counted past the loaded holiday tables with weekends only.
    public let provisional: Bool
    /// How it was counted, for wording.
    public let reckoning: DueDateReckoning?
}

extension Platform {
    /// The last day of `length` working or calendar days from `from` (not counted), on the holiday table every server
    /// counts its own clocks on; calendar days roll past a day off at the end (民法典 第二百零三条). Anyone may ask.
    public func dueDate(from: CSTDate, length: Int, unit: ClockUnit) async throws -> DueDateCount {
        let calendar = try await store.workingDayCalendar()
        // Before the first loaded table nothing is known of holidays; after the last one the count is provisional.
        guard from.components.year >= calendar.years.lowerBound else {
            throw Refusal.invalid([
                FieldViolation(field: "from", rule: "calendar.before-table", facts: ["first": "\(calendar.years.lowerBound)"])
            ])
        }
        switch unit {
        case .workingDays:
            let (due, provisional) = calendar.counting(workingDays: length, after: from)
            return DueDateCount(
                from: from, length: length, unit: unit, due: due, nominal: nil, provisional: provisional,
                reckoning: calendar.reckoning(unit, length, from: from, due: due, nominal: nil))
        case .calendarDays:
            let (nominal, due, provisional) = calendar.counting(calendarDays: length, after: from)
            return DueDateCount(
                from: from, length: length, unit: unit, due: due, nominal: nominal, provisional: provisional,
                reckoning: calendar.reckoning(unit, length, from: from, due: due, nominal: nominal))
        }
    }
}

extension Platform {
    /// The late-payment interest calculator (逾期利息计算): one contract's due date and default interest (0.05% a day) to
    /// `asOf`, as a complaint's page counts it — the statutory or agreed term (an organ's over 60 days counting as 60),
    /// the holiday table for the term's end. Anyone may ask.
    public func lateInterest(
        respondent: RespondentKind, signedOn: CSTDate, deliveredOn: CSTDate, termDays: Int?, amountOverdue: Fen, asOf: CSTDate
    ) async throws -> LatePayment {
        let contract = Contract(
            number: "-", subject: .goods, signedOn: signedOn, amount: amountOverdue, deliveredOn: deliveredOn, paymentTermDays: termDays,
            amountOverdue: amountOverdue)
        return LatePayment.assess(contract, respondent: respondent, asOf: asOf, calendar: try await store.workingDayCalendar())
    }
}
