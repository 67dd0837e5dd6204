-- Random pages of the establishment list, each time with a different filter or search.
local pages = tonumber(os.getenv("PAGES") or "500")
request = function()
  local choice = math.random(3)
  local path
  if choice == 1 then
    path = "/establishments?page=" .. math.random(pages)
  elseif choice == 2 then
    path = "/establishments?phase=primary&page=" .. math.random(math.floor(pages / 2))
  else
    path = "/establishments?q=" .. ({"abbey", "oak", "meadow", "castle", "willow"})[math.random(5)]
  end
  return wrk.format("GET", path)
end
