import ArrearsMessages
import ArrearsStore
import HTTPTypes
import Synchronization

/// Per-request values the OpenAPI handlers cannot receive as arguments; set by middleware for the
/// duration of one request's task.
enum RequestValues {
    @TaskLocal static var account: Account?
    @TaskLocal static var requestID: String?
    /// The peer's IP address, for limits per address.
    @TaskLocal static var clientAddress: String?
    /// The digest of the bearer token the request came with, so sign-out ends that session.
    @TaskLocal static var tokenDigest: String?
    /// Response headers a handler sets verbatim; the OpenAPI runtime would percent-encode them (RFC 6266 values).
    @TaskLocal static var verbatimHeaders: VerbatimHeaders?
    /// The reader's language (Accept-Language), which answers word their facts in.
    @TaskLocal static var wording = Wording(.chinese)
}

/// Headers a handler hands to `ProblemMiddleware` to set on its response unencoded.
final class VerbatimHeaders: Sendable {
    private let fields = Mutex(HTTPFields())

    func set(_ name: HTTPField.Name, _ value: String) {
        fields.withLock { $0[name] = value }
    }

    var all: HTTPFields { fields.withLock { $0 } }
}
