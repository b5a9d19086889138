-- 200 signed-in leaders (one session per connection) reading the province overview and county region
-- pages, thinking 5–15 s between pages. Any answer but 200 counts as an error.
package.path = "bench/load/?.lua;" .. package.path
local common = require("common")
local sessions = common.lines(os.getenv("SESSIONS"))
local counties = common.lines(os.getenv("COUNTIES"))
local year = os.getenv("YEAR")
local n = 0
bad = 0

setup = common.setup
delay = common.think(5000, 15000)

function request()
  n = n + 1
  local cookie = sessions[(id * 7919 + n) % #sessions + 1]
  local path
  if math.random() < 0.3 then
    path = "/dashboards?region=990000&year=" .. year
  else
    path = "/dashboards/regions/" .. counties[math.random(#counties)] .. "?year=" .. year
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("unexpected answer " .. status .. "\n") end
  end
end

done = common.done("leaders (pages)")
