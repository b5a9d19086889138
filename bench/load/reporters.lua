-- 20 reporters saving a figure of their county as a draft and submitting it (JSON API on their
-- session, with its CSRF token), thinking 1–3 s between requests. Each line of FIGURES is
-- "cookie<TAB>csrf<TAB>indicator<TAB>region<TAB>value": the figures still missing in the open year.
-- Every request is a write; its latency includes any wait for a lock.
package.path = "bench/load/?.lua;" .. package.path
local common = require("common")
local figures = common.lines(os.getenv("FIGURES"))
local year = os.getenv("YEAR")
local next_figure = 0
local submits = {}
local sessions = {}
bad = 0

setup = common.setup
delay = common.think(1000, 3000)

function init(args)
  next_figure = id - 1
end

local function split(line)
  local parts = {}
  for part in string.gmatch(line, "[^\t]+") do parts[#parts + 1] = part end
  return parts
end

function request()
  local submit = table.remove(submits, 1)
  if submit then
    return wrk.format("POST", "/api/v1/values/" .. submit.id .. "/submit",
      { ["Cookie"] = submit.cookie, ["X-CSRF-TOKEN"] = submit.csrf, ["Accept"] = "application/json" })
  end
  -- Threads take every THREADS-th figure, so no two threads save the same one.
  local f = split(figures[next_figure % #figures + 1])
  next_figure = next_figure + tonumber(os.getenv("THREADS") or "1")
  sessions[f[4]] = { cookie = f[1], csrf = f[2] }
  local body = string.format('{"indicatorCode":"%s","regionCode":"%s","year":%s,"value":"%s","note":"负载测试"}',
    f[3], f[4], year, f[5])
  return wrk.format("PUT", "/api/v1/values",
    { ["Cookie"] = f[1], ["X-CSRF-TOKEN"] = f[2], ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("reporter answer " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
    return
  end
  -- Responses of a thread's connections may come in any order: the figure's region says whose it is.
  local id = string.match(body, '"id"%s*:%s*(%d+)')
  local region = string.match(body, '"regionCode"%s*:%s*"(%d+)"')
  local st = string.match(body, '"status"%s*:%s*"(%u+)"')
  local session = region and sessions[region]
  if id and st == "DRAFT" and session then
    submits[#submits + 1] = { id = id, cookie = session.cookie, csrf = session.csrf }
  end
end

done = common.done("reporters (writes)")
