import Foundation

/// One step of pressure put on the respondent, as the complaint keeps it: which step, when, on which forward, and the
/// number of the document it issued (a 督办书's).
public struct Escalation: Sendable, Codable, Equatable {
    public let step: EscalationStep
    public let at: Date
    /// The forward (`Hop.number`) it was taken on; nil when taken while no department held the complaint.
    public let hop: Int?
    public let documentNumber: String?

    public init(step: EscalationStep, at: Date, hop: Int?, documentNumber: String?) {
        self.step = step
        self.at = at
        self.hop = hop
        self.documentNumber = documentNumber
    }
}
