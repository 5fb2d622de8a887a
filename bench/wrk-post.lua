-- wrk script: POSTs GraphQL request bodies (one JSON a line, from `node load.mjs dump`) in turn.
-- Environment: BODIES (file), TOKEN (optional bearer token). done() prints one JSON line.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
local token = os.getenv("TOKEN")
if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end

local counter = 0
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("counter", thread_count * 7919)
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, headers, bodies[(counter % #bodies) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"errors":%d,"status_errors":%d,"rps":%.2f,"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f}\n',
    summary.requests, errors, summary.errors.status, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
