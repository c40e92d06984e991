import ArrearsApplication
import ArrearsCore
import Foundation

/// What `arrearsd serve` is told, from flags and `ARREARS_*` environment (docs/operations.md "Configuration").
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The SQLite file of the embedded default.
    public var databasePath = "./arrears.sqlite"
    /// Seconds a connection may go without a complete request part (headers, a body chunk) before it is closed: a
    /// client that trickles its headers, or stops mid-body, holds a connection no longer than this.
    public var idleTimeoutSeconds = 30
    /// Largest request body accepted, in bytes (evidence uploads have their own limits).
    public var bodyLimit = 1_048_576
    /// Where evidence content is kept; nil: beside the database file (`arrears.sqlite` → `arrears.evidence/`).
    public var evidenceDirectory: String?
    /// Largest evidence file, in bytes (20 MiB).
    public var evidenceFileLimit = 20 * 1_048_576
    /// Most evidence one complaint may carry in all, in bytes (100 MiB).
    public var evidenceComplaintLimit = 100 * 1_048_576
    /// The supplement period in working days (DOMAIN: configurable); nil keeps the rule sets' 10.
    public var supplementWorkingDays: Int?
    /// The rating period in days (DOMAIN: configurable); nil keeps the rule sets' 15.
    public var ratingDays: Int?
    /// The respondent's feedback period in working days (DOMAIN: configurable); nil keeps the rule sets' 5.
    public var feedbackWorkingDays: Int?
    /// A supervisor's time to decide a request for review, in working days (DOMAIN: configurable); nil keeps 15.
    public var reviewWorkingDays: Int?

    /// The configurable clocks' lengths these settings ask for.
    public var stageLengths: [DeadlineStage: Int] {
        var lengths: [DeadlineStage: Int] = [:]
        lengths[.supplement] = supplementWorkingDays
        lengths[.rating] = ratingDays
        lengths[.feedback] = feedbackWorkingDays
        lengths[.reviewRequest] = reviewWorkingDays
        return lengths
    }

    /// Seconds a resolved bearer token is remembered (`TokenCache`); a revocation through another server or the CLI takes
    /// effect here within this. 0 looks every token up on every request.
    public var tokenCacheSeconds = 2
    /// How long a token from signing in lasts, in hours.
    public var sessionHours = 12
    /// bcrypt cost for new passwords (each step doubles the work); tests lower it.
    public var passwordCost: UInt8 = 11
    /// Failed sign-ins allowed per account and 15 minutes (and four times as many per address) before 429.
    public var signInAttempts = 5
    /// Complaints one account may file a minute (ten times as many per address); 0 turns the limit off (benchmarks).
    public var submissionsPerMinute = 120
    /// SME registrations allowed per address and hour.
    public var registrationsPerHour = 10
    /// Proxies whose X-Forwarded-For names the client (for the per-address limits); none by default.
    public var trustedProxies = TrustedProxies()
    /// Where notifications are posted, signed; without a URL they wait in the outbox.
    public var webhooks = WebhookSettings()

    public init() {}

    /// The limits against abuse these settings ask for.
    var abuseLimits: AbuseLimits {
        AbuseLimits(
            sessionHours: sessionHours, passwordCost: passwordCost, signInAttempts: signInAttempts, submissionsPerMinute: submissionsPerMinute,
            registrationsPerHour: registrationsPerHour)
    }

    /// The evidence folder in use: the one configured, else the database file's name with `.evidence` for its extension.
    public var resolvedEvidenceDirectory: String {
        if let evidenceDirectory { return evidenceDirectory }
        let database = URL(fileURLWithPath: databasePath)
        return database.deletingPathExtension().appendingPathExtension("evidence").path
    }
}
