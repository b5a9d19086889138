-- Anonymous readers of the public site (/gk/, no session), thinking 1–3 s between pages. PATHS
-- lists the pages (the index, each public document and its indicators).
package.path = "bench/load/?.lua;" .. package.path
local common = require("common")
local paths = common.lines(os.getenv("PATHS"))
bad = 0

setup = common.setup
delay = common.think(1000, 3000)

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("unexpected answer " .. status .. "\n") end
  end
end

done = common.done("public readers (/gk/)")
