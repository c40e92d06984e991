import ArrearsMessages
import Foundation
import Testing

@Suite("The message catalogues")
struct MessageCatalogueTests {
    let catalogue = MessageCatalogue.shipped

    @Test("Both languages have the same ids, and each text the same placeholders in both")
    func parity() throws {
        let chinese = catalogue.ids(.chinese)
        #expect(!chinese.isEmpty)
        #expect(chinese == catalogue.ids(.english), "missing in one language: \(chinese.symmetricDifference(catalogue.ids(.english)).sorted())")
        for id in chinese.sorted() {
            let zh = try #require(catalogue.text(id, in: .chinese))
            let en = try #require(catalogue.text(id, in: .english))
            #expect(MessageCatalogue.placeholders(zh) == MessageCatalogue.placeholders(en), "\(id): \(zh) / \(en)")
        }
    }

    @Test("Every kind of problem the README lists has a title in both languages")
    func problemTitles() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md"), encoding: .utf8)
        let errors = try #require(readme.components(separatedBy: "## Errors").dropFirst().first?.components(separatedBy: "\n## ").first)
        let slugs = errors.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { line in
            line.split(separator: "|")[0].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        #expect(slugs.count >= 15)
        for slug in slugs {
            #expect(catalogue.text("problem.\(slug)", in: .chinese) != nil && catalogue.text("problem.\(slug)", in: .english) != nil, "\(slug)")
        }
    }

    @Test(
        "Accept-Language picks the language: Chinese unless English ranks higher",
        arguments: [
            (nil, Language.chinese), ("", .chinese), ("zh-CN", .chinese), ("zh-CN,zh;q=0.9,en;q=0.8", .chinese), ("en", .english),
            ("en-US,en;q=0.9", .english), ("fr-FR, en;q=0.5", .english), ("fr-FR", .chinese), ("en;q=0.4, zh-Hans;q=0.6", .chinese),
            ("en;q=0", .chinese), ("*", .chinese),
        ])
    func negotiation(header: String?, language: Language) {
        #expect(Language(acceptLanguage: header) == language)
    }

    @Test("Placeholders are filled by name")
    func placeholders() {
        #expect(MessageCatalogue.placeholders("{days}个工作日，自{start}起") == ["days", "start"])
    }
}
