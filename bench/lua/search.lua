-- wrk script: GET /api/v1/search/?keyword=<one of the benchmark's words>, a different word each time.
-- wrk -s bench/lua/search.lua http://127.0.0.1:8080
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local words = require("words")
local i = 0

function init(args)
  i = math.random(#words)
end

function request()
  i = i % #words + 1
  return wrk.format("GET", "/api/v1/search/?keyword=" .. words[i])
end
