import Hummingbird
import Prometheus
import Synchronization

/// Counts every request by route, method and status, counts those answered 4xx or 5xx as errors, and times them, in
/// metrics `promtool check metrics` accepts (counters end in `_total`, each metric has help text). Outside
/// `ProblemMiddleware`, so a refusal is counted with the status it was answered with — Hummingbird's own middleware saw
/// only thrown errors, which our problem answers never are, and labelled its error counter 200.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let series: RequestSeries

    init(registry: PrometheusCollectorRegistry) {
        series = RequestSeries(registry: registry)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let active = series.active(request.method.rawValue)
        active.increment()
        defer { active.decrement() }
        let response = try await next(request, context)
        // Recorded when the response is ready; a streamed body (an export, an evidence download) goes on after.
        let recorded = series.of(route: context.endpointPath ?? "unknown", method: request.method.rawValue, status: Int(response.status.code))
        recorded.requests.increment()
        recorded.errors?.increment()
        recorded.duration.record(ContinuousClock.now - start)
        return response
    }
}

/// The metrics of each route, method and status, made once: the registry's own lookup builds label strings and takes its
/// lock on every call, which showed on the no-op route.
final class RequestSeries: Sendable {
    struct Recorded: Sendable {
        let requests: Counter
        let errors: Counter?
        let duration: DurationHistogram
    }

    let registry: PrometheusCollectorRegistry
    private let cache = Mutex<(series: [String: Recorded], active: [String: Gauge])>(([:], [:]))

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    static var buckets: [Duration] {
        [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000].map { Duration.microseconds(Int64($0 * 1000)) }
    }

    func active(_ method: String) -> Gauge {
        if let gauge = cache.withLock({ $0.active[method] }) { return gauge }
        let gauge = registry.makeGauge(
            name: "http_server_active_requests", labels: [("http_request_method", method)], help: "Requests being answered now, by method.")
        cache.withLock { $0.active[method] = gauge }
        return gauge
    }

    func of(route: String, method: String, status: Int) -> Recorded {
        let key = "\(method) \(status) \(route)"
        if let found = cache.withLock({ $0.series[key] }) { return found }
        let labels = [("http_route", route), ("http_request_method", method), ("http_response_status_code", String(status))]
        let recorded = Recorded(
            requests: registry.makeCounter(
                name: "http_server_requests_total", labels: labels, help: "Requests answered, by route, method and status."),
            errors: status >= 400
                ? registry.makeCounter(
                    name: "http_server_request_errors_total", labels: labels,
                    help: "Requests answered with a 4xx (refused) or 5xx (failed) status, by route, method and status.") : nil,
            duration: registry.makeDurationHistogram(
                descriptor: .init(
                    metricName: "http_server_request_duration", unitName: "seconds", helpText: "Time to make a response, until its body starts."),
                labels: Array(labels.prefix(2)), buckets: Self.buckets))
        cache.withLock { $0.series[key] = recorded }
        return recorded
    }
}
