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
