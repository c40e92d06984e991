import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Testing

@Suite("Search terms: Chinese names in pairs, numbers as words, the same on both engines")
struct SearchTermsTests {
    @Test("A name is its overlapping pairs; numbers and codes are lower-case words; full-width letters are ASCII")
    func terms() {
        #expect(
            SearchTerms.document(fields: ["杭州示例建设有限公司"]) == ["杭州", "州示", "示例", "例建", "建设", "设有", "有限", "限公", "公司"])
        #expect(SearchTerms.document(fields: ["ARR-2026-000123"]) == ["arr", "2026", "000123"])
        #expect(SearchTerms.document(fields: ["ＺＪ－２０２５－０３１８"]) == ["zj", "2025", "0318"])
        #expect(SearchTerms.document(fields: ["91330100716105852F", "华"]) == ["91330100716105852f", SearchTerms.separator, "华"])
    }

    @Test("The fixture complaint's document holds its number, parties, code and contract, fields apart")
    func document() {
        var (complaint, _) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        complaint.number = "ARR-2026-000123"
        let terms = SearchTerms.document(of: complaint)
        #expect(terms.prefix(4) == ["arr", "2026", "000123", SearchTerms.separator])
        #expect(terms.contains("91330100716105852f") && terms.suffix(3) == ["zj", "2025", "0318"])
        // 公司 ends one field and 浙江 starts the next: no pair spans them.
        #expect(!terms.contains("司浙"))
    }

    @Test("A query is a phrase; fewer than two characters that count is no query; a trailing word is a prefix")
    func queries() throws {
        #expect(SearchTerms.query("华") == nil && SearchTerms.query(" - ") == nil && SearchTerms.query("A") == nil)
        let name = try #require(SearchTerms.query("示例建设"))
        #expect(name.terms == ["示例", "例建", "建设"] && !name.lastIsPrefix)
        #expect(name.fts5 == "\"示例 例建 建设\"" && name.tsquery == "'示例' <-> '例建' <-> '建设'")
        let number = try #require(SearchTerms.query("ZJ-2025-03"))
        #expect(number.fts5 == "\"zj 2025 03\" *" && number.tsquery == "'zj' <-> '2025' <-> '03':*")
        #expect(SearchTerms.query("学院")?.terms == ["学院"])
    }
}
