/// The identity of a complaint (a UUID chosen by the caller; the core makes no ids).
public struct ComplaintID: Hashable, Sendable, StringValue {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(checking text: String) { self.init(text) }
    public var stringValue: String { rawValue }
}

/// The identity of an account (an SME or an official).
public struct AccountID: Hashable, Sendable, StringValue {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(checking text: String) { self.init(text) }
    public var stringValue: String { rawValue }
}

/// The identity of a handling department (处理投诉部门), e.g. `GD-SASAC` or `440300-FIN`.
public struct DepartmentID: Hashable, Sendable, StringValue {
    public let rawValue: String

    /// 1–64 characters of letters, digits, `.`, `_` and `-`, so ids survive URLs, CSV and shells.
    public init(_ text: String) throws(InvalidValue) {
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard (1...64).contains(text.count), allowed else {
            throw InvalidValue(
                rule: "department.format",
                facts: ["text": "\(text)"])
        }
        rawValue = text
    }

    public init(checking text: String) throws(InvalidValue) { try self.init(text) }
    public var stringValue: String { rawValue }
}
