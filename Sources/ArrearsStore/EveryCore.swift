import Foundation

extension Array where Element: Sendable {
    /// `work` run on each part of the array at once, a part per core but no part under `smallest` elements; the parts'
    /// results in the array's order. For the bulk paths, whose per-element work is pure.
    public func onEveryCore<Result: Sendable>(
        smallest: Int, _ work: @escaping @Sendable (ArraySlice<Element>) throws -> Result
    ) async throws -> [Result] {
        let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        let share = Swift.max(smallest, (count + cores - 1) / cores, 1)
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            for (index, start) in stride(from: 0, to: count, by: share).enumerated() {
                let part = self[start..<Swift.min(start + share, count)]
                group.addTask { (index, try work(part)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
