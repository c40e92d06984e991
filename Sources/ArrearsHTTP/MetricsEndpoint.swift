import ArrearsCore
import ArrearsStore
import Hummingbird
import Prometheus

/// `GET /metrics` in Prometheus' text format: what swift-metrics recorded (requests by route, method and status, their
/// latency), plus the queues, overdue counts and database use, read from the store when scraped. Like `/healthz` it
/// needs no token and names no complaint; keep it off the public side of the proxy (Deploy/).
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let store: any OperationalGaugeStore
    let clock: any InstantSource

    func register(on router: Router<ArrearsRequestContext>) {
        router.get("/metrics") { _, _ -> Response in
            let gauges = try await store.operationalGauges(today: CSTDate(clock.now()))
            for state in ComplaintState.allCases {
                let labels = [("state", state.rawValue)]
                registry.makeGauge(name: "arrears_complaints", labels: labels, help: "Complaints in each state (the open ones are queues).")
                    .set(Double(gauges.complaintsByState[state] ?? 0))
                registry.makeGauge(
                    name: "arrears_complaints_overdue", labels: labels, help: "Complaints whose running deadline ended before today (CST).",
                ).set(Double(gauges.overdueByState[state] ?? 0))
            }
            registry.makeGauge(name: "arrears_database_reads_in_flight", help: "Database reads waiting for or holding a connection.")
                .set(Double(gauges.readsInFlight))
            registry.makeGauge(name: "arrears_database_writes_in_flight", help: "Database writes waiting for or holding the writer.")
                .set(Double(gauges.writesInFlight))
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
