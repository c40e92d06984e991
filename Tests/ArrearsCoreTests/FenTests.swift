import ArrearsCore
import Testing

@Suite("Money in fen")
struct FenTests {
    @Test("Yuan with separators and up to two decimals are whole fen; anything else is not an amount")
    func typedYuan() {
        #expect(Fen(yuan: "456,000.50")?.value == 45_600_050)
        #expect(Fen(yuan: "456000")?.value == 45_600_000 && Fen(yuan: "1.5")?.value == 150 && Fen(yuan: " 0.05 ")?.value == 5)
        for text in ["", "-1", "+1", "1.234", "1.", ".5", "1e3", "１２", "12元", "100000000001"] { #expect(Fen(yuan: text) == nil, "\(text)") }
    }

    @Test("Negative and absurd amounts are refused", arguments: [(Int64(-1), "money.negative"), (Fen.ceiling + 1, "money.too-large")])
    func refused(value: Int64, rule: String) {
        do {
            _ = try Fen(value)
            Issue.record("\(value) was accepted")
        } catch {
            #expect(error.rule == rule)
        }
    }

    @Test("Yuan are shown with separators and two decimals")
    func yuan() throws {
        #expect(try Fen(45_600_000).yuan == "456,000.00")
        #expect(try Fen(5).yuan == "0.05")
        #expect(try Fen(123_456_789).description == "¥1,234,567.89")
    }
}
