import ArgumentParser
import ArrearsHTTP
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Everything `arrearsd serve` is told, from flags, `ARREARS_*` environment, the config file and defaults, in that order;
/// `arrearsd config print` shows the same resolution.
struct ServeOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env ARREARS_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (env ARREARS_PORT; default 8080).")
    var port: Int?

    @Option(help: "Largest request body in bytes (env ARREARS_BODY_LIMIT; default 1048576).")
    var bodyLimit: Int?

    @Option(
        help:
            "Seconds a resolved bearer token is remembered; revocations made elsewhere take effect within this, 0 looks up every time (env ARREARS_TOKEN_CACHE_SECONDS; default 2)."
    )
    var tokenCacheSeconds: Int?

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

    @Option(help: "Working days a notified respondent has to answer before a 督办书 is due (env ARREARS_FEEDBACK_WORKING_DAYS; default 5).")
    var feedbackWorkingDays: Int?

    @Option(help: "Working days a supervisor has to decide a request for review (env ARREARS_REVIEW_WORKING_DAYS; default 15).")
    var reviewWorkingDays: Int?

    @Option(help: "Hours a token from signing in with a password lasts (env ARREARS_SESSION_HOURS; default 12).")
    var sessionHours: Int?

    @Option(
        help:
            "Complaints one account may file a minute, ten times as many per address; 0: no limit (env ARREARS_SUBMISSIONS_PER_MINUTE; default 120).")
    var submissionsPerMinute: Int?

    @Option(help: "Failed sign-ins allowed per account in 15 minutes, four times as many per address (env ARREARS_SIGN_IN_ATTEMPTS; default 5).")
    var signInAttempts: Int?

    @Option(
        help:
            "Reverse proxies (IP addresses, comma-separated) whose X-Forwarded-For names the client for per-address limits (env ARREARS_TRUSTED_PROXIES; default none)."
    )
    var trustedProxies: String?

    @Option(help: "URL notifications are posted to, signed (env ARREARS_WEBHOOK_URL; default: none, they wait in the outbox).")
    var webhookUrl: String?

    @Option(help: "The receiver's shared secret, whsec_ and base64 (env ARREARS_WEBHOOK_SECRET; required with a webhook URL).")
    var webhookSecret: String?

    @Option(help: "Attempts before a notification is given up as dead (env ARREARS_WEBHOOK_MAX_ATTEMPTS; default 8).")
    var webhookMaxAttempts: Int?

    @Option(help: "Milliseconds before the first retry, doubled for each further one (env ARREARS_WEBHOOK_RETRY_BASE_MS; default 30000).")
    var webhookRetryBaseMs: Int?

    /// The server's configuration, the log settings, and where each value came from.
    func resolve() throws -> (configuration: ServerConfiguration, logLevel: Logger.Level, logFormat: String, settings: Settings) {
        var settings = Settings()
        var configuration = ServerConfiguration()
        settings.note("database", database.display, source: database.source)
        configuration.host = settings.string("host", flag: host) ?? configuration.host
        if let port = try settings.integer("port", flag: port, default: configuration.port) { configuration.port = port }
        if let limit = try settings.integer("body-limit", flag: bodyLimit, default: configuration.bodyLimit) { configuration.bodyLimit = limit }
        if let days = try settings.integer("supplement-working-days", flag: supplementWorkingDays, default: 10) {
            configuration.supplementWorkingDays = days
        }
        if let days = try settings.integer("rating-days", flag: ratingDays, default: 15) { configuration.ratingDays = days }
        if let days = try settings.integer("feedback-working-days", flag: feedbackWorkingDays, default: 5) {
            configuration.feedbackWorkingDays = days
        }
        if let days = try settings.integer("review-working-days", flag: reviewWorkingDays, default: 15) {
            configuration.reviewWorkingDays = days
        }
        if let hours = try settings.integer("session-hours", flag: sessionHours, default: configuration.sessionHours) {
            configuration.sessionHours = hours
        }
        if let attempts = try settings.integer("sign-in-attempts", flag: signInAttempts, default: configuration.signInAttempts) {
            configuration.signInAttempts = attempts
        }
        if let perMinute = try settings.integer("submissions-per-minute", flag: submissionsPerMinute, default: configuration.submissionsPerMinute) {
            configuration.submissionsPerMinute = perMinute
        }
        if !database.isPostgres { configuration.databasePath = database.location }
        if let seconds = try settings.integer("token-cache-seconds", flag: tokenCacheSeconds, default: configuration.tokenCacheSeconds) {
            configuration.tokenCacheSeconds = seconds
        }
        if let seconds = try settings.integer("idle-timeout", flag: idleTimeout, default: configuration.idleTimeoutSeconds) {
            configuration.idleTimeoutSeconds = seconds
        }
        // Replicas on PostgreSQL share one evidence folder (a shared volume); there is no database file to put it beside.
        configuration.evidenceDirectory = settings.string("evidence-dir", flag: evidenceDir) ?? (database.isPostgres ? "./arrears.evidence" : nil)
        settings.show("evidence-dir", as: configuration.resolvedEvidenceDirectory)
        if let limit = try settings.integer("evidence-file-limit", flag: evidenceFileLimit, default: configuration.evidenceFileLimit) {
            configuration.evidenceFileLimit = limit
        }
        if let limit = try settings.integer("evidence-complaint-limit", flag: evidenceComplaintLimit, default: configuration.evidenceComplaintLimit) {
            configuration.evidenceComplaintLimit = limit
        }
        do {
            configuration.trustedProxies =
                try settings.string("trusted-proxies", flag: trustedProxies).map(TrustedProxies.init(list:)) ?? TrustedProxies()
        } catch { throw ValidationError(String(describing: error)) }
        configuration.webhooks.url = settings.string("webhook-url", flag: webhookUrl)
        configuration.webhooks.secret = settings.string("webhook-secret", flag: webhookSecret, secret: true)
        if let attempts = try settings.integer("webhook-max-attempts", flag: webhookMaxAttempts, default: configuration.webhooks.maxAttempts) {
            configuration.webhooks.maxAttempts = attempts
        }
        if let base = try settings.integer(
            "webhook-retry-base-ms", flag: webhookRetryBaseMs, default: configuration.webhooks.retryBaseMilliseconds)
        {
            configuration.webhooks.retryBaseMilliseconds = base
            configuration.webhooks.pollMilliseconds = min(1_000, max(50, base / 2))
        }
        let levelName = settings.string("log-level", flag: logLevel) ?? "info"
        guard let level = Logger.Level(rawValue: levelName) else { throw ValidationError("unknown log level \(levelName)") }
        let format = settings.string("log-format", flag: logFormat) ?? (isatty(STDERR_FILENO) != 0 ? "text" : "json")
        guard ["text", "json"].contains(format) else { throw ValidationError("the log format is text or json, got \(format)") }
        settings.show("host", as: configuration.host)
        settings.show("log-format", as: format)
        try Serve.check(configuration)
        return (configuration, level, format, settings)
    }
}
