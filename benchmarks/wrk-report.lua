-- wrk reporter: one line with p50/p95/p99 latency, requests per second and errors (connect, read, write,
-- timeout and non-2xx/3xx responses), for benchmarks/scale.sh.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50=%.1fms p95=%.1fms p99=%.1fms req/s=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    e.connect + e.read + e.write + e.timeout + e.status))
end
