/// A value that travels as one JSON string, checked again whenever it is decoded.
public protocol StringValue: Codable, CustomStringConvertible {
    /// Accepts the text if it is a valid value of the type.
    init(checking text: String) throws(InvalidValue)
    /// The text the value is written as.
    var stringValue: String { get }
}

extension StringValue {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(checking: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stringValue)
    }

    public var description: String { stringValue }
}
