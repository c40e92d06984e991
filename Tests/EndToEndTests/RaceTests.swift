import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Conflicting decisions racing over real HTTP on a real server.
@Suite("Racing decisions")
struct RaceTests {
    @Test("100 concurrent conflicting decisions on 10 complaints: one winner each, 90 × 409, no event lost or doubled")
    func hundredConflictingTransitions() async throws {
        let (server, sme) = try ServerProcess.startedForExampleSME(["--submissions-per-minute", "0"])
        defer { server.stop() }
        let intake = try Binaries.account(
            server.database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: server.directory)
        var numbers: [String] = []
        for index in 0..<10 {
            let filed = try await server.file(token: sme, key: "race-\(index)")
            numbers.append(try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String))
        }
        // Three different decisions an intake officer may take on a new complaint, all based on version 1.
        let decisions: [(String, String)] = [
            ("accept", #"{"note":"材料齐全"}"#), ("request-supplement", #"{"items":"合同复印件"}"#),
            ("reject", #"{"ground":"other_exclusion","reason":"不属于受理范围"}"#),
        ]
        let outcomes = try await withThrowingTaskGroup(of: (String, UInt).self) { group in
            for number in numbers {
                for racer in 0..<10 {
                    group.addTask {
                        let (command, body) = decisions[racer % decisions.count]
                        return (number, try await server.decide(number, command, version: 1, body: body, token: intake))
                    }
                }
            }
            return try await group.reduce(into: [String: [UInt]]()) { $0[$1.0, default: []].append($1.1) }
        }
        for number in numbers {
            let statuses = outcomes[number] ?? []
            #expect(statuses.filter { $0 == 200 }.count == 1 && statuses.filter { $0 == 409 }.count == 9, "\(number): \(statuses.sorted())")
            var read = HTTPClientRequest(url: server.baseURL + "/v1/complaints/\(number)")
            read.headers.add(name: "Authorization", value: "Bearer \(intake)")
            let response = try await HTTPClient.shared.execute(read, timeout: .seconds(30))
            let detail =
                try JSONSerialization.jsonObject(with: Data((try await response.body.collect(upTo: 1 << 20)).readableBytesView)) as? [String: Any]
            let events = detail?["events"] as? [[String: Any]] ?? []
            let version = (detail?["complaint"] as? [String: Any])?["version"] as? Int
            #expect(events.count == 2 && version == 2, "\(number): filed and one decision, got \(events.count) events at version \(version ?? 0)")
        }
        let verify = try Binaries.run("arrearsd", ["audit", "verify", "--database", server.database], in: server.directory)
        #expect(verify.status == 0 && verify.output.contains("intact: 10 complaints, 20 events"), "\(verify.output)")
    }
}
