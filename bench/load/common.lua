-- Shared by the load scripts of bench/load.sh (wrk 4): think time, error counting and a report of
-- p50/p95/p99, throughput and errors. Each wrk connection is one user; requests pick their session
-- from the file named by the SESSIONS environment variable (one Cookie header value a line).
local M = {}

local threads = {}

function M.lines(path)
  local list = {}
  for line in io.lines(path) do
    if line ~= "" then list[#list + 1] = line end
  end
  return list
end

function M.setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

-- Think time of a user between two pages, uniform in [min, max] ms.
function M.think(min, max)
  return function() return math.random(min, max) end
end

function M.done(label)
  return function(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do bad = bad + (thread:get("bad") or 0) end
    local errors = summary.errors
    local socket = errors.connect + errors.read + errors.write + errors.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
      "%-24s requests %7d  %6.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d (unexpected status %d, socket/timeout %d)\n",
      label, summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, bad + socket, bad, socket))
  end
end

return M
