import ArgumentParser
import ArrearsCore
import ArrearsHTTP
import ArrearsSQLite
import ArrearsStore
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

#if canImport(Glibc)
    import Glibc
#endif

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

    @Option(help: "Seconds a connection may wait between complete request parts before it is closed (env ARREARS_IDLE_TIMEOUT; default 30).")
    var idleTimeout: Int?

    @Option(
        help:
            "Folder for evidence files, shared by every replica (env ARREARS_EVIDENCE_DIR; default: the SQLite file's name with .evidence, or ./arrears.evidence)."
    )
    var evidenceDir: String?

    @Option(help: "Largest evidence file in bytes (env ARREARS_EVIDENCE_FILE_LIMIT; default 20971520, 20 MiB).")
    var evidenceFileLimit: Int?

    @Option(help: "Most evidence one complaint may carry in bytes (env ARREARS_EVIDENCE_COMPLAINT_LIMIT; default 104857600, 100 MiB).")
    var evidenceComplaintLimit: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env ARREARS_LOG_LEVEL; default info).")
    var logLevel: String?

    @Option(help: "json (one object a line, for collectors) or text (env ARREARS_LOG_FORMAT; default text on a terminal, json otherwise).")
    var logFormat: String?

    @Option(
        help:
            "Working days a complainant has to supply missing material before the complaint lapses (env ARREARS_SUPPLEMENT_WORKING_DAYS; default 10)."
    )
    var supplementWorkingDays: Int?

    @Option(help: "Days the complainant has to rate a result before it may be closed unrated (env ARREARS_RATING_DAYS; default 15).")
    var ratingDays: Int?

    @Option(help: "Hours a token from signing in with a password lasts (env ARREARS_SESSION_HOURS; default 12).")
    var sessionHours: Int?

    @Option(
        help:
            "Complaints one account may file a minute, ten times as many per address; 0: no limit (env ARREARS_SUBMISSIONS_PER_MINUTE; default 120).")
    var submissionsPerMinute: Int?

    @Option(help: "Failed sign-ins allowed per account in 15 minutes, four times as many per address (env ARREARS_SIGN_IN_ATTEMPTS; default 5).")
    var signInAttempts: Int?

    @Option(help: "URL notifications are posted to, signed (env ARREARS_WEBHOOK_URL; default: none, they wait in the outbox).")
    var webhookUrl: String?

    @Option(help: "The receiver's shared secret, whsec_ and base64 (env ARREARS_WEBHOOK_SECRET; required with a webhook URL).")
    var webhookSecret: String?

    @Option(help: "Attempts before a notification is given up as dead (env ARREARS_WEBHOOK_MAX_ATTEMPTS; default 8).")
    var webhookMaxAttempts: Int?

    @Option(help: "Milliseconds before the first retry, doubled for each further one (env ARREARS_WEBHOOK_RETRY_BASE_MS; default 30000).")
    var webhookRetryBaseMs: Int?

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host ?? Environment.value("HOST") ?? configuration.host
        if let port = try port ?? Environment.integer("PORT") { configuration.port = port }
        if let limit = try bodyLimit ?? Environment.integer("BODY_LIMIT") {
            configuration.bodyLimit = limit
        }
        if let days = try supplementWorkingDays ?? Environment.integer("SUPPLEMENT_WORKING_DAYS") {
            configuration.supplementWorkingDays = days
        }
        if let days = try ratingDays ?? Environment.integer("RATING_DAYS") {
            configuration.ratingDays = days
        }
        if let hours = try sessionHours ?? Environment.integer("SESSION_HOURS") { configuration.sessionHours = hours }
        if let attempts = try signInAttempts ?? Environment.integer("SIGN_IN_ATTEMPTS") { configuration.signInAttempts = attempts }
        if let perMinute = try submissionsPerMinute ?? Environment.integer("SUBMISSIONS_PER_MINUTE") {
            configuration.submissionsPerMinute = perMinute
        }
        if !database.isPostgres { configuration.databasePath = database.location }
        if let seconds = try idleTimeout ?? Environment.integer("IDLE_TIMEOUT") { configuration.idleTimeoutSeconds = seconds }
        // Replicas on PostgreSQL share one evidence folder (a shared volume); there is no database file to put it beside.
        configuration.evidenceDirectory = evidenceDir ?? Environment.value("EVIDENCE_DIR") ?? (database.isPostgres ? "./arrears.evidence" : nil)
        if let limit = try evidenceFileLimit ?? Environment.integer("EVIDENCE_FILE_LIMIT") { configuration.evidenceFileLimit = limit }
        if let limit = try evidenceComplaintLimit ?? Environment.integer("EVIDENCE_COMPLAINT_LIMIT") { configuration.evidenceComplaintLimit = limit }
        configuration.webhooks.url = webhookUrl ?? Environment.value("WEBHOOK_URL")
        configuration.webhooks.secret = webhookSecret ?? Environment.value("WEBHOOK_SECRET")
        if let attempts = try webhookMaxAttempts ?? Environment.integer("WEBHOOK_MAX_ATTEMPTS") { configuration.webhooks.maxAttempts = attempts }
        if let base = try webhookRetryBaseMs ?? Environment.integer("WEBHOOK_RETRY_BASE_MS") {
            configuration.webhooks.retryBaseMilliseconds = base
            configuration.webhooks.pollMilliseconds = min(1_000, max(50, base / 2))
        }
        try Self.check(configuration)
        let levelName = logLevel ?? Environment.value("LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelName) else { throw ValidationError("unknown log level \(levelName)") }
        let format = logFormat ?? Environment.value("LOG_FORMAT") ?? (isatty(STDERR_FILENO) != 0 ? "text" : "json")
        guard ["text", "json"].contains(format) else { throw ValidationError("the log format is text or json, got \(format)") }
        LoggingSystem.bootstrap { label in
            if format == "json" {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "arrearsd")
        let store = try await database.openStore()
        let (host, path) = (configuration.host, database.display)
        // Imported holiday tables load over the shipped one; a table imported while serving takes effect on restart.
        let calendar = try await store.workingDayCalendar()
        let lastDay = try CSTDate(year: calendar.years.upperBound, month: 12, day: 31)
        if CSTDate(Date()).days(until: lastDay) < 60 {
            // The State Council publishes next year's table in November; say so before deadlines start failing to count.
            logger.warning(
                "the working-day calendar ends on \(lastDay); deadlines past it cannot be counted until next year's table is loaded (arrearsd calendar import FILE)"
            )
        }
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let app = try buildApplication(configuration: configuration, store: store, calendar: calendar, metrics: metrics, logger: logger) { port in
            // Scripts and tests read this line to learn the port when it was 0.
            FileHandle.standardOutput.write(Data("arrearsd listening on http://\(host):\(port) database \(path)\n".utf8))
        }
        try await app.runService()
    }

    /// Ranges checked after flags and environment are merged, so both sources meet the same rules.
    static func check(_ configuration: ServerConfiguration) throws {
        guard (0...65535).contains(configuration.port) else { throw ValidationError("the port must be 0–65535") }
        guard (1...3600).contains(configuration.idleTimeoutSeconds) else { throw ValidationError("the idle timeout must be 1–3600 seconds") }
        guard configuration.bodyLimit >= 1024 else { throw ValidationError("the body limit must be at least 1024 bytes") }
        guard configuration.evidenceFileLimit >= 1024, configuration.evidenceComplaintLimit >= configuration.evidenceFileLimit else {
            throw ValidationError("the evidence file limit must be at least 1024 bytes, and a complaint's at least one file's")
        }
        guard (1...60).contains(configuration.supplementWorkingDays ?? 10) else {
            throw ValidationError("the supplement period must be 1–60 working days")
        }
        guard (1...720).contains(configuration.sessionHours) else { throw ValidationError("a session lasts 1–720 hours") }
        guard (0...100_000).contains(configuration.submissionsPerMinute) else { throw ValidationError("submissions per minute must be 0–100000") }
        guard (1...100).contains(configuration.signInAttempts) else { throw ValidationError("sign-in attempts must be 1–100") }
        guard (1...90).contains(configuration.ratingDays ?? 15) else { throw ValidationError("the rating period must be 1–90 days") }
        if let url = configuration.webhooks.url {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw ValidationError("the webhook URL must be http(s)://host/…, got \(url)")
            }
            guard let secret = configuration.webhooks.secret else { throw ValidationError("a webhook URL needs --webhook-secret (whsec_…)") }
            do { _ = try WebhookSigner(secret: secret) } catch { throw ValidationError(String(describing: error)) }
        }
        guard (1...30).contains(configuration.webhooks.maxAttempts) else { throw ValidationError("webhook attempts must be 1–30") }
        guard (10...3_600_000).contains(configuration.webhooks.retryBaseMilliseconds) else {
            throw ValidationError("the webhook retry base must be 10–3600000 ms")
        }
    }
}
