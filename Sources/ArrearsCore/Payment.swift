import Foundation

/// Money the respondent paid while the complaint was handled (已付款项), as the handling department records it: how much,
/// on which day, towards which contract. Payments lower that contract's balance and stop its interest from their date.
public struct Payment: Sendable, Codable, Equatable {
    /// 1 for the first payment recorded on the complaint, then 2, 3, …
    public let number: Int
    /// The contract it pays towards (`Contract.number`).
    public let contractNumber: String
    public let amount: Fen
    /// The day the money arrived (CST), which interest is counted to.
    public let paidOn: CSTDate
    public let recordedAt: Date
    public let note: String?

    public init(number: Int, contractNumber: String, amount: Fen, paidOn: CSTDate, recordedAt: Date, note: String?) {
        self.number = number
        self.contractNumber = contractNumber
        self.amount = amount
        self.paidOn = paidOn
        self.recordedAt = recordedAt
        self.note = note
    }
}

extension Complaint {
    /// What is still owed on a contract: its overdue amount less the payments recorded against it.
    public func balance(of contract: Contract) -> Fen {
        payments.filter { $0.contractNumber == contract.number }.reduce(contract.amountOverdue) { Fen(unchecked: $0.value - $1.amount.value) }
    }

    /// Every payment recorded, summed.
    public var amountRecorded: Fen { payments.reduce(Fen.zero) { $0 + $1.amount } }
}
