import ArrearsCore
import Foundation
import Testing

@Suite("Documentation")
struct ReadmeLifecycleTableTests {
    /// The rows between `<!-- name -->` and `<!-- /name -->` in README.md, each split into its cells.
    static func table(_ name: String) throws -> [[String]] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- \(name) -->"), "README.md has no \(name) markers")
        let end = try #require(text.range(of: "<!-- /\(name) -->"), "README.md has no \(name) markers")
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").dropFirst(2).map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    static func words(_ cell: String) -> Set<String> { Set(cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }

    @Test("The README's lifecycle table is the table the code enforces")
    func readmeTable() throws {
        let documented = try Self.table("lifecycle-table").map {
            "\($0[0]) \(Self.words($0[1]).sorted()) \($0[2]) \(Self.words($0[3]).sorted())"
        }
        let enforced = Lifecycle.transitions.map {
            "\($0.command) \($0.from.map(\.rawValue).sorted()) \($0.to?.rawValue ?? "(unchanged)") \($0.roles.map(\.rawValue).sorted())"
        }
        #expect(documented == enforced)
    }

    @Test("The README's permission table is the table the code enforces, national-only roles marked")
    func permissionTable() throws {
        let documented = try Self.table("permission-table").map { "\($0[0]) \(Self.words($0[1]).sorted())" }
        let enforced = Permission.table.map { rule in
            let roles = Role.allCases.filter(rule.roles.contains).map { rule.nationalOnly.contains($0) ? "\($0.rawValue) (national)" : $0.rawValue }
            return "\(rule.permission.rawValue) \(Set(roles).sorted())"
        }
        #expect(documented == enforced)
    }
}
