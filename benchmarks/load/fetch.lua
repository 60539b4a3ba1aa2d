-- wrk script: GET one public document; prints requests/s, latency percentiles and non-200 responses.
local label = os.getenv("OBI_LOAD_LABEL") or "fetch"
local threads = {}
function setup(thread) table.insert(threads, thread) end
bad = 0 -- a global: done() reads it with thread:get()
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local nonok = 0
  for _, t in ipairs(threads) do nonok = nonok + t:get("bad") end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("%s: %d requests in %.1f s = %.0f requests/s (%.1f MB/s); latency p50 %.2f ms, p99 %.2f ms, max %.1f ms\n",
    label, summary.requests, seconds, summary.requests / seconds, summary.bytes / seconds / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("%s: errors %d (non-200 %d; socket: connect %d, read %d, write %d, timeout %d)\n",
    label, nonok + e.connect + e.read + e.write + e.timeout, nonok, e.connect, e.read, e.write, e.timeout))
end
