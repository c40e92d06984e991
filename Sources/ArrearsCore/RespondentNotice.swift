import Foundation

/// How a handling department served its notice on the respondent (送达方式).
public enum ServiceMethod: String, Sendable, Codable, CaseIterable {
    /// 书面通知: a written notice, delivered or posted.
    case writtenNotice = "written_notice"
    /// 电话: by telephone, with a record of the call.
    case telephone
    /// 电子邮件: by email.
    case email
    /// 平台送达: through a government online platform.
    case onlinePlatform = "online_platform"
    /// 当面送达: handed over in person.
    case inPerson = "in_person"
}

/// The handling department's notice to the respondent and the respondent's answer (被投诉人反馈) on one forward; its clock
/// runs in `Complaint.waiting` until the answer is recorded.
public struct RespondentNotice: Sendable, Codable, Equatable {
    /// The forward (`Hop.number`) the notice belongs to: a complaint forwarded again starts without one.
    public let hop: Int
    public let servedAt: Date
    public let method: ServiceMethod
    /// The respondent's answer, once the handling department records it.
    public var feedback: String?
    public var feedbackAt: Date?

    public init(hop: Int, servedAt: Date, method: ServiceMethod) {
        self.hop = hop
        self.servedAt = servedAt
        self.method = method
    }
}
