import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("One text policy for every free-text field")
struct TextPolicyTests {
    let name = TextPolicy.line(200)
    let facts = TextPolicy.paragraph(20_000)

    @Test(
        "Hostile text is refused with the rule it breaks",
        arguments: [
            ("杭州\u{0}明远机械有限公司", "text.control-character"),
            ("杭州明远\u{1B}[31m机械", "text.control-character"),
            ("杭州明远\u{07}机械", "text.control-character"),
            ("杭州明远\u{08}\u{08}机械", "text.control-character"),
            ("杭州明远\u{85}机械", "text.control-character"),
            ("杭州明远\r\n机械", "text.line-break"),
            ("杭州明远\n机械", "text.line-break"),
            ("杭州明远\u{2028}机械", "text.line-break"),
            ("\u{202E}司公限有械机远明", "text.bidi-control"),
            ("杭州\u{2067}明远\u{2069}机械", "text.bidi-control"),
            ("\u{200F}杭州明远", "text.bidi-control"),
            ("\u{3164}\u{3164}", "text.not-visible"),
            ("\u{FEFF}", "text.not-visible"),
            ("\u{200B}\u{200B}", "text.required"),
            ("\u{2800}", "text.not-visible"),
            (" \u{3000} ", "text.required"),
            ("", "text.required"),
        ])
    func refused(text: String, rule: String) {
        #expect(throws: FieldViolation.self) { try name.checked(text, field: "complainant.name") }
        do {
            _ = try name.checked(text, field: "complainant.name")
        } catch {
            #expect(error.rule == rule)
            #expect(error.field == "complainant.name")
        }
    }

    @Test("A character carrying thousands of combining marks passes no limit, because limits count Unicode scalars")
    func combiningMarks() throws {
        let zalgo = "明" + String(repeating: "\u{0301}", count: 30_000)
        #expect(zalgo.count == 1)
        #expect(rule(of: zalgo, facts) == "text.too-long")
        #expect(rule(of: "明" + String(repeating: "\u{0301}", count: 40), name) == "text.stacked-marks")
        // A family emoji is seven scalars and one character: well within what one character may carry.
        #expect(try name.checked("明远 👨‍👩‍👧‍👦", field: "name") == "明远 👨‍👩‍👧‍👦")
    }

    @Test("Text is stored in NFC, trimmed, with one kind of line break in long text")
    func normalised() throws {
        let decomposed = "Cafe\u{0301} Zhang"
        let stored = try name.checked("  \(decomposed)  ", field: "name")
        #expect(stored == "Café Zhang")
        #expect(stored.unicodeScalars.count == 10)
        #expect(try facts.checked("第一段\r\n第二段\r第三段\t附表", field: "facts") == "第一段\n第二段\n第三段\t附表")
        #expect(try name.checked("杭州明远机械有限公司", field: "name") == "杭州明远机械有限公司")
        // White space the quick check must not miss: ideographic and no-break spaces, a line break, a tab, at either end.
        #expect(try name.checked("\u{3000}杭州明远机械有限公司\u{3000}", field: "name") == "杭州明远机械有限公司")
        #expect(try name.checked("杭州明远机械有限公司\u{A0}", field: "name") == "杭州明远机械有限公司")
        #expect(try facts.checked("\t第一段\r\n", field: "facts") == "第一段")
        #expect(try name.optional("\u{3000} ", field: "name") == nil)
        #expect(try name.optional("「明远」", field: "name") == "「明远」")
    }

    @Test("A limit of 200 holds 200 Chinese characters and not 201")
    func limitInScalars() throws {
        let exact = String(repeating: "明", count: 200)
        #expect(try name.checked(exact, field: "name") == exact)
        #expect(rule(of: exact + "远", name) == "text.too-long")
    }

    @Test("A filing is stored as the policy leaves it, and names each field that breaks it")
    func filing() throws {
        var filing = Fixtures.filing()
        filing.complainant.name = "  杭州明远机械有限公司 "
        filing.facts = "2025年3月交货\r\n至今未付"
        let stored = try filing.checked(today: Fixtures.date("2026-11-22"))
        #expect(stored.complainant.name == "杭州明远机械有限公司")
        #expect(stored.facts == "2025年3月交货\n至今未付")

        filing.respondent.name = "某某局\u{202E}"
        filing.contracts[0].number = "HT-2025\u{0}-001"
        filing.complainant.contact.person = "\u{3164}"
        let rules = filing.violations(today: Fixtures.date("2026-11-22")).map { "\($0.field) \($0.rule)" }
        #expect(
            rules == [
                "complainant.contact.person text.not-visible", "respondent.name text.bidi-control",
                "contracts[0].number text.control-character",
            ])
    }

    private func rule(of text: String, _ policy: TextPolicy) -> String? {
        do {
            _ = try policy.checked(text, field: "f")
            return nil
        } catch { return error.rule }
    }
}

@Suite("Text that is surely NFC skips normalisation")
struct TextPolicyFastPathTests {
    @Test("The fast path agrees with Foundation's NFC on every text it takes")
    func agrees() {
        for text in ["杭州明远机械有限公司", "校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。", "Café Zhang", "ＡＢＣ（１２３）", "《合同法》第十条"] {
            #expect(TextPolicy.isSurelyNFC(text))
            #expect(text.precomposedStringWithCanonicalMapping == text)
        }
        // A combining accent, a compatibility ideograph, Hangul jamo and an ideographic tone mark go the slow way.
        for text in ["Cafe\u{0301}", "\u{F900}", "\u{1100}\u{1161}", "中\u{302A}"] {
            #expect(!TextPolicy.isSurelyNFC(text))
        }
    }
}
