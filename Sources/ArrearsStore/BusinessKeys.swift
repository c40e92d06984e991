import ArrearsCore
import Foundation

/// The keys duplicate detection looks up: the complainant's credit code, the respondent's (or its name when the code
/// was not given, as the form allows), and each contract's number and amount overdue.
public struct BusinessKeys: Sendable {
    public let complainant: String
    public let respondent: String
    /// `number:ZJ-2025-0318` or `amount:45600000`, one per contract and kind.
    public let contracts: [String]

    public init(_ filing: ComplaintFiling) {
        let respondent = filing.respondent
        complainant = filing.complainant.creditCode.text
        self.respondent = respondent.creditCode.map { "code:" + $0.text } ?? "name:" + respondent.name.trimmingCharacters(in: .whitespaces)
        contracts =
            filing.contracts.map { "number:" + $0.number.trimmingCharacters(in: .whitespaces).uppercased() }
            + filing.contracts.map { "amount:\($0.amountOverdue.value)" }
    }

    /// An earlier complaint that shares `matched` keys with this filing, as the officer sees it.
    public static func related(id: ComplaintID, number: String, state: ComplaintState, hasResult: Bool, matched: [String]) -> RelatedComplaint {
        RelatedComplaint(
            id: id, number: number, state: state, hasResult: hasResult,
            contractNumbers: matched.filter { $0.hasPrefix("number:") }.map { String($0.dropFirst(7)) },
            amountsOverdue: matched.filter { $0.hasPrefix("amount:") }.compactMap { Int64($0.dropFirst(7)).map(Fen.init(unchecked:)) })
    }
}
