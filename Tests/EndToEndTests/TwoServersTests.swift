import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// A new database on the PostgreSQL server named by `ARREARS_TEST_POSTGRES_URL` (`.ci/run` starts one), made with psql.
enum PostgresForTests {
    static let url = ProcessInfo.processInfo.environment["ARREARS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipped: Comment = "set ARREARS_TEST_POSTGRES_URL to a PostgreSQL server to run these (bash .ci/run starts one)"

    /// The URL of a new, empty database.
    static func newDatabase(in directory: URL) throws -> String {
        let server = try #require(url)
        let name = "arrears_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let created = try Binaries.run("/usr/bin/psql", [server, "-qc", "CREATE DATABASE \(name)"], in: directory)
        try #require(created.status == 0, "psql: \(created.error)")
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        return try #require(components.string)
    }
}

/// Two real `arrearsd` processes on one PostgreSQL database, as behind a load balancer.
@Suite("Two servers, one PostgreSQL database", .serialized, .enabled(if: PostgresForTests.url != nil, PostgresForTests.skipped))
struct TwoServersTests {
    /// Two servers on a new database, with the example SME and Zhejiang's intake office; their tokens.
    static func twoServers() throws -> (ServerProcess, ServerProcess, sme: String, intake: String) {
        let directory = try ServerProcess.temporaryDirectory()
        let database = try PostgresForTests.newDatabase(in: directory)
        let sme = try Binaries.account(database, Binaries.exampleSME, in: directory)
        let intake = try Binaries.account(database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        let arguments = ["--submissions-per-minute", "0", "--evidence-dir", directory.appendingPathComponent("evidence").path]
        let first = ServerProcess(directory: directory, database: database)
        let second = ServerProcess(directory: directory.appendingPathComponent("second"), database: database)
        try FileManager.default.createDirectory(at: second.directory, withIntermediateDirectories: true)
        (first.extraArguments, second.extraArguments) = (arguments, arguments)
        try first.start()
        try second.start()
        return (first, second, sme, intake)
    }

    @Test("The same Idempotency-Key sent to both servers at once files one complaint; numbers never collide")
    func idempotencyAndNumbersAcrossProcesses() async throws {
        let (first, second, sme, _) = try Self.twoServers()
        defer {
            first.stop()
            second.stop()
        }
        let pairs = try await withThrowingTaskGroup(of: (String?, String?).self) { group in
            for index in 0..<30 {
                group.addTask {
                    async let a = first.file(token: sme, key: "both-\(index)")
                    async let b = second.file(token: sme, key: "both-\(index)")
                    let (left, right) = try await (a, b)
                    func number(_ result: (status: UInt, body: [String: Any])) -> String? {
                        (result.body["complaint"] as? [String: Any])?["number"] as? String
                    }
                    #expect([200, 201].contains(left.status) && [200, 201].contains(right.status), "\(left.status) \(right.status)")
                    return (number(left), number(right))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pairs.allSatisfy { $0.0 != nil && $0.0 == $0.1 }, "both servers answer each key with the same complaint: \(pairs)")
        let numbers = Set(pairs.compactMap(\.0))
        #expect(numbers.count == 30, "thirty keys, thirty complaints, got \(numbers.count)")
        let expected = Set((1...30).map { String(format: "ARR-2026-%06d", $0) })
        let received = Set(numbers.map { $0.replacingOccurrences(of: #"ARR-\d{4}"#, with: "ARR-2026", options: .regularExpression) })
        #expect(received == expected, "numbers 1…30 once each, no gap, no collision: \(numbers.sorted())")
    }

    @Test("Ten officials on two servers accept the same complaint at once: one wins, nine get 409, one event written")
    func racingTransitionsAcrossProcesses() async throws {
        let (first, second, sme, intake) = try Self.twoServers()
        defer {
            first.stop()
            second.stop()
        }
        var numbers: [String] = []
        for index in 0..<8 {
            let filed = try await first.file(token: sme, key: "race-\(index)")
            numbers.append(try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String))
        }
        for number in numbers {
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for official in 0..<10 {
                    group.addTask {
                        let server = official.isMultiple(of: 2) ? first : second
                        return try await server.decide(number, "accept", version: 1, body: #"{"note":"第\#(official)位受理"}"#, token: intake)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1, "\(number): exactly one winner, got \(statuses.sorted())")
            #expect(statuses.filter { $0 == 409 }.count == 9, "\(number): nine conflicts, got \(statuses.sorted())")
        }
        let verify = try Binaries.run("arrearsd", ["audit", "verify", "--database", first.database], in: first.directory)
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
        #expect(verify.output.contains("intact: 8 complaints, 16 events"), "one filing and one acceptance each: \(verify.output)")
    }
}
