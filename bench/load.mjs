// Load generator and checker for the GraphQL shapes (shapes.mjs), one process, keep-alive HTTP/1.1.
//   node load.mjs check  --target ours|pgl --shape S --url U [--token T] [--requests N]
//        sends N requests one at a time, fails (exit 1) on any GraphQL error or wrong answer;
//   node load.mjs run    ... --connections C --duration SECONDS [--rate R] [--warmup SECONDS]
//        closed loop (max rate) without --rate; open loop at R requests/s with --rate: requests
//        are started on schedule whatever the answers do, and latency is measured from the
//        scheduled start (no coordinated omission). Prints one JSON line of results;
//   node load.mjs dump   ... --requests N  > bodies.txt   request bodies, one JSON a line (for wrk);
//   node load.mjs depth  --target ours|pgl --shape S      the selection-set depth of the query.
// Common: --scale N (customers in the data set), --seed N, --pool FILE (mutation: JSON
// [[id, version, status], ...] of tickets this run may change).
import http from "node:http";
import fs from "node:fs";
import { shapes, prng } from "./shapes.mjs";

const [mode, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i += 2) opt[rest[i].replace(/^--/, "")] = rest[i + 1];
const shape = shapes[opt.shape];
if (!shape) throw new Error(`unknown shape ${opt.shape}`);
const make = shape[opt.target];
if (!make) throw new Error(`unknown target ${opt.target}`);
const scale = Number(opt.scale ?? 100000);
const ctx = { customers: scale, problemReports: 2 * scale };
const rng = prng(Number(opt.seed ?? 42));
const pool = opt.pool ? JSON.parse(fs.readFileSync(opt.pool, "utf8")).map(([id, version, status]) => ({ id, version, status })) : [];

// graphql is loaded only here, so the other modes run on any Node >= 18 without node_modules.
async function depthOf(query) {
  const { parse } = await import("graphql");
  const walk = (set) => (set ? 1 + Math.max(0, ...set.selections.map((s) => walk(s.selectionSet))) : 0);
  return walk(parse(query).definitions[0].selectionSet);
}

if (mode === "depth") {
  console.log(await depthOf(make(rng, ctx, { id: 1, version: 0, status: "IN_PROGRESS" }).query));
  process.exit(0);
}
if (mode === "dump") {
  const n = Number(opt.requests ?? 1000);
  const out = [];
  for (let i = 0; i < n; i++) out.push(JSON.stringify(make(rng, ctx)));
  process.stdout.write(out.join("\n") + "\n");
  process.exit(0);
}

const url = new URL(opt.url);
const connections = Number(opt.connections ?? 1);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const headers = { "content-type": "application/json", accept: "application/json" };
if (opt.token) headers.authorization = `Bearer ${opt.token}`;

/** One request: resolves to [latencyStartMs, error or null]. */
function send(request, ticket) {
  const body = JSON.stringify(request);
  return new Promise((resolve) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // reported below as a wrong answer
          }
          const err = res.statusCode !== 200 ? `HTTP ${res.statusCode}: ${text.slice(0, 300)}` : shape.check(json, ctx, ticket);
          resolve(err);
        });
      },
    );
    req.on("error", (e) => resolve(String(e)));
    req.end(body);
  });
}

/** Tickets no request is changing right now (mutation shape). */
const free = [...pool];
async function one() {
  if (shape.stateful && !free.length) return "ticket pool exhausted (failed tickets are not reused)";
  const ticket = shape.stateful ? free.shift() : null;
  const err = await send(make(rng, ctx, ticket), ticket);
  if (ticket) {
    if (err) ticket.broken = true; // unknown state: never reuse it
    else free.push(ticket);
  }
  return err;
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function check() {
  const n = Number(opt.requests ?? 20);
  for (let i = 0; i < n; i++) {
    const err = await one();
    if (err) {
      console.error(`${opt.target} ${opt.shape}: ${err}`);
      process.exit(1);
    }
  }
  console.log(`${opt.target} ${opt.shape}: ${n} requests OK`);
}

async function run() {
  const duration = Number(opt.duration ?? 10) * 1000;
  const warmup = Number(opt.warmup ?? 0) * 1000;
  const rate = Number(opt.rate ?? 0);
  const latencies = [];
  let errors = 0;
  let firstError = null;
  let measuring = false;
  const record = (start, err) => {
    if (!measuring) return;
    latencies.push(performance.now() - start);
    if (err) {
      errors++;
      firstError ??= err;
    }
  };
  const phase = async (ms) => {
    const end = performance.now() + ms;
    if (!rate) {
      // Closed loop: each connection sends its next request when the previous answer arrived.
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (performance.now() < end) {
            const start = performance.now();
            record(start, await one());
          }
        }),
      );
      return;
    }
    // Open loop: request i is due at begin + i/rate; latency counts from when it was due.
    const begin = performance.now();
    const inflight = new Set();
    let i = 0;
    while (performance.now() < end) {
      const now = performance.now();
      while (begin + (i * 1000) / rate <= now) {
        const due = begin + (i * 1000) / rate;
        const p = one().then((err) => {
          record(due, err);
          inflight.delete(p);
        });
        inflight.add(p);
        i++;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(inflight);
  };
  if (warmup) await phase(warmup);
  measuring = true;
  const t0 = performance.now();
  await phase(duration);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);
  console.log(
    JSON.stringify({
      target: opt.target,
      shape: opt.shape,
      mode: rate ? "fixed" : "max",
      rate: rate || null,
      connections,
      requests: latencies.length,
      errors,
      firstError,
      rps: r2(latencies.length / elapsed),
      p50: r2(percentile(latencies, 50)),
      p90: r2(percentile(latencies, 90)),
      p99: r2(percentile(latencies, 99)),
      max: r2(latencies.at(-1)),
    }),
  );
  agent.destroy();
}

if (mode === "check") await check();
else if (mode === "run") await run();
else throw new Error(`unknown mode ${mode}`);
