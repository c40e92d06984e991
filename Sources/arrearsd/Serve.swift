import ArgumentParser
import ArrearsHTTP
import ArrearsSQLite
import Foundation
import Hummingbird
import Logging

/// `arrearsd serve`: migrate the database if needed and serve the API until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API (the default command).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env ARREARS_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (env ARREARS_PORT; default 8080).")
    var port: Int?

    @Option(help: "Largest request body in bytes (env ARREARS_BODY_LIMIT; default 1048576).")
    var bodyLimit: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env ARREARS_LOG_LEVEL; default info).")
    var logLevel: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0–65535") }
        if let bodyLimit, bodyLimit < 1024 { throw ValidationError("--body-limit must be at least 1024 bytes") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host ?? Environment.value("HOST") ?? configuration.host
        if let port = try port ?? Environment.value("PORT").map({ try Self.integer($0, "ARREARS_PORT") }) { configuration.port = port }
        if let limit = try bodyLimit ?? Environment.value("BODY_LIMIT").map({ try Self.integer($0, "ARREARS_BODY_LIMIT") }) {
            configuration.bodyLimit = limit
        }
        configuration.databasePath = database.path
        let level = Logger.Level(rawValue: logLevel ?? Environment.value("LOG_LEVEL") ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "arrearsd")
        let store = try database.openStore()
        let (host, path) = (configuration.host, configuration.databasePath)
        let app = try buildApplication(configuration: configuration, store: store, logger: logger) { port in
            // Scripts and tests read this line to learn the port when it was 0.
            FileHandle.standardOutput.write(Data("arrearsd listening on http://\(host):\(port) database \(path)\n".utf8))
        }
        try await app.runService()
    }

    static func integer(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("\(name) must be a whole number, got \(text)") }
        return value
    }
}
