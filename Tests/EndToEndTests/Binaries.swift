import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The built `arrearsd` and `arrearsctl`, run as real processes.
enum Binaries {
    /// Beside the test bundle: `swift test` builds the executables into the same folder.
    static var folder: URL {
        if let explicit = ProcessInfo.processInfo.environment["ARREARS_BIN_DIR"] { return URL(fileURLWithPath: explicit) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("arrearsd").path) { return url }
        }
        fatalError("arrearsd not found near \(CommandLine.arguments[0]); run `swift build` first or set ARREARS_BIN_DIR")
    }

    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs a binary to completion.
    static func run(
        _ name: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil, in directory: URL
    ) throws -> Result {
        let process = Process()
        process.executableURL = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }
}

/// A running `arrearsd serve` on 127.0.0.1 and a free port, with its database in a folder of its own.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let directory: URL
    let database: String
    /// Flags added to `arrearsd serve`.
    var extraArguments: [String] = []
    private(set) var port = 0

    init(directory: URL, database: String? = nil) {
        self.directory = directory
        self.database = database ?? directory.appendingPathComponent("arrears.sqlite").path
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Everything the server logged (its standard error).
    var logFile: URL { directory.appendingPathComponent("arrearsd.log") }

    /// Starts the server and waits for the log line that says where it listens.
    func start() throws {
        process.executableURL = Binaries.folder.appendingPathComponent("arrearsd")
        process.arguments = ["serve", "--port", "0", "--database", database, "--log-level", "warning"] + extraArguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while Date() < deadline, process.isRunning {
            text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let range = text.range(of: #""url":"http://127\.0\.0\.1:(\d+)""#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last!.dropLast())!
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "arrearsd did not start: \(text)"])
    }

    /// SIGKILL: no chance to flush or finish anything.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM: the server stops taking connections and finishes what is in flight.
    func terminate() {
        process.terminate()
    }

    func waitUntilExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Binaries {
    /// `arrearsd account create` on a database file; the token it prints.
    static func account(_ database: String, _ arguments: [String], in directory: URL) throws -> String {
        let result = try run("arrearsd", ["account", "create", "--database", database] + arguments, in: directory)
        #expect(result.status == 0, "account create: \(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The SME of the contract's example filing, by its credit code.
    static let exampleSME = ["--role", "sme", "--name", "杭州示例建设有限公司", "--credit-code", "91330100716105852F"]
}

extension ServerProcess {
    /// A new folder and database holding the example SME's account, and a server started on it with `arguments`; the
    /// SME's token. The caller stops the server.
    static func startedForExampleSME(_ arguments: [String] = []) throws -> (server: ServerProcess, token: String) {
        let directory = try temporaryDirectory()
        let server = ServerProcess(directory: directory)
        let token = try Binaries.account(server.database, Binaries.exampleSME, in: directory)
        server.extraArguments = arguments
        try server.start()
        return (server, token)
    }

    /// Files the contract's example complaint (Schemas/examples/filing.json) with a token; the status and the JSON answer.
    func file(token: String, key: String? = nil, timeout: Int64 = 30) async throws -> (status: UInt, body: [String: Any]) {
        var request = HTTPClientRequest(url: baseURL + "/v1/complaints")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key { request.headers.add(name: "Idempotency-Key", value: key) }
        request.body = .bytes(ByteBuffer(string: WalkthroughTests.filing))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status.code, object)
    }

    /// Posts a decision (`accept`, `forward`, …) on a complaint as an official, based on `version`; the status.
    func decide(_ number: String, _ command: String, version: Int, body: String, token: String) async throws -> UInt {
        var request = HTTPClientRequest(url: baseURL + "/v1/complaints/\(number)/\(command)")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "If-Match", value: "\"\(version)\"")
        request.body = .bytes(ByteBuffer(string: body))
        return try await HTTPClient.shared.execute(request, timeout: .seconds(60)).status.code
    }
}
