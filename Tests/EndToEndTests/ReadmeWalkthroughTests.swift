import Foundation
import Testing

/// The README's walkthrough, pasted into bash as a newcomer would, against a real server.
@Suite("The README walkthrough", .serialized)
struct ReadmeWalkthroughTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The README, then the pages that continue its walkthrough.
    static var pages: [URL] {
        [root.appendingPathComponent("README.md"), root.appendingPathComponent("docs/routing.md"), root.appendingPathComponent("docs/handling.md")]
    }

    /// The bash blocks of each page's "Walkthrough" section, in order.
    static func walkthroughScript() throws -> String {
        var blocks: [String] = []
        for page in pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            guard let start = text.range(of: "## Walkthrough") else { throw CocoaError(.fileReadCorruptFile) }
            let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
            var rest = text[start.upperBound..<end]
            while let open = rest.range(of: "```bash\n"), let close = rest.range(of: "```", range: open.upperBound..<rest.endIndex) {
                blocks.append(String(rest[open.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
        }
        return blocks.joined(separator: "\n")
    }

    @Test("Every command of the walkthrough works as written and shows what the README says")
    func walkthrough() throws {
        let directory = try ServerProcess.temporaryDirectory()
        // The README's operator commands work on ./arrears.sqlite, beside the server.
        let server = ServerProcess(directory: directory, database: "arrears.sqlite")
        try server.start()
        defer { server.stop() }
        let script = try Self.walkthroughScript()
            .replacingOccurrences(of: "BIN=$(swift build -c release --show-bin-path)", with: "BIN=\(Binaries.folder.path)")
            .replacingOccurrences(of: "http://127.0.0.1:8080", with: server.baseURL)
        #expect(script.contains("arrearsctl stats"), "the walkthrough was found")
        let result = try Binaries.run(
            "/bin/bash", ["-euo", "pipefail", "-c", script],
            // No language set: what the README shows is what a Chinese official reads.
            environment: ["ARREARS_CONFIG": directory.appendingPathComponent("ctl.json").path, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""],
            in: directory)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("ARR-"), "a complaint number is printed")
        #expect(
            result.output.contains("credit-code.check-character") && result.output.contains("region.unknown"),
            "the bad filing is refused field by field")
        #expect(result.output.contains(#""detail":"校验码为“X”，但按前17位应为“F”""#), "in Chinese by default")
        #expect(result.output.contains(#""detail":"check character is 'X' but the first 17 characters require 'F'""#), "in English on request")
        #expect(result.output.contains("评价  已结案  杭州示例建设有限公司（中小企业）"), "the history ends with the rating that closed it")
        #expect(result.output.contains("5  2026-") && result.output.contains("rated            closed"), "and reads in English with --lang en")
        let paid = result.output.split(separator: "\n").first { $0.hasPrefix("已支付金额(元)") }
        #expect(paid?.split(separator: " ") == ["已支付金额(元)", "456000.00", "456000.00"], "\(result.output)")
        #expect(result.output.contains("→ ZJ-EDU 浙江省教育厅"), "the dry run names the department")
        #expect(result.output.contains("第1次转交    ZJ-EDU于") && result.output.contains("hop 1        ZJ-EDU sent on"), "show lists the hop")
        #expect(result.output.contains("逾期397日") || result.output.contains("利息¥"), "show gives the interest run up")
        // docs/handling.md: the 督办书 kept as a file, the clocks waiting on answers, the money and the plan, the search.
        #expect(result.output.contains("-DB1.html") && result.output.contains("text/html"), "the 督办书 is listed: \(result.output)")
        #expect(result.output.contains("等待答复     被投诉人反馈期限：") && result.output.contains("补充说明期限："), "\(result.output)")
        #expect(result.output.contains("合同ZJ-2025-0318尚欠¥356,000.00"), "the balance after ¥100,000")
        #expect(result.output.contains("第2期        2027年6月30日应付¥200,000.00，未到期"), "the plan's instalments")
        let closedFound = result.output.split(separator: "\n").contains { $0.hasPrefix("ARR-") && $0.contains("已结案") && $0.contains("¥456,000.00") }
        #expect(closedFound, "search finds the README's closed complaint too")
        // The six dry runs docs/routing.md shows are the ones the walkthrough prints.
        let text = try String(contentsOf: Self.pages[1], encoding: .utf8)
        let shown = try #require(text.range(of: "<!-- routing-dry-runs -->\n```\n")).upperBound
        let end = try #require(text.range(of: "```\n<!-- /routing-dry-runs -->")).lowerBound
        let lines = text[shown..<end].split(separator: "\n")
        #expect(lines.count == 12)
        for line in lines { #expect(result.output.contains(line), "docs/routing.md shows a dry run the walkthrough does not print: \(line)") }
    }
}
