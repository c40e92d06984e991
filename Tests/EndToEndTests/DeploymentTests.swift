import Foundation
import Testing

/// The deployment files as operators run them: the proxy's rules with a real Caddy in front of a real arrearsd, and the
/// systemd unit through `systemd-analyze security`. CI installs both tools (.ci/run); without them these report skipped.
@Suite("The deployment edge, checked with the operators' own tools", .serialized)
struct DeploymentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static func freePort() throws -> Int {
        let result = try Binaries.run(
            "/usr/bin/python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
            in: URL(fileURLWithPath: "/tmp"))
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// The status and body of a GET through curl (the path sent exactly as written), trusting Caddy's internal CA.
    static func get(_ url: String, in directory: URL) throws -> (status: Int, body: String) {
        let body = directory.appendingPathComponent("body-\(UUID().uuidString)")
        let result = try Binaries.run(
            "/usr/bin/curl", ["-sk", "--path-as-is", "--max-time", "10", "-o", body.path, "-w", "%{http_code}", url], in: directory)
        return (Int(result.output) ?? 0, (try? String(contentsOf: body, encoding: .utf8)) ?? "")
    }

    @Test(
        "Through Caddy, /metrics and /readyz answer 404 however they are spelt, while the API answers",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/caddy")))
    func proxyKeepsMonitoringInside() async throws {
        let (server, _) = try ServerProcess.startedForExampleSME()
        defer { server.stop() }
        let directory = server.directory
        let (https, http, admin) = (try Self.freePort(), try Self.freePort(), try Self.freePort())
        let caddy = Process()
        caddy.executableURL = URL(fileURLWithPath: "/usr/bin/caddy")
        caddy.arguments = ["run", "--config", Self.repository.appendingPathComponent("Deploy/Caddyfile").path, "--adapter", "caddyfile"]
        caddy.currentDirectoryURL = directory
        caddy.environment = [
            "HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path, "ARREARS_SITE": "https://127.0.0.1:\(https)",
            "ARREARS_CADDY_HTTP_PORT": String(http), "ARREARS_CADDY_ADMIN": "127.0.0.1:\(admin)",
            "ARREARS_UPSTREAMS": "127.0.0.1:\(server.baseURL.split(separator: ":").last!)",
        ]
        let log = directory.appendingPathComponent("caddy.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        caddy.standardOutput = try FileHandle(forWritingTo: log)
        caddy.standardError = caddy.standardOutput
        try caddy.run()
        defer {
            caddy.terminate()
            caddy.waitUntilExit()
        }
        let base = "https://127.0.0.1:\(https)"
        let deadline = Date().addingTimeInterval(30)
        while try Self.get(base + "/healthz", in: directory).status != 200, Date() < deadline, caddy.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        let caddyLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(try Self.get(base + "/healthz", in: directory).status == 200, "\(caddyLog)")
        #expect(try Self.get(base + "/v1/me", in: directory).status == 401, "the API is reached through the proxy")
        // The server behind answers /metrics/ and //metrics with every metric; the proxy must not pass them on.
        #expect(try Self.get(server.baseURL + "/metrics/", in: directory).body.contains("http_server_requests_total"))
        for path in ["/metrics", "/metrics/", "/METRICS", "/Metrics/", "//metrics", "/metrics/x", "/./metrics", "/%6detrics", "/readyz", "/readyz/"] {
            let answer = try Self.get(base + path, in: directory)
            #expect(answer.status == 404 && !answer.body.contains("http_server"), "\(path): \(answer.status)")
        }
    }

    @Test(
        "The systemd unit keeps files private (UMask) and its exposure low by systemd-analyze's measure",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func systemdUnit() throws {
        let directory = try ServerProcess.temporaryDirectory()
        // systemd-analyze names the unit by its file; a copy keeps the repository's path out of it.
        let unit = directory.appendingPathComponent("arrearsd.service")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Deploy/arrearsd.service"), to: unit)
        let result = try Binaries.run("/usr/bin/systemd-analyze", ["security", "--offline=true", "--threshold=20", unit.path], in: directory)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("✓ UMask="), "\(result.output)")
    }
}
