import ArrearsCore
import ArrearsStore
import Hummingbird
import Prometheus
import Synchronization

/// `GET /metrics` in Prometheus' text format: what swift-metrics recorded (requests by route, method and status, their
/// latency), plus the queues, overdue counts and database use, read from the store when scraped. Like `/healthz` it
/// needs no token and names no complaint; keep it off the public side of the proxy (Deploy/).
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let store: any OperationalGaugeStore
    let clock: any InstantSource
    let totals = CounterTotals()

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
            if let commits = gauges.commits, let writes = gauges.committedWrites {
                totals.advance(
                    registry.makeCounter(name: "arrears_database_commits_total", help: "Write transactions committed (each one fsync)."),
                    to: commits)
                totals.advance(
                    registry.makeCounter(
                        name: "arrears_database_committed_writes_total",
                        help: "Writes those transactions carried (group commit shares one among many)."),
                    to: writes)
            }
            if let moves = gauges.primaryMoves {
                totals.advance(
                    registry.makeCounter(
                        name: "arrears_database_primary_moves_total",
                        help: "Times the PostgreSQL pool moved to another primary (a promoted standby) since start."),
                    to: moves)
            }
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}

/// The store reports totals since start; Prometheus counters only go up by steps, so the endpoint remembers the last total
/// it passed on for each.
final class CounterTotals: Sendable {
    private let last = Mutex<[ObjectIdentifier: Int]>([:])

    func advance(_ counter: Counter, to total: Int) {
        let step = last.withLock { last in
            defer { last[ObjectIdentifier(counter)] = total }
            return total - (last[ObjectIdentifier(counter)] ?? 0)
        }
        if step > 0 { counter.increment(by: Int64(step)) }
    }
}
