import Foundation

/// A handling department's question to the complainant (补充说明), answered through the API or the portal; its clock runs in
/// `Complaint.waiting` until the answer comes. Neither the question nor the answer moves the complaint's state.
public struct InformationRequest: Sendable, Codable, Equatable {
    /// 1 for the first request on the complaint, then 2, 3, …
    public let number: Int
    public let askedAt: Date
    public let question: String
    public var answer: String?
    public var answeredAt: Date?

    public init(number: Int, askedAt: Date, question: String) {
        self.number = number
        self.askedAt = askedAt
        self.question = question
    }
}
