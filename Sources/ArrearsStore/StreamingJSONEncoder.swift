import Foundation

/// JSON written straight into bytes while a value encodes itself: no tree of values built first and no keys sorted, so an
/// answer costs a fraction of Foundation's `JSONEncoder` (a quarter of a complaint read went there). Members come in the
/// order the type encodes them; instants as `date` writes them. Compact, UTF-8, `/` not escaped.
public struct StreamingJSONEncoder: Sendable {
    /// How an instant is written, as a JSON string's contents.
    public let date: @Sendable (Date) -> String
    /// Whether maps are written in key order: what is stored and compared must not follow a dictionary's random order.
    public let sortsMaps: Bool
    /// Foundation's `JSONEncoder` with `.sortedKeys`, byte for byte: every object's members in key order and `/` escaped,
    /// for digests made before this encoder existed (an idempotency key's filing).
    public let asFoundationSorts: Bool

    public init(sortsMaps: Bool = false, asFoundationSorts: Bool = false, date: @escaping @Sendable (Date) -> String) {
        self.date = date
        self.sortsMaps = sortsMaps
        self.asFoundationSorts = asFoundationSorts
    }

    /// An instant as the OpenAPI runtime's default transcoder writes it (RFC 3339, whole seconds, UTC):
    /// `2026-11-02T01:30:00Z`.
    public static let internetDateTime = StreamingJSONEncoder { date in
        // The stored form of the whole second (the formatter truncates, never rounds up), without its milliseconds.
        let stored = StoreCoding.instant(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        return stored.dropLast(5) + "Z"
    }

    /// As Foundation's `JSONEncoder` with `.sortedKeys` writes a value without instants.
    public static let foundationSorted = StreamingJSONEncoder(asFoundationSorts: true) { _ in "" }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink(date: date, sortsMaps: sortsMaps && !asFoundationSorts, sortsMembers: asFoundationSorts)
        sink.bytes.reserveCapacity(1024)
        try sink.write(value)
        return sink.bytes
    }
}

/// The encoder a value writes itself into. Containers cannot be told to close, so each keeps the depth it opened at and
/// the sink closes whatever a finished value left open.
final class JSONSink: Encoder {
    // One sink is used by one encoding on one thread; the runtime's checks of exclusive access were a twentieth of a page.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    let date: @Sendable (Date) -> String
    let sortsMaps: Bool
    let sortsMembers: Bool
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// An open object (`}`) or array (`]`): whether it has a member yet, and where each member begins when members are
    /// put in key order as the object closes.
    private struct Frame {
        let close: UInt8
        var hasMember = false
        var members: [(name: String, start: Int)]?
    }

    /// Open objects and arrays, innermost last.
    @exclusivity(unchecked) private var open: [Frame] = []
    /// How many were open when the value being written began: a value that asks for a keyed container twice (the
    /// generated `allOf` encodes each part into the same encoder) gets the one object.
    @exclusivity(unchecked) private var valueDepth = 0

    init(date: @escaping @Sendable (Date) -> String, sortsMaps: Bool, sortsMembers: Bool = false) {
        self.date = date
        self.sortsMaps = sortsMaps
        self.sortsMembers = sortsMembers
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if open.count > valueDepth, open[valueDepth].close == UInt8(ascii: "}") {
            close(deeperThan: valueDepth + 1)
            return KeyedEncodingContainer(ObjectWriter<Key>(sink: self, depth: valueDepth))
        }
        return nestedObject(keyedBy: type)
    }

    func nestedObject<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectWriter<Key>(sink: self, depth: opening(UInt8(ascii: "{"), UInt8(ascii: "}"))))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayWriter(sink: self, depth: opening(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(sink: self) }

    var openCount: Int { open.count }

    /// A value begins whose end no one will say (a super encoder): its first container is a new one.
    func startValue() { valueDepth = open.count }

    private func opening(_ start: UInt8, _ close: UInt8) -> Int {
        bytes.append(start)
        open.append(Frame(close: close, members: sortsMembers && close == UInt8(ascii: "}") ? [] : nil))
        return open.count - 1
    }

    /// Closes what is open deeper than `depth`: a nested container whose owner has moved on.
    func close(deeperThan depth: Int) {
        while open.count > depth {
            let frame = open.removeLast()
            if let members = frame.members, members.count > 1 { sort(members) }
            bytes.append(frame.close)
        }
    }

    /// Before a member of the container at `depth`: closes any nested one, then the comma.
    func member(at depth: Int) {
        close(deeperThan: depth + 1)
        if open[depth].hasMember { bytes.append(UInt8(ascii: ",")) } else { open[depth].hasMember = true }
    }

    func key(_ key: some CodingKey, at depth: Int) {
        if open[depth].members != nil {
            close(deeperThan: depth + 1)
            if open[depth].hasMember { bytes.append(UInt8(ascii: ",")) } else { open[depth].hasMember = true }
            open[depth].members!.append((key.stringValue, bytes.count))
        } else {
            member(at: depth)
        }
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Puts an object's members, written from `members[0].start` on with a comma before each but the first, in the order
    /// of their names (Foundation's: ordinal, by UTF-16 code unit).
    private func sort(_ members: [(name: String, start: Int)]) {
        var segments: [(name: String, bytes: ArraySlice<UInt8>)] = []
        for (index, member) in members.enumerated() {
            // Each member after the first begins at its name; the comma before it ends the one before.
            let end = index + 1 < members.count ? members[index + 1].start - 1 : bytes.count
            segments.append((member.name, bytes[member.start..<end]))
        }
        segments.sort { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(bytes.count - members[0].start)
        for (index, segment) in segments.enumerated() {
            if index > 0 { sorted.append(UInt8(ascii: ",")) }
            sorted.append(contentsOf: segment.bytes)
        }
        bytes.replaceSubrange(members[0].start..., with: sorted)
    }

    /// A whole value: what it leaves open is closed, and a value that wrote nothing is `{}` as in Foundation.
    func write<T: Encodable>(_ value: T) throws {
        if T.self == Date.self, !sortsMembers {
            string(date(value as! Date))
            return
        }
        if sortsMaps, let map = value as? any SortableMap {
            try map.writeSorted(into: self)
            return
        }
        let (depth, start, outer) = (open.count, bytes.count, valueDepth)
        valueDepth = depth
        defer { valueDepth = outer }
        try value.encode(to: self)
        close(deeperThan: depth)
        if bytes.count == start { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plain = 0
            let slash = sortsMembers ? UInt8(ascii: "/") : UInt8(ascii: "\"")
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == slash {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                plain = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case UInt8(ascii: "/"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)],
                    ])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func literal(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    func number(_ value: some FixedWidthInteger) { literal(String(value)) }

    func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no \(value)"))
        }
        // Whole numbers as integers, as Foundation writes them; others in Swift's shortest round-tripping form.
        if value.rounded() == value, abs(value) < 1e15 { literal(String(Int64(value))) } else { literal(String(value)) }
    }
}

/// A dictionary, which can write its members in key order.
protocol SortableMap {
    func writeSorted(into sink: JSONSink) throws
}

extension Dictionary: SortableMap where Key: Encodable, Value: Encodable {
    func writeSorted(into sink: JSONSink) throws {
        // Keys a dictionary writes as an object's names (strings, and what names itself by a coding key, as Foundation);
        // others it writes as an array of pairs, left as it is.
        let named: [(String, Value)]
        if let strings = self as? [String: Value] {
            named = Array(strings)
        } else if Key.self is any CodingKeyRepresentable.Type {
            named = map { (($0.key as! any CodingKeyRepresentable).codingKey.stringValue, $0.value) }
        } else {
            try encode(to: sink)
            return
        }
        let depth = sink.openCount
        var object = sink.nestedObject(keyedBy: MapKey.self)
        for (name, value) in named.sorted(by: { $0.0 < $1.0 }) {
            try object.encode(value, forKey: MapKey(stringValue: name))
        }
        sink.close(deeperThan: depth)
    }
}

/// A map's member name.
struct MapKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An object's members, written as they come.
struct ObjectWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) {
        sink.key(key, at: depth)
        sink.literal("null")
    }
    func encode(_ value: Bool, forKey key: Key) {
        sink.key(key, at: depth)
        sink.literal(value ? "true" : "false")
    }
    func encode(_ value: String, forKey key: Key) {
        sink.key(key, at: depth)
        sink.string(value)
    }
    func encode(_ value: Double, forKey key: Key) throws {
        sink.key(key, at: depth)
        try sink.number(value)
    }
    func encode(_ value: Float, forKey key: Key) throws {
        sink.key(key, at: depth)
        try sink.number(Double(value))
    }
    func encode(_ value: Int, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: Int8, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: Int16, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: Int32, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: Int64, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: UInt, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: UInt8, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: UInt16, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: UInt32, forKey key: Key) { integer(value, forKey: key) }
    func encode(_ value: UInt64, forKey key: Key) { integer(value, forKey: key) }

    private func integer(_ value: some FixedWidthInteger, forKey key: Key) {
        sink.key(key, at: depth)
        sink.number(value)
    }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.key(key, at: depth)
        try sink.write(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.key(key, at: depth)
        return sink.nestedObject(keyedBy: keyType)
    }
    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.key(key, at: depth)
        return sink.unkeyedContainer()
    }
    func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    func superEncoder(forKey key: Key) -> any Encoder {
        sink.key(key, at: depth)
        sink.startValue()
        return sink
    }
}

/// An array's elements, written as they come.
struct ArrayWriter: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    mutating func element() {
        sink.member(at: depth)
        count += 1
    }

    mutating func encodeNil() {
        element()
        sink.literal("null")
    }
    mutating func encode(_ value: Bool) {
        element()
        sink.literal(value ? "true" : "false")
    }
    mutating func encode(_ value: String) {
        element()
        sink.string(value)
    }
    mutating func encode(_ value: Double) throws {
        element()
        try sink.number(value)
    }
    mutating func encode(_ value: Int) {
        element()
        sink.number(value)
    }
    mutating func encode(_ value: Int64) {
        element()
        sink.number(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        element()
        try sink.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        return sink.nestedObject(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return sink.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        element()
        sink.startValue()
        return sink
    }
}

/// One value in place: a string, number, boolean, null or a whole encodable.
struct ValueWriter: SingleValueEncodingContainer {
    let sink: JSONSink
    var codingPath: [any CodingKey] { [] }

    func encodeNil() { sink.literal("null") }
    func encode(_ value: Bool) { sink.literal(value ? "true" : "false") }
    func encode(_ value: String) { sink.string(value) }
    func encode(_ value: Double) throws { try sink.number(value) }
    func encode(_ value: Float) throws { try sink.number(Double(value)) }
    func encode(_ value: Int) { sink.number(value) }
    func encode(_ value: Int8) { sink.number(value) }
    func encode(_ value: Int16) { sink.number(value) }
    func encode(_ value: Int32) { sink.number(value) }
    func encode(_ value: Int64) { sink.number(value) }
    func encode(_ value: UInt) { sink.number(value) }
    func encode(_ value: UInt8) { sink.number(value) }
    func encode(_ value: UInt16) { sink.number(value) }
    func encode(_ value: UInt32) { sink.number(value) }
    func encode(_ value: UInt64) { sink.number(value) }
    func encode<T: Encodable>(_ value: T) throws { try sink.write(value) }
}
