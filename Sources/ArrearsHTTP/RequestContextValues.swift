import ArrearsStore

/// Per-request values the OpenAPI handlers cannot receive as arguments; set by middleware for the
/// duration of one request's task.
enum RequestValues {
    @TaskLocal static var account: Account?
    @TaskLocal static var requestID: String?
    /// The peer's IP address, for limits per address.
    @TaskLocal static var clientAddress: String?
    /// The digest of the bearer token the request came with, so sign-out ends that session.
    @TaskLocal static var tokenDigest: String?
}
