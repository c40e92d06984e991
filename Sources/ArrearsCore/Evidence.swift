import Foundation

/// A file attached to a complaint as evidence (证据材料): a contract, an invoice, an acceptance record. The content lives
/// once, addressed by its SHA-256; each attachment is its own record with the name the complainant gave it.
public struct Evidence: Sendable, Codable, Equatable {
    public let id: EvidenceID
    public let complaintID: ComplaintID
    /// Lower-case hex SHA-256 of the content; also where the content is kept.
    public let sha256: String
    public let type: EvidenceType
    public let bytes: Int
    /// The file name shown to people; never used as a path.
    public let name: String
    public let attachedBy: AccountID
    public let attachedAt: Date

    public init(
        id: EvidenceID, complaintID: ComplaintID, sha256: String, type: EvidenceType, bytes: Int, name: String, attachedBy: AccountID,
        attachedAt: Date
    ) {
        self.id = id
        self.complaintID = complaintID
        self.sha256 = sha256
        self.type = type
        self.bytes = bytes
        self.name = name
        self.attachedBy = attachedBy
        self.attachedAt = attachedAt
    }

    /// Longest file name kept.
    public static let nameLimit = 200

    /// The name as given, without any folder part, through `TextPolicy`; nil when none was given.
    public static func fileName(_ given: String?) throws(FieldViolation) -> String? {
        let last = (given ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = last.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        return try TextPolicy.line(nameLimit).checked(name, field: "name")
    }
}

/// The identity of one attachment.
public struct EvidenceID: Hashable, Sendable, StringValue {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(checking text: String) { self.init(text) }
    public var stringValue: String { rawValue }
}

/// The kinds of file a complaint keeps: uploads recognised by their first bytes (never by their name or declared type),
/// and documents the platform issues.
public enum EvidenceType: String, Sendable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case jpeg = "image/jpeg"
    case png = "image/png"
    /// A document the platform issued itself (a 督办书); never recognised in an upload.
    case html = "text/html"

    /// How many leading bytes `recognise` needs.
    public static let signatureLength = 8

    /// The type whose signature the content starts with, or nil: `%PDF-`, JPEG's SOI marker `FF D8 FF`, PNG's eight-byte
    /// signature.
    public static func recognise(_ prefix: some Collection<UInt8>) -> EvidenceType? {
        let head = Array(prefix.prefix(signatureLength))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        return nil
    }

    /// The name an attachment gets when the uploader gave none.
    public var defaultFileName: String { "evidence.\(fileExtension)" }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        case .html: "html"
        }
    }
}
