// Hostile callers for bench/run.sh PARTS=hostile: generated documents that try to grow a request's
// work (fragment fan-out and cycles, aliases of nodes(ids:) with one id repeated selecting long
// text, large pages, deep nesting, long strings with NUL and odd Unicode, Ints beyond 32 bits,
// dates outside 1900..9999 and reversed ranges, huge variables), sent by --callers loops for
// --duration seconds as anonymous, portal and staff callers in turn; and --replays WebSocket clients
// (graphql-ws) that replay every ticket event from the start (`after:` the first event id), staff and
// portal in turn, and start over once caught up. Prints one JSON line: how many were sent, answered,
// refused (4xx or GraphQL errors), 5xx, INTERNAL errors, the slowest, and the replays run and events
// they read.
//   node hostile.mjs --url U --token STAFF --portal-token PORTAL --duration S --callers N [--replays R] [--seed K]
import http from "node:http";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { prng } from "./shapes.mjs";

const opt = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, "")] = args[i + 1];
const url = new URL(opt.url);
const tokens = [null, opt["portal-token"] ?? null, opt.token ?? null];
const rng = prng(Number(opt.seed ?? 18));
const pick = (list) => list[Math.floor(rng() * list.length)];
const agent = new http.Agent({ keepAlive: true });
const gid = (type, id) => Buffer.from(`${type}:${id}`).toString("base64url");
const odd = ["\u0000", "\u202e", "e\u0301", "\ud83d\ude00", "\ufffd", "\u2028", "中"];
const text = (n) => Array.from({ length: n }, (_, i) => (i % 7 === 0 ? pick(odd) : "x")).join("");

const generators = [
  () => { // fragments spreading the next twice: 2^n fields if expanded
    const n = 5 + Math.floor(rng() * 25);
    const fragments = Array.from({ length: n }, (_, i) =>
      `fragment F${i} on Customer { name ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : ""} }`).join("\n");
    return { query: `query { customers(first: 100) { edges { node { ...F0 } } } }\n${fragments}` };
  },
  () => ({ // a fragment cycle
    query: "query { customers { edges { node { ...A } } } } fragment A on Customer { name ...B } fragment B on Customer { id ...A }",
  }),
  () => { // aliases of nodes(ids:) with one id repeated, selecting long descriptions
    const aliases = 10 + Math.floor(rng() * 60);
    const ids = Array.from({ length: 100 }, () => gid("ProblemReport", 1));
    const body = Array.from({ length: aliases }, (_, i) => `a${i}: nodes(ids: $ids) { ... on ProblemReport { description } }`).join(" ");
    return { query: `query($ids: [ID!]!) { ${body} }`, variables: { ids } };
  },
  () => { // large pages, nested
    const first = pick([100, 101, 1000, 4294967396]);
    return { query: `{ customers(first: ${first}) { edges { node { problemReports(first: ${first}) { edges { node { notes(first: ${first}) { edges { node { body } } } } } } } } } }` };
  },
  () => ({ // deep nesting
    query: `{ ${"customers(first: 1) { edges { node { problemReports(first: 1) { edges { node { customer { ".repeat(6)}id${" } } } } } } }".repeat(6)} }`,
  }),
  () => ({ // long strings with NUL and odd Unicode
    query: "query($s: String) { customers(filter: { search: $s }) { totalCount } }",
    variables: { s: text(pick([10, 1001, 30000])) },
  }),
  () => ({ // dates outside the years, reversed ranges
    query: "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
    variables: { f: pick([{ createdFrom: "+10000-01-01T00:00:00Z" }, { createdTo: "0001-01-01T00:00:00Z" },
      { createdFrom: "2026-02-01T00:00:00Z", createdTo: "2026-01-01T00:00:00Z" }]) },
  }),
  () => ({ // a huge variable
    query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
    variables: { ids: Array.from({ length: 20000 }, (_, i) => gid("Customer", i)) },
  }),
];

function send(body, token) {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json",
      "content-length": Buffer.byteLength(data) };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request(url, { method: "POST", headers, agent, timeout: 30000 }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => { text += chunk; });
      response.on("end", () => resolve({ status: response.statusCode, text }));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ status: 0, text: String(error) }));
    request.end(data);
  });
}

const stats = { kind: "hostile", callers: Number(opt.callers ?? 4), sent: 0, answered: 0, refused: 0, serverErrors: 0,
  internal: 0, failed: 0, maxMs: 0, replays: Number(opt.replays ?? 0), replaysRun: 0, replayedEvents: 0, replayErrors: 0 };
const end = performance.now() + Number(opt.duration ?? 10) * 1000;
const REPLAY = `subscription { ticketStatusChanged(after: "E${"0".repeat(19)}") { eventId } }`;

// One replaying client: reads the whole outbox from its start, and starts over when it has caught up
// (no event for a second) or failed, until the end.
async function replayer(i) {
  const wsUrl = url.href.replace(/^http/, "ws");
  const token = [opt.token, opt["portal-token"]][i % 2];
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0,
    connectionParams: { Authorization: `Bearer ${token}` } });
  while (performance.now() < end) {
    stats.replaysRun++;
    await new Promise((resolve) => {
      let idle;
      const stop = client.subscribe({ query: REPLAY }, {
        next: () => {
          stats.replayedEvents++;
          clearTimeout(idle);
          idle = setTimeout(() => { stop(); resolve(); }, 1000);
        },
        error: () => { stats.replayErrors++; clearTimeout(idle); resolve(); },
        complete: () => { clearTimeout(idle); resolve(); },
      });
      idle = setTimeout(() => { stop(); resolve(); }, 1000 + Math.max(0, end - performance.now()));
    });
  }
  await client.dispose();
}

await Promise.all([...Array.from({ length: stats.replays }, (_, i) => replayer(i)),
  ...Array.from({ length: stats.callers }, async () => {
  while (performance.now() < end) {
    const start = performance.now();
    const { status, text } = await send(pick(generators)(), tokens[stats.sent % tokens.length]);
    stats.sent++;
    stats.maxMs = Math.max(stats.maxMs, Math.round(performance.now() - start));
    if (status === 0) stats.failed++;
    else if (status >= 500) stats.serverErrors++;
    else if (status >= 400 || text.includes('"errors"')) stats.refused++;
    else stats.answered++;
    if (text.includes('"INTERNAL"')) stats.internal++;
  }
})]);
console.log(JSON.stringify(stats));
