import Testing

@testable import arrearsctl

@Suite("What arrearsctl prints cannot act on the official's terminal")
struct TerminalTextTests {
    @Test(
        "Escape sequences, BEL, backspace, CR, C1 and bidirectional controls are shown, not obeyed",
        arguments: [
            ("杭州\u{1B}[2J示例", "杭州\\u001B[2J示例"), ("示例\u{07}", "示例\\u0007"), ("付款\u{08}\u{08}已付", "付款\\u0008\\u0008已付"),
            ("已办结\r未办结", "已办结\\u000D未办结"), ("示例\u{9B}31m", "示例\\u009B31m"), ("\u{202E}司公限有", "\\u202E司公限有"),
            ("王\u{2066}芳\u{2069}", "王\\u2066芳\\u2069"), ("杭州示例建设有限公司", "杭州示例建设有限公司"),
        ])
    func escaped(text: String, shown: String) {
        #expect(TerminalText.safe(text) == shown)
    }

    @Test("The layout's line breaks stay; in a table cell a line break is shown, so the cell stays on its line")
    func lineBreaks() {
        #expect(TerminalText.safe("第一行\n第二行") == "第一行\n第二行")
        var table = TextTable(["NUMBER", "RESPONDENT"])
        table.add(["ARR-2026-000001", "浙江省\n示例\u{1B}]0;x\u{07}学院"])
        #expect(table.render().split(separator: "\n").count == 2)
        #expect(table.render().contains("浙江省\\u000A示例\\u001B]0;x\\u0007学院"))
    }
}
