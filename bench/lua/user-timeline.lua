-- wrk script: GET /api/v1/tweets/gen_<n>, the newest page of a random generated user's timeline
-- (flotilla generate-tweets writes as gen_1 to gen_<users>); $GROWTH_USERS is how many there are.
-- GROWTH_USERS=1000 wrk -s bench/lua/user-timeline.lua http://127.0.0.1:8080
local users = tonumber(os.getenv("GROWTH_USERS") or error("GROWTH_USERS must be a number"))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  return wrk.format("GET", "/api/v1/tweets/gen_" .. math.random(users))
end
