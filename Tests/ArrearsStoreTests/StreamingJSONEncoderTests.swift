import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// A shape with what the contract's types hold: text of every kind, money, flags, lists, maps, absent and null fields.
private struct Filing: Codable, Equatable {
    enum Channel: String, Codable { case online, phone }
    struct Party: Codable, Equatable {
        var name: String
        var creditCode: String
        var contact: String?
    }
    var complainant: Party
    var respondent: Party
    var channel: Channel
    var amountClaimed: Int64
    var ratio: Double
    var urgent: Bool
    var contracts: [String]
    var amounts: [String: Int64]
    var receivedAt: Date
    var nothing: String?
    var explicitNull: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(complainant, forKey: .complainant)
        try container.encode(respondent, forKey: .respondent)
        try container.encode(channel, forKey: .channel)
        try container.encode(amountClaimed, forKey: .amountClaimed)
        try container.encode(ratio, forKey: .ratio)
        try container.encode(urgent, forKey: .urgent)
        try container.encode(contracts, forKey: .contracts)
        try container.encode(amounts, forKey: .amounts)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encodeIfPresent(nothing, forKey: .nothing)
        try container.encodeNil(forKey: .explicitNull)
    }
}

/// Two parts written into one encoder, as the generated code writes an `allOf`.
private struct Merged: Encodable {
    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: AnyKey.self)
        try first.encode("ARR-2026-000001", forKey: AnyKey("number"))
        var second = encoder.container(keyedBy: AnyKey.self)
        try second.encode(4, forKey: AnyKey("version"))
    }
}

/// Containers opened inside a container, and one left open when the next member comes.
private struct Nested: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        var hop = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("hop"))
        try hop.encode("ZJ-EDU", forKey: AnyKey("department"))
        var days = container.nestedUnkeyedContainer(forKey: AnyKey("days"))
        try days.encode("2026-10-01")
        var inner = days.nestedUnkeyedContainer()
        try inner.encode(7)
        try container.encode(true, forKey: AnyKey("after"))
        try container.encode(Empty(), forKey: AnyKey("empty"))
    }
}

private struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// What JSON says, whatever the order of members or the spelling of numbers.
private func parsed(_ bytes: [UInt8]) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as! NSObject
}

private func foundation(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    return Array(try encoder.encode(value))
}

@Suite("JSON written as the value encodes itself")
struct StreamingJSONEncoderTests {
    let encoder = StreamingJSONEncoder.internetDateTime

    @Test("A filing says what Foundation's encoder says: Chinese, quotes, line breaks, control characters, money, a ratio, lists, maps, null")
    func sameAsFoundation() throws {
        let filing = Filing(
            complainant: .init(name: "杭州\"云栖\"软件有限公司\\分部", creditCode: "91330106MA2B0Y1234", contact: "王芳\n电话:0571-8888\t\u{1}"),
            respondent: .init(name: "浙江省某某职业技术学院", creditCode: "12330000470030937L", contact: nil),
            channel: .phone, amountClaimed: 45_600_000, ratio: 0.125, urgent: true, contracts: ["HT-2025-017", "HT/2025/018"],
            amounts: ["HT-2025-017": 45_600_000, "尾款": 1], receivedAt: Date(timeIntervalSince1970: 1_793_583_000.75), nothing: nil,
            explicitNull: nil)
        let ours = try encoder.encode(filing)
        #expect(try parsed(ours) == parsed(try foundation(filing)))
        let text = String(decoding: ours, as: UTF8.self)
        #expect(text.contains(#""receivedAt":"2026-11-02T01:30:00Z""#))
        #expect(text.contains(#"杭州\"云栖\"软件有限公司\\分部"#))
        #expect(text.contains(#"\n电话:0571-8888\t\u0001"#))
        #expect(!text.contains("nothing"))
        #expect(text.contains(#""explicitNull":null"#))
    }

    @Test("Two parts written into one encoder make one object; nested containers close where their owner moves on")
    func containers() throws {
        #expect(try parsed(encoder.encode(Merged())) == parsed(Array(#"{"number":"ARR-2026-000001","version":4}"#.utf8)))
        let nested = try encoder.encode(Nested())
        #expect(
            try parsed(nested)
                == parsed(Array(#"{"hop":{"department":"ZJ-EDU"},"days":["2026-10-01",[7]],"after":true,"empty":{}}"#.utf8)))
        #expect(try parsed(encoder.encode([Nested(), Nested()])) == parsed(foundation([Nested(), Nested()])))
    }

    @Test("Numbers: whole doubles as integers, fractions that read back the same, the largest fen; no NaN")
    func numbers() throws {
        for value in [0.0, 3.0, -2.5, 0.1, 1e-7, 123_456.789, 1e20] {
            let back = try JSONSerialization.jsonObject(with: Data(encoder.encode(value)), options: [.fragmentsAllowed]) as! NSNumber
            #expect(back.doubleValue == value)
        }
        #expect(try encoder.encode(Int64.max) == Array("9223372036854775807".utf8))
        #expect(throws: EncodingError.self) { try encoder.encode(Double.nan) }
    }

    @Test("Instants are RFC 3339 in whole seconds, UTC, as the runtime's formatter writes them, from 1900 to 2100")
    func instants() throws {
        let formatter = ISO8601DateFormatter()
        var seconds = -2_208_988_800.0  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StreamingJSONEncoder.internetDateTime.date(date) == formatter.string(from: date))
            seconds += 86_400 * 29 + 3_599.5
        }
        #expect(StreamingJSONEncoder.internetDateTime.date(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("What is stored writes maps in key order, whatever order the dictionary holds them in, with enum keys as names")
    func sortedMaps() throws {
        enum Stage: String, Codable, CodingKeyRepresentable { case review, handling, feedback }
        let stored = StreamingJSONEncoder(sortsMaps: true) { _ in "" }
        var large: [String: Int] = [:]
        large.reserveCapacity(500)
        for (index, key) in ["浙江", "contracts[0].amount", "complainant.name", "A", "b"].enumerated() { large[key] = index }
        let small: [String: Int] = ["b": 4, "A": 3, "complainant.name": 2, "contracts[0].amount": 1, "浙江": 0]
        #expect(try stored.encode(large) == Array(#"{"A":3,"b":4,"complainant.name":2,"contracts[0].amount":1,"浙江":0}"#.utf8))
        #expect(try stored.encode(large) == stored.encode(small))
        #expect(try stored.encode([Stage.review: 1, .handling: 2, .feedback: 3]) == Array(#"{"feedback":3,"handling":2,"review":1}"#.utf8))
        #expect(try stored.encode(["days": [Stage.review: 1]]) == Array(#"{"days":{"review":1}}"#.utf8))
    }

    @Test("A filing's digest form is Foundation's sorted encoding byte for byte, so idempotency keys claimed before still match")
    func foundationSorted() throws {
        var filing = Fixtures.filing()
        filing.facts = "合同/发票\u{8}\u{C}\u{1}\u{1F}\"引号\"\\反斜杠\n第二行\t😀"
        filing.demand = "支付尾款 45.6万元 / 逾期利息"
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys]
        #expect(try StreamingJSONEncoder.foundationSorted.encode(filing) == Array(foundation.encode(filing)))
        let names: [String: Int] = ["b": 1, "B": 2, "a1": 3, "a10": 4, "a2": 5, "_x": 6, "中": 7, "Z": 8, "amount": 9, "amountOverdue": 10]
        #expect(try StreamingJSONEncoder.foundationSorted.encode(names) == Array(foundation.encode(names)))
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        #expect(try StreamingJSONEncoder.foundationSorted.encode([controls]) == Array(foundation.encode([controls])))
    }
}

@Suite("Stored JSON read back without Foundation's decoder")
struct StoredJSONDecoderTests {
    let platform = SyntheticPlatform(
        seed: 7, count: 300, from: try! CSTMonth("2020-01"), to: try! CSTMonth("2020-12"), lifecycle: Fixtures.lifecycle,
        regions: try! ShippedReferenceData.regions(), routing: try! ShippedReferenceData.routing())

    @Test("300 synthetic histories — every state, payments, plans, findings with facts — read back equal, as Foundation reads them")
    func roundTrip() throws {
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .custom { decoder in try StoreCoding.instant(decoder.singleValueContainer().decode(String.self)) }
        var events = 0
        for (month, indices) in platform.monthRanges {
            for index in indices {
                let (complaint, history) = try platform.history(index, in: month)
                let text = try StoreCoding.encode(complaint)
                #expect(try StoreCoding.decode(Complaint.self, from: text) == complaint)
                #expect(try StoreCoding.decode(Complaint.self, from: text) == foundation.decode(Complaint.self, from: Data(text.utf8)))
                for event in history {
                    let detail = try StoreCoding.encode(event.detail)
                    #expect(try StoreCoding.decode(EventDetail.self, from: detail) == event.detail)
                    events += 1
                }
            }
        }
        #expect(events > 900)
    }

    @Test("Rows Foundation wrote before (sorted, `\\/` and `\\u` escapes, surrogate pairs) and PostgreSQL's spacing read the same")
    func olderRows() throws {
        let (complaint, _) = try platform.history(0, in: platform.months[0])
        let older = JSONEncoder()
        older.outputFormatting = [.sortedKeys, .prettyPrinted]
        older.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreCoding.instant(date))
        }
        #expect(try StoreCoding.decode(Complaint.self, from: String(decoding: older.encode(complaint), as: UTF8.self)) == complaint)
        let escaped = #"{ "text" : "\u5408\u540c\/\u53d1\u7968 \ud83d\ude00\n\t\"\\" , "n" : 1.0e2 }"#
        struct Note: Decodable, Equatable {
            let text: String
            let n: Int
        }
        #expect(try StoreCoding.decode(Note.self, from: escaped) == Note(text: "合同/发票 😀\n\t\"\\", n: 100))
    }

    @Test("A row that is not what the type needs names the member")
    func refusals() throws {
        struct Row: Decodable {
            let amount: Int64
            let contracts: [String]
        }
        #expect {
            try StoreCoding.decode(Row.self, from: #"{"contracts":[]}"#)
        } throws: { error in
            guard case let DecodingError.keyNotFound(key, _) = error else { return false }
            return key.stringValue == "amount"
        }
        #expect {
            try StoreCoding.decode(Row.self, from: #"{"amount":1,"contracts":["a",2]}"#)
        } throws: { error in
            guard case let DecodingError.typeMismatch(_, context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["contracts", "1"]
        }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Row.self, from: #"{"amount":1,"contracts":[]} x"#) }
        #expect(throws: DecodingError.self) { try StoreCoding.decode(Row.self, from: #"{"amount":1.5,"contracts":[]}"#) }
    }
}
