-- Random establishment pages: evidence, category with reasons, support and plan.
local count = tonumber(os.getenv("COUNT") or "25000")
request = function()
  return wrk.format("GET", "/establishments/" .. (100000 + math.random(count) - 1))
end
