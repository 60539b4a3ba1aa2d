-- wrk script: POST one award per request; sums the Server-Timing "sign" and "issue" durations per thread.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  sign_sum, issue_sum, timed, non201 = 0, 0, 0, 0
  counter = 0
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"recipient":{"identity":"teacher%d.%d@example.org","name":"Load Teacher"},' ..
    '"evidence":[{"url":"https://portfolio.example.org/e/%d","name":"Lesson plan"}],' ..
    '"results":[{"criterion":"plan","level":"l3"}],"creditsEarned":1.5}', math.random(1, 1000000), counter, counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("OBI_API_KEY") }, body)
end

function response(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
  local st = headers["Server-Timing"] or headers["server-timing"]
  if st then
    local s = tonumber(string.match(st, "sign;dur=([%d%.]+)"))
    local i = tonumber(string.match(st, "issue;dur=([%d%.]+)"))
    if s and i then sign_sum, issue_sum, timed = sign_sum + s, issue_sum + i, timed + 1 end
  end
end

function done(summary, latency, requests)
  local s, i, n, bad = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s, i, n, bad = s + t:get("sign_sum"), i + t:get("issue_sum"), n + t:get("timed"), bad + t:get("non201")
  end
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("awards: %d in %.1f s = %.1f awards/s, non-201: %d\n", summary.requests, summary.duration / 1e6, rps, bad))
  io.write(string.format("latency: mean %.1f ms, p50 %.1f ms, p99 %.1f ms\n", latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  if n > 0 then
    io.write(string.format("signing: mean %.2f ms of %.2f ms in the use case; signing / total request time = %.0f%%\n",
      s / n, i / n, 100 * (s / n) / (latency.mean / 1000)))
  end
end
