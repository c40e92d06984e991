import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization
import Testing

/// What an operator sees and does with a real `arrearsd`: Prometheus metrics, and SIGTERM while requests are in flight.
@Suite("Operating arrearsd", .serialized)
struct OperationsTests {
    @Test("/metrics shows requests by route and status, their latency, the queues, overdue counts and database use")
    func metrics() async throws {
        let (server, token) = try ServerProcess.startedForExampleSME()
        defer { server.stop() }
        for _ in 0..<3 { #expect(try await server.file(token: token).status == 201) }
        var missing = HTTPClientRequest(url: server.baseURL + "/v1/complaints/ARR-2026-999999")
        missing.headers.add(name: "Authorization", value: "Bearer \(token)")
        #expect(try await HTTPClient.shared.execute(missing, timeout: .seconds(10)).status.code == 404)

        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: server.baseURL + "/metrics"), timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        #expect(response.status.code == 200 && response.headers.first(name: "Content-Type")?.hasPrefix("text/plain") == true)
        for series in [
            #"http_server_requests_total{http_route="/v1/complaints",http_request_method="POST",http_response_status_code="201"} 3"#,
            #"http_server_requests_total{http_route="/v1/complaints/{complaintId}",http_request_method="GET",http_response_status_code="404"} 1"#,
            #"http_server_request_errors_total{http_route="/v1/complaints/{complaintId}",http_request_method="GET",http_response_status_code="404"} 1"#,
            #"http_server_request_duration_seconds_count{http_route="/v1/complaints",http_request_method="POST"} 3"#,
            #"arrears_complaints{state="submitted"} 3.0"#, #"arrears_complaints{state="forwarded"} 0.0"#,
            #"arrears_complaints_overdue{state="submitted"} 0.0"#, "arrears_database_reads_in_flight", "arrears_database_writes_in_flight 0.0",
        ] {
            #expect(text.contains(series), "missing \(series)")
        }
        #expect(!text.contains("91330100716105852F") && !text.contains("ARR-2026"), "no complaint is named")
        #expect(!text.contains(#"http_server_request_errors_total{http_route="/v1/complaints",http_request_method="POST""#), "a 201 is no error")
        // Prometheus' own linter: counters end in _total, every metric has help text.
        let promtool = try Binaries.run("/usr/bin/promtool", ["check", "metrics"], input: text, in: server.directory)
        #expect(promtool.status == 0 && promtool.output.isEmpty && promtool.error.isEmpty, "promtool: \(promtool.output)\(promtool.error)")
        // Group commit's counters: every filing was written, each commit carried at least one write.
        func total(_ name: String) -> Double? {
            text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
        }
        let commits = try #require(total("arrears_database_commits_total"))
        let writes = try #require(total("arrears_database_committed_writes_total"))
        #expect(commits >= 1 && writes >= 3 && writes >= commits, "\(writes) writes in \(commits) commits")
    }

    @Test("SIGTERM during a burst of filings: every answered filing is stored, and the server exits cleanly")
    func gracefulShutdown() async throws {
        let (server, token) = try ServerProcess.startedForExampleSME(["--submissions-per-minute", "0"])
        let (directory, database) = (server.directory, server.database)
        let answeredSoFar = AnswerCount()
        let answered = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<8 {
                group.addTask {
                    var numbers: [String] = []
                    for index in 0..<400 {
                        guard let result = try? await server.file(token: token, key: "burst-\(client)-\(index)", timeout: 10) else { break }
                        if result.status == 201, let number = (result.body["complaint"] as? [String: Any])?["number"] as? String {
                            numbers.append(number)
                            answeredSoFar.value.add(1, ordering: .relaxed)
                        }
                    }
                    return numbers
                }
            }
            // The signal comes once the burst is under way, however slow the machine is today (a fixed 300 ms was not
            // always enough with the whole suite running beside it).
            let deadline = ContinuousClock.now + .seconds(30)
            while answeredSoFar.value.load(ordering: .relaxed) < 16 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            server.terminate()
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(server.waitUntilExit() == 0, "a clean exit after SIGTERM")
        #expect(!answered.isEmpty, "some filings were answered before the signal")
        // The log says where it listened, that the shutdown began and that it ended: JSON lines on standard error only.
        let log = try String(contentsOf: server.logFile, encoding: .utf8).split(separator: "\n")
        let messages = log.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["message"] as? String
        }
        #expect(messages.count == log.count, "every line is a JSON object")
        #expect(messages.contains("listening") && messages.last == "stopped", "\(messages)")
        #expect(messages.contains { $0.hasPrefix("shutting down") }, "\(messages)")

        let verify = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(verify.status == 0, "\(verify.output)")
        let stored = try #require(
            verify.output.firstMatch(of: /intact: (\d+) complaints/).map { Int($0.1) ?? -1 }, "\(verify.output)")
        #expect(stored >= answered.count, "every answered filing is stored: \(stored) stored, \(answered.count) answered")
        #expect(Set(answered).count == answered.count, "no number given twice")
    }
}

/// How many filings have been answered so far, shared by the clients of a burst.
final class AnswerCount: Sendable {
    let value = Atomic<Int>(0)
}
