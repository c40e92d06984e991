import Foundation

/// A payment plan the respondent agreed (还款计划): instalments with due dates. Payments recorded from the day it was
/// agreed settle the instalments in order; each instalment's state follows from them and the date.
public struct PaymentPlan: Sendable, Codable, Equatable {
    public let agreedOn: CSTDate
    public let instalments: [Instalment]

    public init(agreedOn: CSTDate, instalments: [Instalment]) {
        self.agreedOn = agreedOn
        self.instalments = instalments
    }

    /// Most instalments one plan may have.
    public static let instalmentLimit = 60

    /// Each instalment's standing on `today`, the payments made from the plan's day settling them in due-date order.
    public func standing(payments: [Payment], today: CSTDate) -> [InstalmentStanding] {
        let counted = payments.filter { $0.paidOn >= agreedOn }.sorted { ($0.paidOn, $0.number) < ($1.paidOn, $1.number) }
        var standings: [InstalmentStanding] = []
        var owedThrough: Int64 = 0
        for instalment in instalments {
            owedThrough += instalment.amount.value
            // The day the payments first add up to this instalment and all before it.
            var paid: Int64 = 0
            let settledOn = counted.first { payment in
                paid += payment.amount.value
                return paid >= owedThrough
            }?.paidOn
            let state: InstalmentState =
                switch settledOn {
                case let on? where on <= instalment.dueOn: .paid
                case _?: .paidLate
                case nil: today > instalment.dueOn ? .late : .due
                }
            standings.append(InstalmentStanding(instalment: instalment, state: state, settledOn: settledOn))
        }
        return standings
    }

    /// The plan's total.
    public var total: Fen { instalments.reduce(Fen.zero) { $0 + $1.amount } }
}

/// One instalment of a plan.
public struct Instalment: Sendable, Codable, Equatable {
    /// 1, 2, … in due-date order.
    public let number: Int
    public let dueOn: CSTDate
    public let amount: Fen

    public init(number: Int, dueOn: CSTDate, amount: Fen) {
        self.number = number
        self.dueOn = dueOn
        self.amount = amount
    }
}

/// Where an instalment stands.
public enum InstalmentState: String, Sendable, Codable, CaseIterable {
    /// Not paid, and its day has not passed.
    case due
    /// Paid by its day.
    case paid
    /// Not paid, and its day has passed.
    case late
    /// Paid, after its day.
    case paidLate = "paid_late"
}

/// An instalment with its state and the day payments settled it.
public struct InstalmentStanding: Sendable, Equatable {
    public let instalment: Instalment
    public let state: InstalmentState
    public let settledOn: CSTDate?
}
