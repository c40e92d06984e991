-- Shared by every scenario script (loaded with dofile): at the end of a wrk run, one line the runner parses, with the
-- percentiles wrk's own --latency output leaves out (p99.9). Latencies in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50=%d p99=%d p999=%d max=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
