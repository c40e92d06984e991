import ArgumentParser
import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import CSV
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `arrearsd import FILE.csv|FILE.ndjson`: historical complaints, checked as the API checks them, stored in batches.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import historical complaints from CSV (one contract per row) or NDJSON (filings with their decisions).",
        discussion: """
            Every row is checked by the API's own rules; good rows are stored in batches, refused ones go to FILE.rejects.csv with
            their row number, field, rule and reason. Each row's externalId decides its complaint, so a rerun imports only what
            is new. CSV columns: \(HistoryImport.csvColumns.joined(separator: ", ")). NDJSON lines:
            {"externalId", "receivedAt", "filing" (as POST /v1/complaints takes it), "steps": [{"command", "at", …}]}.
            Instants are ISO 8601 with a zone, e.g. 2020-05-06T09:30:00+08:00; money is fen.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The .csv or .ndjson file.") var file: String
    @Option(help: "Complaints per transaction.") var batch: Int = 2_000

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ValidationError("no such file: \(file)") }
        try await database.withStore { store in
            let importer = HistoryImporter(
                lifecycle: Lifecycle(
                    rules: try ShippedReferenceData.ruleBook(), calendar: try await store.workingDayCalendar(),
                    sizes: try ShippedReferenceData.sizeStandard()),
                routing: try await store.routingInForce().table)
            let regions = try ShippedReferenceData.regions()
            let rejectsURL = url.deletingPathExtension().appendingPathExtension("rejects.csv")
            let rejects = try Rejects(url: rejectsURL)
            let progress = ImportProgress(total: try Self.lines(url) - (url.pathExtension.lowercased() == "csv" ? 1 : 0))
            let elapsed = Elapsed()
            var pending: [(Complaint, [ComplaintEvent])] = []
            var owners: [String: AccountID?] = [:]
            var (rows, inserted, refused) = (0, 0, 0)
            // One batch is stored in the background while the next is read and checked.
            var storing: Task<Int, any Error>?
            func flush() async throws {
                inserted += try await storing?.value ?? 0
                storing = nil
                guard !pending.isEmpty else { return }
                let batch = pending
                storing = Task { try await store.importHistories(batch) }
                pending.removeAll(keepingCapacity: true)
            }
            // Rows are checked a chunk at a time: the chunk's new credit codes looked up together, its histories built on
            // every core (the lifecycle is pure), then written to the rejects file and the batch in row order.
            var chunk: [(Int, Result<ImportRecord, any Error>)] = []
            func check() async throws {
                let codes = Set(chunk.compactMap { try? $0.1.get().filing.complainant.creditCode.uppercased() }).filter { owners[$0] == nil }
                try await withThrowingTaskGroup(of: (String, AccountID?).self) { group in
                    for code in codes {
                        guard let creditCode = try? CreditCode(code) else { continue }
                        group.addTask { (code, try await store.smeAccount(creditCode: creditCode)) }
                    }
                    for try await (code, owner) in group { owners[code] = .some(owner) }
                }
                let known = owners
                let checked = try await chunk.onEveryCore(smallest: 64) { part in
                    part.map { _, record in
                        Result {
                            let record = try record.get()
                            let owner = known[record.filing.complainant.creditCode.uppercased()] ?? nil
                            return try HistoryImport.history(record, importer: importer, regions: regions, smeAccount: owner)
                        }
                    }
                }.flatMap { $0 }
                for ((row, record), history) in zip(chunk, checked) {
                    switch history {
                    case let .success(history): pending.append(history)
                    case let .failure(error):
                        refused += 1
                        try rejects.write(row: row, externalId: (try? record.get())?.externalId ?? "", Self.violations(error))
                    }
                    if pending.count >= batch { try await flush() }
                }
                chunk.removeAll(keepingCapacity: true)
            }
            for try await (row, record) in Self.records(url) {
                rows += 1
                chunk.append((row, record))
                if chunk.count >= 512 { try await check() }
                progress.update(rows)
            }
            try await check()
            try await flush()  // stores the last batch
            inserted += try await storing?.value ?? 0
            rejects.close()
            progress.finish()
            let seconds = elapsed.seconds
            print(
                "imported \(inserted) new complaints (\(rows - refused - inserted) already there), \(refused) refused"
                    + (refused > 0 ? " (see \(rejectsURL.path))" : "") + ", \(rows) rows in \(elapsed.text) s"
                    + " (\(Int(Double(rows) / max(seconds, 0.001))) rows/s)")
            if refused == rows, rows > 0 { throw ExitCode(65) }
        }
    }

    /// Rows of the file, numbered as a person counts them in an editor (a CSV's header is row 1), each decoded or not.
    static func records(_ url: URL) -> AsyncThrowingStream<(Int, Result<ImportRecord, any Error>), any Error> {
        AsyncThrowingStream { continuation in
            do {
                if url.pathExtension.lowercased() == "csv" {
                    guard let stream = InputStream(fileAtPath: url.path) else { throw ValidationError("cannot read \(url.path)") }
                    let reader = try CSVReader(stream: stream, hasHeaderRow: true)
                    let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")) }
                    let missing = HistoryImport.csvColumns.filter { !header.contains($0) }
                    guard missing.isEmpty else { throw ValidationError("the CSV header lacks \(missing.joined(separator: ", "))") }
                    var row = 1
                    while let fields = reader.next() {
                        row += 1
                        let values = Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })
                        continuation.yield((row, Result { try HistoryImport.record(csv: values) }))
                    }
                } else {
                    var row = 0
                    for line in try LineReader(url: url) {
                        row += 1
                        guard !line.allSatisfy(\.isWhitespace) else { continue }
                        continuation.yield((row, Result { try HistoryImport.decoder.decode(ImportRecord.self, from: Data(line.utf8)) }))
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    /// Why a row was refused, in the API's words (field, rule, detail); a failure that is no refusal is named as it is.
    static func violations(_ error: any Error) -> [FieldViolation] {
        if let decoding = error as? DecodingError {
            return [decoding.violation.field ?? FieldViolation(field: "", rule: "malformed-request", message: decoding.violation.detail)]
        }
        return Refusal(error)?.rejectedFields ?? [FieldViolation(field: "", rule: "internal", facts: ["error": .text(String(describing: error))])]
    }

    /// Newlines in the file, for the progress bar.
    static func lines(_ url: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var count = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            count += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        return max(count, 1)
    }
}

/// Lines of a file, read a megabyte at a time.
struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    var buffer = Data()
    var finished = false

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            if let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { buffer.append(chunk) } else { finished = true }
        }
    }
}

/// The rejects file: one line per broken rule of each refused row.
final class Rejects {
    let stream: OutputStream
    let writer: CSVWriter

    init(url: URL) throws {
        guard let stream = OutputStream(toFileAtPath: url.path, append: false) else { throw ValidationError("cannot write \(url.path)") }
        stream.open()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = stream.write(bom, maxLength: 3)
        self.stream = stream
        writer = try CSVWriter(stream: stream)
        try writer.write(row: ["row", "externalId", "field", "rule", "detail"])
    }

    func write(row: Int, externalId: String, _ violations: [FieldViolation]) throws {
        for violation in violations {
            try writer.write(row: [String(row), externalId, violation.field, violation.rule, Wording.terminal(violation.message)])
        }
    }

    func close() { stream.close() }
}

/// A bar on a terminal, a plain line every tenth of the way otherwise.
final class ImportProgress {
    let total: Int
    let isTerminal = isatty(STDERR_FILENO) != 0
    var lastShown = -1

    init(total: Int) {
        self.total = max(total, 1)
    }

    func update(_ row: Int) {
        let percent = min(100, row * 100 / total)
        if isTerminal {
            guard percent != lastShown else { return }
            let filled = percent / 5
            FileHandle.standardError.write(
                Data(
                    "\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: 20 - filled))] \(percent)% \(row)/\(total) rows".utf8)
            )
        } else {
            guard percent / 10 != lastShown / 10 else { return }
            FileHandle.standardError.write(Data("imported \(row) of about \(total) rows (\(percent)%)\n".utf8))
        }
        lastShown = percent
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
