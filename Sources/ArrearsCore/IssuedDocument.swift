/// A document the platform issues in a complaint's name (a 督办书), kept as a file of the complaint and named by a number
/// that is the complaint's number and the document's ordinal: `ARR-2026-000123-DB1`. No counter row is shared between
/// complaints, so issuing one never waits on another.
public struct IssuedDocument: Sendable, Equatable {
    public let number: String
    public let file: Evidence

    public init(number: String, file: Evidence) {
        self.number = number
        self.file = file
    }

    /// The number the next supervision notice of `complaint` gets.
    public static func nextSupervisionNoticeNumber(of complaint: Complaint) -> String {
        "\(complaint.number)-DB\(complaint.escalations.filter { $0.documentNumber != nil }.count + 1)"
    }
}
