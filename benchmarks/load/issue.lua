-- wrk script: POST one award per request (a distinct recipient each time) and tally the status codes and the
-- Server-Timing header of the issuance response (sign, store and issue durations in ms).
-- Env: OBI_API_KEY (bearer key), OBI_LOAD_LABEL (prefix of the summary lines).
local key = os.getenv("OBI_API_KEY") or error("OBI_API_KEY is not set")
local label = os.getenv("OBI_LOAD_LABEL") or "issue"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- Per-thread tallies are globals: done() reads them with thread:get().
counter, created, failed, timed = 0, 0, 0, 0
sign, store, issue = 0.0, 0.0, 0.0
statuses = {}

function request()
  counter = counter + 1
  local body = string.format(
    '{"recipient":{"identity":"teacher-%d-%d@load.example.org","name":"Load Teacher"},' ..
    '"evidence":[{"url":"https://evidence.example.org/%d/%d","name":"Lesson plan"},{"narrative":"Reflection on student work.","name":"Reflection"}],' ..
    '"results":[{"criterion":"planning","level":"proficient"},{"criterion":"feedback","level":"exemplary"}],"creditsEarned":15}',
    tid, counter, tid, counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    local s = tonumber(timing:match("sign;dur=([%d%.]+)"))
    local d = tonumber(timing:match("store;dur=([%d%.]+)"))
    local i = tonumber(timing:match("issue;dur=([%d%.]+)"))
    if s and d and i then
      timed = timed + 1
      sign, store, issue = sign + s, store + d, issue + i
    end
  end
end

function done(summary, latency, requests)
  local ok, bad, n, s, d, i = 0, 0, 0, 0.0, 0.0, 0.0
  local codes = {}
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    bad = bad + t:get("failed")
    n = n + t:get("timed")
    s, d, i = s + t:get("sign"), d + t:get("store"), i + t:get("issue")
    for code, count in pairs(t:get("statuses")) do codes[code] = (codes[code] or 0) + count end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local detail = {}
  for code, count in pairs(codes) do table.insert(detail, code .. "x" .. count) end
  io.write(string.format("%s: %d awards in %.1f s = %.1f awards/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms\n",
    label, ok, seconds, ok / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("%s: errors %d (non-201 responses %d%s; socket errors %d: connect %d, read %d, write %d, timeout %d)\n",
    label, bad + socket, bad, #detail > 0 and (" [" .. table.concat(detail, " ") .. "]") or "", socket,
    e.connect, e.read, e.write, e.timeout))
  if n > 0 then
    io.write(string.format("%s: server-side mean per award over %d responses: sign %.2f ms, store %.2f ms, issue handler %.2f ms\n",
      label, n, s / n, d / n, i / n))
    io.write(string.format("%s: signing / issue handler time = %.1f %%; signing / client-observed mean latency = %.1f %%\n",
      label, 100 * s / i, 100 * (s / n) / (latency.mean / 1000)))
  else
    io.write(label .. ": no Server-Timing headers in the responses\n")
  end
end
