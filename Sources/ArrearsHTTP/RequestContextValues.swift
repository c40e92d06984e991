import ArrearsStore

/// Per-request values the OpenAPI handlers cannot receive as arguments; set by middleware for the
/// duration of one request's task.
enum RequestValues {
    @TaskLocal static var account: Account?
    @TaskLocal static var requestID: String?
}
