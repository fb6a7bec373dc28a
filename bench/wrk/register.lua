-- wrk script: POST /v1/jobs with a distinct job per request.
-- usage: wrk -t2 -c64 -d20s -s bench/wrk/register.lua http://127.0.0.1:4646 -- <prefix>
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  prefix = (args[1] or "wrk") .. "-" .. tid
  counter = 0
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local body = '{"Job":{"ID":"' .. id .. '","Name":"' .. id .. '","Type":"batch","Datacenters":["dc1"],'
    .. '"TaskGroups":[{"Name":"g","Count":1,"Tasks":[{"Name":"t","Driver":"raw_exec",'
    .. '"Config":{"command":"/bin/sleep","args":["60"]},"Resources":{"CPU":100,"MemoryMB":32}}]}]}}'
  return wrk.format("POST", "/v1/jobs", {["Content-Type"] = "application/json"}, body)
end
