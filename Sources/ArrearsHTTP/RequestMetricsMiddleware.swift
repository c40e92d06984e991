import Hummingbird
import Prometheus

/// Counts every request by route, method and status, counts those answered 4xx or 5xx as errors, and times them, in
/// metrics `promtool check metrics` accepts (counters end in `_total`, each metric has help text). Outside
/// `ProblemMiddleware`, so a refusal is counted with the status it was answered with — Hummingbird's own middleware saw
/// only thrown errors, which our problem answers never are, and labelled its error counter 200.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    static var buckets: [Duration] {
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map { Duration.milliseconds(Int64($0 * 1000)) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let active = registry.makeGauge(
            name: "http_server_active_requests", labels: [("http_request_method", request.method.rawValue)],
            help: "Requests being answered now, by method.")
        active.increment()
        let response: Response
        do { response = try await next(request, context) } catch {
            active.decrement()
            throw error
        }
        let labels = [
            ("http_route", context.endpointPath ?? "unknown"), ("http_request_method", request.method.rawValue),
            ("http_response_status_code", String(response.status.code)),
        ]
        // Recorded when the response is ready; a streamed body (an export, an evidence download) goes on after.
        do {
            registry.makeCounter(name: "http_server_requests_total", labels: labels, help: "Requests answered, by route, method and status.")
                .increment()
            if response.status.code >= 400 {
                registry.makeCounter(
                    name: "http_server_request_errors_total", labels: labels,
                    help: "Requests answered with a 4xx (refused) or 5xx (failed) status, by route, method and status."
                ).increment()
            }
            registry.makeDurationHistogram(
                descriptor: .init(
                    metricName: "http_server_request_duration", unitName: "seconds", helpText: "Time to answer a request, body included."),
                labels: Array(labels.prefix(2)), buckets: Self.buckets
            ).record(ContinuousClock.now - start)
            active.decrement()
        }
        return response
    }
}
