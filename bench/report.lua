-- wrk reporter: one machine-readable line with the median, p95 and throughput.
done = function(summary, latency, requests)
  io.write(string.format("WRK p50_ms=%.3f p95_ms=%.3f rps=%.1f errors=%d requests=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
