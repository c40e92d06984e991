import Foundation

/// A complaint's current state: the filing, where it stands, who holds it and the clock that runs on it.
public struct Complaint: Sendable, Codable, Equatable {
    public let id: ComplaintID
    /// The human-facing number (e.g. `ARR-2026-000123`), given by the store when it is registered.
    public var number: String
    public let filing: ComplaintFiling
    /// The SME account the complaint belongs to; nil when an official registered it for an SME without one.
    public let complainantAccount: AccountID?
    public let registeredBy: AccountID
    public let receivedAt: Date
    public var state: ComplaintState
    /// Grows by one with every event; what `If-Match` is checked against.
    public var version: Int
    public var updatedAt: Date
    public var deadline: Deadline?
    public var handlingDepartment: DepartmentID?
    public var rejection: Rejection?
    public var resolution: Resolution?
    public var rating: Satisfaction?
    public var closure: ClosureReason?

    /// The CST date of receipt, from which the review clock runs.
    public var receivedOn: CSTDate { CSTDate(receivedAt) }

    /// The province whose intake has the complaint; nil for the national intake.
    public var intakeProvince: RegionCode? { filing.respondent.intakeProvince }
}

/// Why a complaint was not accepted.
public struct Rejection: Sendable, Codable, Equatable {
    public let ground: RejectionGround
    public let reason: String
}

/// The handling department's result.
public struct Resolution: Sendable, Codable, Equatable {
    public let outcome: ResolutionOutcome
    public let amountPaid: Fen
    public let summary: String
    public let resolvedOn: CSTDate
}
