import ArrearsCore
import Foundation
import Testing

@Suite("Documentation")
struct StatisticsDefinitionsTests {
    @Test("Schemas/statistics.md defines every figure the ledger counts, and every breakdown dimension")
    func everyFigureDefined() throws {
        let document = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schemas/statistics.md"),
            encoding: .utf8)
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
        let named = Set(rows.flatMap { row in row.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) } })
        let outcomes = ResolutionOutcome.allCases.map { Figure.resolved($0).rawValue }
        // Outcome figures are listed as a range ("resolved_paid_in_full … resolved_other"): the first and last name it.
        let missing = Figure.allCases.map(\.rawValue).filter { !named.contains($0) && !outcomes.contains($0) }
        #expect(missing.isEmpty, "figures without a definition: \(missing)")
        #expect(named.contains(outcomes.first!) && named.contains(outcomes.last!))
        let dimensions = StatisticsDimension.allCases.filter { $0 != .all }.map(\.rawValue)
        #expect(dimensions.allSatisfy(named.contains), "dimensions without a definition")
    }
}
