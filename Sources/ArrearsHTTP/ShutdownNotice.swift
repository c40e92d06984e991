import Logging
import ServiceLifecycle

/// Says in the log when a shutdown begins (SIGTERM or SIGINT): the server stops taking connections and finishes the
/// requests in flight; `arrearsd serve` says "stopped" when they are done.
struct ShutdownNotice: Service {
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("shutting down: no new connections; finishing the requests in flight")
    }
}

extension Logger {
    /// A copy of `logger` that writes notices whatever its level: starting, where it listens, stopping.
    public static func announcing(from logger: Logger) -> Logger {
        var announcer = logger
        announcer.logLevel = min(logger.logLevel, .notice)
        return announcer
    }
}
