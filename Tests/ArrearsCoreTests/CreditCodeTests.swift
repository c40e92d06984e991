import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("Unified social credit codes (GB 32100-2015)")
struct CreditCodeTests {
    @Test("Real codes are accepted", arguments: Fixtures.validCreditCodes)
    func valid(code: String) throws {
        #expect(try CreditCode(code).text == code)
    }

    @Test("A wrong check character is refused and the right one named", arguments: Fixtures.badCheckCreditCodes)
    func badCheck(code: String) {
        #expect(throws: InvalidValue.self) { try CreditCode(code) }
        do { _ = try CreditCode(code) } catch { #expect(error.rule == "credit-code.check-character") }
    }

    @Test("Lower case is read as upper case")
    func lowercase() throws {
        #expect(try CreditCode("91310000132260250x").text == "91310000132260250X")
    }

    @Test(
        "Wrong length and forbidden letters are refused with their own rules",
        arguments: [
            ("91330100716105852", "credit-code.length"),
            ("91330100716105852FF", "credit-code.length"),
            ("", "credit-code.length"),
            ("9133010071610585IF", "credit-code.character"),
            ("91330100716105852O", "credit-code.character"),
            ("9133010071610S852F", "credit-code.character"),
            ("91330100716105852Ｆ", "credit-code.character"),
        ])
    func malformed(code: String, rule: String) {
        do {
            _ = try CreditCode(code)
            Issue.record("\(code) was accepted")
        } catch {
            #expect(error.rule == rule)
        }
    }

    @Test("Positions 1–2 are the entity type and 3–8 the registering region")
    func parts() throws {
        let code = try CreditCode("12100000425006133D")
        #expect(code.entityType == "12")
        #expect(code.registrationRegion == "100000")
    }
}

@Suite("GB/T 2260 region codes")
struct RegionCodeTests {
    @Test("Known codes are accepted, retired ones too", arguments: ["110000", "330100", "440300", "110103"])
    func known(code: String) throws {
        #expect(try RegionCode(code, in: Fixtures.regions).code == code)
    }

    @Test(
        "Unknown and malformed codes are refused",
        arguments: [
            ("339999", "region.unknown"), ("990000", "region.unknown"), ("33010", "region.format"), ("33010A", "region.format"),
            ("３３０１００", "region.format"),
        ])
    func refused(code: String, rule: String) {
        do {
            _ = try RegionCode(code, in: Fixtures.regions)
            Issue.record("\(code) was accepted")
        } catch {
            #expect(error.rule == rule)
        }
    }

    @Test("A county lies in its province")
    func province() {
        #expect(Fixtures.region("440305").province.code == "440000")
        #expect(Fixtures.region("330000").isProvince)
        #expect(Fixtures.regions.name(of: Fixtures.region("330100")) == "杭州市")
    }
}
