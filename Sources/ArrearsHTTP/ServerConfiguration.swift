import ArrearsCore

/// What `arrearsd serve` is told, from flags and `ARREARS_*` environment (README "Configuration").
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The SQLite file of the embedded default.
    public var databasePath = "./arrears.sqlite"
    /// Largest request body accepted, in bytes.
    public var bodyLimit = 1_048_576
    /// The supplement period in working days (DOMAIN: configurable); nil keeps the rule sets' 10.
    public var supplementWorkingDays: Int?
    /// The rating period in days (DOMAIN: configurable); nil keeps the rule sets' 15.
    public var ratingDays: Int?

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

    public init() {}
}
