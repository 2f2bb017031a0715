-- wrk script: POST a tweet of five to nine random words, as the user whose token is in $TOKEN.
-- wrk -s bench/lua/post-tweet.lua http://127.0.0.1:8080/api/v1/tweets/
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local words = require("words")
local token = os.getenv("TOKEN") or error("TOKEN must hold a bearer token")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local text = {}
  for i = 1, math.random(5, 9) do
    text[i] = words[math.random(#words)]
  end
  local body = '{"text":"' .. table.concat(text, " ") .. '"}'
  return wrk.format(nil, nil, nil, body)
end
