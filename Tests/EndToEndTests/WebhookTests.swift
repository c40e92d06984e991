import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Notifications from a real `arrearsd` to a real receiver (Python's http.server, checking the Standard Webhooks
/// signature the way a receiver's library would).
@Suite("Webhook notifications", .serialized)
struct WebhookTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqr"

    /// Records each POST as one JSON line (its headers, body and whether the signature checks) and answers 204, or 401 for a
    /// bad signature.
    static let receiver = #"""
        import base64, hashlib, hmac, http.server, json, os, signal, sys, threading, time
        port, log, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        # Never outlive the test: gone when the test process is (a crash, a CI timeout), and after two minutes in any case.
        # The test runner's ignored or blocked signals are inherited; SIGTERM and SIGALRM get their default meaning back.
        for number in (signal.SIGTERM, signal.SIGALRM): signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGALRM})
        parent = os.getppid()
        signal.alarm(120)
        def watch():
            while os.getppid() == parent: time.sleep(0.5)
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        key = base64.b64decode(secret.removeprefix("whsec_"))
        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                signed = f'{self.headers["webhook-id"]}.{self.headers["webhook-timestamp"]}.'.encode() + body
                expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
                valid = any(hmac.compare_digest(expected, s) for s in self.headers["webhook-signature"].split(" "))
                with open(log, "a") as f:
                    f.write(json.dumps({"id": self.headers["webhook-id"], "valid": valid, "body": json.loads(body)}) + "\n")
                self.send_response(204 if valid else 401)
                self.end_headers()
            def log_message(self, *args): pass
        http.server.HTTPServer(("127.0.0.1", port), Hook).serve_forever()
        """#

    /// A port nothing listens on yet.
    static func freePort(in directory: URL) throws -> Int {
        let found = try Binaries.run(
            "/usr/bin/python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"], in: directory)
        return try #require(Int(found.output.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Starts the receiver on `port`; the caller stops it with `stop(_:)`.
    static func startReceiver(port: Int, log: URL, in directory: URL) throws -> Process {
        let script = directory.appendingPathComponent("receiver.py")
        try receiver.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, String(port), log.path, secret]
        // Not the test's own output: a child holding that pipe open would keep `swift test` waiting after a crash.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Ends the receiver and waits until it has, so no test leaves it running. SIGKILL, because a SIGTERM the test runner
    /// ignores is ignored by its children too: that is how receivers outlived earlier runs.
    static func stop(_ receiver: Process) {
        kill(receiver.processIdentifier, SIGKILL)
        receiver.waitUntilExit()
    }

    /// Polls until `condition` holds, for at most `seconds`.
    static func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    @Test("Receiver down, then up: the forwarded complaint's notification arrives once, signed; a dead one is sent again on retry")
    func redeliveryAfterOutage() async throws {
        let directory = try ServerProcess.temporaryDirectory()
        let port = try Self.freePort(in: directory)
        let log = directory.appendingPathComponent("received.jsonl")
        let server = ServerProcess(directory: directory)
        let sme = try Binaries.account(server.database, Binaries.exampleSME, in: directory)
        let intake = try Binaries.account(server.database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        let admin = try Binaries.account(server.database, ["--role", "admin", "--name", "平台运维"], in: directory)
        server.extraArguments = [
            "--webhook-url", "http://127.0.0.1:\(port)/hooks/arrears", "--webhook-secret", Self.secret, "--webhook-retry-base-ms", "200",
            "--webhook-max-attempts", "5",
        ]
        try server.start()
        defer { server.stop() }
        func ctl(_ arguments: [String]) throws -> Binaries.Result {
            try Binaries.run(
                "arrearsctl", arguments,
                environment: [
                    "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": admin, "ARREARS_CONFIG": directory.path + "/ctl", "LANG": "en_US.UTF-8",
                    "LC_ALL": "",
                ],
                in: directory)
        }
        func act(_ number: String, _ command: String, version: Int, _ body: String) async throws -> UInt {
            try await server.decide(number, command, version: version, body: body, token: intake)
        }

        // Two complaints forwarded while nothing listens: each notification is tried, fails, and waits.
        var numbers: [String] = []
        for index in 0..<2 {
            let filed = try await server.file(token: sme, key: "hook-\(index)")
            let number = try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String)
            #expect(try await act(number, "accept", version: 1, #"{"note":"材料齐全"}"#) == 200)
            #expect(try await act(number, "forward", version: 2, #"{"department":"ZJ-EDU"}"#) == 200)
            numbers.append(number)
        }
        // With five attempts 200 ms apart and doubling, both are dead within about seven seconds.
        let dead = try await Self.eventually(20) {
            let listed = try ctl(["webhooks", "list", "--state", "dead", "--json"])
            return listed.output.components(separatedBy: "\"complaint.forwarded\"").count - 1 == 2
        }
        let listing = try ctl(["webhooks", "list"]).output
        #expect(dead, "both notifications given up after five refused attempts: \(listing)")
        let table = try ctl(["webhooks", "list"]).output
        #expect(table.contains("department:ZJ-EDU") && table.contains("dead") && table.contains(" 5 "), "\(table)")

        // A third forwarded while the receiver is still down stays pending and retries; the receiver comes up and it arrives.
        let receiver = try Self.startReceiver(port: port, log: log, in: directory)
        defer { Self.stop(receiver) }
        let filed = try await server.file(token: sme, key: "hook-2")
        let third = try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String)
        #expect(try await act(third, "accept", version: 1, "{}") == 200)
        #expect(try await act(third, "forward", version: 2, #"{"department":"ZJ-EDU"}"#) == 200)
        func received() throws -> [[String: Any]] {
            guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
            return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        #expect(try await Self.eventually(15) { try received().count >= 1 }, "the third notification arrives")
        // The dead ones stay dead until an admin says otherwise.
        let soFar = try received()
        #expect(soFar.count == 1, "dead letters are not sent by themselves: \(soFar)")
        let retried = try ctl(["webhooks", "retry", "--all-dead"])
        #expect(retried.status == 0 && retried.output.components(separatedBy: "is pending again").count - 1 == 2, "\(retried.output)\(retried.error)")
        // Until the server has recorded all three as delivered, after which it sends none of them again; only then is
        // "exactly once" a fact to check rather than a race.
        let settled = try await Self.eventually(15) {
            let delivered = try ctl(["webhooks", "list", "--state", "delivered", "--json"]).output
            return try delivered.components(separatedBy: "\"complaint.forwarded\"").count - 1 == 3 && received().count >= 3
        }
        #expect(settled, "the two retried notifications arrive and all three are recorded as delivered")

        let messages = try received()
        #expect(messages.count == 3, "each notification arrives exactly once: \(messages.map { $0["id"] ?? "" })")
        #expect(messages.allSatisfy { $0["valid"] as? Bool == true }, "every signature checks with the shared secret")
        let bodies = messages.compactMap { $0["body"] as? [String: Any] }
        #expect(bodies.allSatisfy { $0["type"] as? String == "complaint.forwarded" })
        let complaints = Set(bodies.compactMap { ($0["data"] as? [String: Any])?["complaint"] as? String })
        #expect(complaints == Set(numbers + [third]), "one for each forwarded complaint: \(complaints)")
        #expect(bodies.allSatisfy { ($0["data"] as? [String: Any])?["recipient"] as? String == "department:ZJ-EDU" })
        let raw = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!raw.contains("87000000") && !raw.contains("wang.fang"), "the filing's contact (0571-87000000, wang.fang@…) never leaves")
        let delivered = try ctl(["webhooks", "list", "--state", "delivered", "--json"]).output
        #expect(delivered.components(separatedBy: "\"delivered\"").count - 1 >= 3, "\(delivered)")
        let audit = try ctl(["audit", "log", "--subject", "outbox 1"])
        #expect(audit.output.contains("webhook.retried"), "a retry is in the security log: \(audit.output)")
    }
}
