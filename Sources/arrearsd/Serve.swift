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

/// `arrearsd serve`: migrate the database if needed and serve the API until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the HTTP API (the default command).")

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let (configuration, level, format, _) = try options.resolve()
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
        try await options.database.withStore { store in
            let (host, path) = (configuration.host, options.database.display)
            // Imported holiday tables load over the shipped one; a table imported while serving counts within a second.
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
            // Starting, stopping and where it listens are written whatever the log level (scripts and tests read the URL
            // when the port was 0), as log lines like any other.
            let announcer = Logger.announcing(from: logger)
            let app = try buildApplication(configuration: configuration, store: store, metrics: metrics, logger: logger) { port in
                announcer.notice("listening", metadata: ["url": "http://\(host):\(port)", "database": "\(path)"])
            }
            try await app.runService()
            announcer.notice("stopped")
        }
    }

    /// Ranges checked after flags and environment are merged, so both sources meet the same rules.
    static func check(_ configuration: ServerConfiguration) throws {
        guard (0...65535).contains(configuration.port) else { throw ValidationError("the port must be 0–65535") }
        guard (1...3600).contains(configuration.idleTimeoutSeconds) else { throw ValidationError("the idle timeout must be 1–3600 seconds") }
        guard (0...60).contains(configuration.tokenCacheSeconds) else { throw ValidationError("--token-cache-seconds must be 0–60") }
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
        guard (1...30).contains(configuration.feedbackWorkingDays ?? 5) else {
            throw ValidationError("the respondent's feedback period must be 1–30 working days")
        }
        guard (1...60).contains(configuration.reviewWorkingDays ?? 15) else { throw ValidationError("the review period must be 1–60 working days") }
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
