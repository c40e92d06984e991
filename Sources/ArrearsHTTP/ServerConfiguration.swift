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

    public init() {}
}
