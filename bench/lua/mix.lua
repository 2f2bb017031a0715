-- wrk script: the microblog mix, after DeathStarBench's social network, as many users at once:
-- 10 % post a tweet as a random user, 45 % a random user's timeline, 25 % the public timeline,
-- 20 % a search for one of the benchmark's words. The users, one "username token" per line, are
-- in the file named by $MIX_USERS (bench/run.sh registers them and logs each in).
-- MIX_USERS=users.txt wrk -s bench/lua/mix.lua http://127.0.0.1:8080
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local words = require("words")
local users = {}

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  local file = os.getenv("MIX_USERS") or error("MIX_USERS must name the users file")
  for line in io.lines(file) do
    local name, token = line:match("^(%S+) (%S+)$")
    if name then
      users[#users + 1] = { name = name, token = token }
    end
  end
  if #users == 0 then
    error("no users in " .. file)
  end
end

local function tweet()
  local text = {}
  for i = 1, math.random(5, 9) do
    text[i] = words[math.random(#words)]
  end
  return '{"text":"' .. table.concat(text, " ") .. '"}'
end

function request()
  local user = users[math.random(#users)]
  local roll = math.random(100)
  if roll <= 10 then
    return wrk.format("POST", "/api/v1/tweets/", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. user.token,
    }, tweet())
  elseif roll <= 55 then
    return wrk.format("GET", "/api/v1/tweets/" .. user.name)
  elseif roll <= 80 then
    return wrk.format("GET", "/api/v1/tweets/")
  end
  return wrk.format("GET", "/api/v1/search/?keyword=" .. words[math.random(#words)])
end
