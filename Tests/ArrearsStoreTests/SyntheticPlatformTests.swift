import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Synthetic platforms for arrearsd seed")
struct SyntheticPlatformTests {
    static func platform(seed: UInt64, count: Int = 600) throws -> SyntheticPlatform {
        SyntheticPlatform(
            seed: seed, count: count, from: try CSTMonth("2019-04"), to: try CSTMonth("2020-12"), lifecycle: Fixtures.lifecycle,
            regions: try ShippedReferenceData.regions(), routing: try ShippedReferenceData.routing())
    }

    static func all(_ platform: SyntheticPlatform) throws -> [(Complaint, [ComplaintEvent])] {
        try platform.monthRanges.flatMap { month, indices in try indices.map { try platform.history($0, in: month) } }
    }

    @Test("The same seed makes the same platform; another seed another")
    func deterministic() throws {
        let first = try Self.all(try Self.platform(seed: 2020))
        let again = try Self.all(try Self.platform(seed: 2020))
        #expect(first.map(\.0) == again.map(\.0) && first.map(\.1) == again.map(\.1))
        let other = try Self.all(try Self.platform(seed: 7))
        #expect(first.map { $0.0.filing } != other.map { $0.0.filing })
    }

    @Test("600 complaints spread over 21 months, growing; histories in order, inside the period, with a realistic mix")
    func realistic() throws {
        let platform = try Self.platform(seed: 2020)
        let ranges = platform.monthRanges
        #expect(ranges.count == 21 && ranges.first?.month.description == "2019-04" && ranges.last?.month.description == "2020-12")
        #expect(ranges.map(\.indices.count).reduce(0, +) == 600)
        #expect(ranges.last!.indices.count > ranges.first!.indices.count * 2, "the platform grows: \(ranges.map(\.indices.count))")
        let histories = try Self.all(platform)
        let end = try CSTMonth("2021-01").firstDay.startInstant
        for (complaint, events) in histories {
            let sequences = events.map(\.sequence)
            #expect(sequences == Array(1...events.count) && complaint.version == events.count)
            let ordered = zip(events, events.dropFirst()).allSatisfy { $0.at < $1.at }
            #expect(ordered && events[events.count - 1].at < end)
            let index = Int(complaint.id.rawValue.suffix(8)) ?? -1
            let month: CSTMonth? = ranges.first { $0.indices.contains(index) }?.month
            #expect(complaint.receivedOn.month == month)
            #expect(complaint.filing.violations(today: complaint.receivedOn).isEmpty)
        }
        let states = Dictionary(grouping: histories, by: { $0.0.state }).mapValues(\.count)
        #expect((24...84).contains(states[.rejected] ?? 0), "about 8% rejected: \(states)")
        #expect((states[.closed] ?? 0) > 360, "most are closed by the end of 2020: \(states)")
        let open = histories.filter { $0.0.state.isOpen }.count
        #expect(open > 0, "some are still open: \(states)")
        let kinds = Set(histories.flatMap { $0.1.map(\.kind) })
        let expected: Set<ComplaintEventKind> = [
            .submitted, .accepted, .rejected, .forwarded, .returned, .acknowledged, .extended, .resolved, .rated, .closed, .lapsed,
        ]
        #expect(kinds.isSuperset(of: expected))
        let regions = Set(histories.map { $0.0.filing.respondent.region.province })
        #expect(regions.count > 25, "respondents in most provinces: \(regions.count)")
    }
}
