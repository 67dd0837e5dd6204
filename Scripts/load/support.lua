-- Random pages of the year's support: delivered against planned for every establishment.
local pages = tonumber(os.getenv("PAGES") or "500")
local year = os.getenv("YEAR")
request = function()
  return wrk.format("GET", "/support?year=" .. year .. "&page=" .. math.random(pages))
end
