import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Imported complaints are numbered by year of receipt and found by number")
struct ImportNumberingTests {
    @Test("One batch across a new year: each year numbered from 1 without gaps, a live filing next, every number searchable")
    func numbering() async throws {
        let store = try SQLiteComplaintStore.open(path: try scratchDatabasePath("numbers"))
        let platform = SyntheticPlatform(
            seed: 3, count: 80, from: try CSTMonth("2019-11"), to: try CSTMonth("2020-02"), lifecycle: Fixtures.lifecycle,
            regions: try ShippedReferenceData.regions(), routing: try ShippedReferenceData.routing())
        let histories = try platform.monthRanges.flatMap { month, indices in try indices.map { try platform.history($0, in: month) } }
        #expect(try await store.importHistories(histories) == 80)
        let everything = Actor(account: AccountID("admin"), role: .supervisor)
        let numbers = try await store.queue(QueueQuery(states: ComplaintState.allCases, limit: QueueQuery.maximumLimit), visibleTo: everything)
            .items.map(\.number)
        var byYear: [String: [Int]] = [:]
        for number in numbers { byYear[String(number.dropFirst(4).prefix(4)), default: []].append(Int(number.suffix(6))!) }
        #expect(Set(byYear.keys) == ["2019", "2020"])
        for (year, ordinals) in byYear { #expect(ordinals.sorted() == Array(1...ordinals.count), "\(year)") }
        // A later batch of the same year continues its numbers.
        let later = SyntheticPlatform(
            seed: 4, count: 10, from: try CSTMonth("2020-03"), to: try CSTMonth("2020-03"), lifecycle: Fixtures.lifecycle,
            regions: try ShippedReferenceData.regions(), routing: try ShippedReferenceData.routing())
        #expect(try await store.importHistories(try later.monthRanges.flatMap { m, i in try i.map { try later.history($0, in: m) } }) == 10)
        let all = try await store.queue(QueueQuery(states: ComplaintState.allCases, limit: QueueQuery.maximumLimit), visibleTo: everything)
            .items.map(\.number).filter { $0.hasPrefix("ARR-2020-") }
        #expect(all.map { Int($0.suffix(6))! }.sorted() == Array(1...(byYear["2020"]!.count + 10)))
        for number in numbers.prefix(5) + all.suffix(2) {
            var query = QueueQuery(states: ComplaintState.allCases, limit: 5)
            query.text = SearchTerms.query(number)
            #expect(try await store.queue(query, visibleTo: everything).items.map(\.number) == [number])
        }
    }
}
