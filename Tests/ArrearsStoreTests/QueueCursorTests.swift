import ArrearsCore
import ArrearsStore
import Foundation
import Testing

@Suite("Store values")
struct StoreValueTests {
    @Test("A cursor token reads back as the position it came from")
    func cursorRoundTrip() throws {
        for position: Int64 in [0, 1, 35, 36, 1_000_000, Int64.max] {
            #expect(try QueueCursor(token: QueueCursor(position: position).token).position == position)
        }
    }

    @Test("Tokens the server never gave out are refused", arguments: ["", "p", "42", "p-1", "pzzzzzzzzzzzzzzzzzzzzz", "q10"])
    func badCursor(token: String) {
        #expect(throws: InvalidValue.self) { try QueueCursor(token: token) }
    }

    @Test("Instants are stored in UTC with milliseconds and read back exactly")
    func instants() throws {
        let instant = Date(timeIntervalSince1970: 1_793_583_000.123)
        let text = StoreCoding.instant(instant)
        #expect(text == "2026-11-02T01:30:00.123Z")
        #expect(try StoreCoding.instant(text) == instant)
    }

    @Test("Instants around midnight, before 1970 and in other stored forms read and write the same text")
    func instantEdges() throws {
        let cases: [(Double, String)] = [
            (0, "1970-01-01T00:00:00.000Z"), (-0.001, "1969-12-31T23:59:59.999Z"), (951_782_399.999, "2000-02-28T23:59:59.999Z"),
            (951_868_800, "2000-03-01T00:00:00.000Z"), (1_609_430_400.5, "2020-12-31T16:00:00.500Z"),
        ]
        for (seconds, text) in cases {
            #expect(StoreCoding.instant(Date(timeIntervalSince1970: seconds)) == text)
            #expect(try StoreCoding.instant(text) == Date(timeIntervalSince1970: seconds))
        }
        // Written by earlier releases or other tools: without milliseconds, still read.
        #expect(try StoreCoding.instant("2020-12-31T16:00:00Z").timeIntervalSince1970 == 1_609_430_400)
        #expect(throws: (any Error).self) { try StoreCoding.instant("2020-13-31T16:00:00.000Z") }
        #expect(HexDigest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(7.zeroPadded(2) == "07" && (-7).zeroPadded(3) == "-007" && 12345.zeroPadded(2) == "12345")
    }

    @Test("Complaint numbers are per year and zero-padded")
    func numbers() {
        #expect(StoreCoding.complaintNumber(year: 2026, ordinal: 1) == "ARR-2026-000001")
        #expect(StoreCoding.complaintNumber(year: 2027, ordinal: 123_456) == "ARR-2027-123456")
    }

    @Test("The shipped tables load: every region and the 2004–2026 calendar")
    func shippedData() throws {
        #expect(try ShippedReferenceData.regions().count > 6000)
        #expect(try ShippedReferenceData.calendar().years == 2004...2026)
    }
}
