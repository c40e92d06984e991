import ArgumentParser
import ArrearsCore
import ArrearsStore
import Foundation

/// `arrearsd seed`: a synthetic platform of N complaints with whole histories, the same for the same seed.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the database with synthetic complaints and their histories (for trials, demonstrations and benchmarks).",
        discussion: """
            Every complaint goes through the real lifecycle: registration checks, deadlines under the rule set of its day, routing.
            The same --seed and counts give the same platform; rerunning adds nothing that is already there.
            Example: arrearsd seed --complaints 14600 --from 2019-04 --to 2020-12 (the national platform's size at the end of 2020).
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many complaints.") var complaints: Int
    @Option(help: "First month of receipt, YYYY-MM.") var from: String
    @Option(help: "Last month of receipt, YYYY-MM; nothing happens after its end.") var to: String
    @Option(help: "The generator's seed.") var seed: UInt64 = 2020
    @Option(help: "Complaints written per transaction.") var batch: Int = 2_000

    func run() async throws {
        let (first, last) = (try CSTMonth(from), try CSTMonth(to))
        guard first <= last, complaints > 0, (1...100_000).contains(batch) else {
            throw ValidationError("--from must not be after --to; --complaints must be positive; --batch 1–100000")
        }
        try await database.withStore { store in
            let lifecycle = Lifecycle(
                rules: try ShippedReferenceData.ruleBook(), calendar: try await store.workingDayCalendar(),
                sizes: try ShippedReferenceData.sizeStandard()
            )
            let platform = SyntheticPlatform(
                seed: seed, count: complaints, from: first, to: last, lifecycle: lifecycle, regions: try ShippedReferenceData.regions(),
                routing: try await store.routingInForce().table)
            let elapsed = Elapsed()
            var made = 0
            var inserted = 0
            var events = 0
            var storing: Task<Int, any Error>?
            for (month, indices) in platform.monthRanges where !indices.isEmpty {
                // Made in parallel, stored in order of receipt so numbers run with time.
                let histories = try await withThrowingTaskGroup(of: [(Complaint, [ComplaintEvent])].self) { group in
                    let half = indices.lowerBound + indices.count / 2
                    for part in [indices.lowerBound..<half, half..<indices.upperBound] {
                        group.addTask { try part.map { try platform.history($0, in: month) } }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }.sorted {
                        ($0.0.receivedAt, $0.0.id.rawValue) < ($1.0.receivedAt, $1.0.id.rawValue)
                    }
                }
                // The month before is still being stored; this one waits for it (numbers run with time), then stores in the
                // background while the next month is made.
                inserted += try await storing?.value ?? 0
                storing = Task {
                    var stored = 0
                    for start in stride(from: 0, to: histories.count, by: batch) {
                        stored += try await store.importHistories(Array(histories[start..<min(start + batch, histories.count)]))
                    }
                    return stored
                }
                made += histories.count
                events += histories.reduce(0) { $0 + $1.1.count }
                Progress.line("\(month): \(histories.count) complaints (\(made) of \(complaints))")
            }
            inserted += try await storing?.value ?? 0
            print(
                "seeded \(inserted) new complaints (\(made - inserted) already there) with \(events) events in \(elapsed.text) s"
                    + " (\(Int(Double(made) / max(elapsed.seconds, 0.001))) complaints/s), seed \(seed)")
        }
    }
}

/// Progress on standard error, so standard output stays the result.
enum Progress {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
