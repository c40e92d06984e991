import ArrearsCore
import Foundation
import Testing

@Suite("Documentation")
struct ReadmeLifecycleTableTests {
    @Test("The README's lifecycle table is the table the code enforces")
    func readmeTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- lifecycle-table -->"), let end = text.range(of: "<!-- /lifecycle-table -->") else {
            Issue.record("README.md has no lifecycle table markers")
            return
        }
        let rows = text[start.upperBound..<end.lowerBound].split(separator: "\n").dropFirst(2).map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func words(_ cell: String) -> Set<String> { Set(cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let documented = rows.map { "\($0[0]) \(words($0[1]).sorted()) \($0[2]) \(words($0[3]).sorted())" }
        let enforced = Lifecycle.transitions.map {
            "\($0.command) \($0.from.map(\.rawValue).sorted()) \($0.to?.rawValue ?? "(unchanged)") \($0.roles.map(\.rawValue).sorted())"
        }
        #expect(documented == enforced)
    }
}
