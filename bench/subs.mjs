// Subscriptions at scale with real graphql-ws clients (graphql-transport-ws over WebSocket), one
// WebSocket per subscriber, each with one ticketStatusChanged subscription.
//   node subs.mjs idle   --url U --token T --count N --pid PID --jcmd PATH --tickets FILE [--warmup W]
//        RSS (and heap after a full GC) of the service before and after N more idle subscriptions
//        on distinct tickets, on top of W idle ones opened first and kept: KB per subscription, the
//        growth per added subscription. The first W also pay the one-time costs (the JIT's code and
//        the classes of the subscription path), reported apart as warmUpRssKb. [--settle MS]: the
//        wait before each measurement (12 s).
//   node subs.mjs fanout --url U --token T --subscribers N --tickets FILE (--same | --distinct)
//        [--events E] [--warmup W] [--interval MS] [--threads K]
//        --same: all N subscribe to the first ticket; E status changes of it.
//        --distinct: subscriber i subscribes to ticket i; E changes of random subscribed tickets.
//        Each change waits until the previous one reached every subscriber, then MS ms. The first W
//        changes are not measured (JIT warm-up); the clients are spread over K worker threads.
//        Latency = delivery time at the subscriber - time the mutation was sent (an upper bound of
//        commit -> delivery: it includes the mutation itself, reported as mutation p50/p99), and
//        from the mutation's answer (a lower bound); prints one JSON line.
// FILE: JSON [[id, version, status], ...] of IN_PROGRESS/HELD problem reports the run may change.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { gid, prng } from "./shapes.mjs";

const [mode, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i++) {
  const key = rest[i].replace(/^--/, "");
  if (rest[i + 1] === undefined || rest[i + 1].startsWith("--")) opt[key] = true;
  else opt[key] = rest[++i];
}
const httpUrl = opt.url;
const wsUrl = httpUrl.replace(/^http/, "ws");
const tickets = JSON.parse(fs.readFileSync(opt.tickets, "utf8")).map(([id, version, status]) => ({ id, version, status }));
const SUBSCRIPTION = `subscription($filter: TicketEventFilter) {
  ticketStatusChanged(filter: $filter) { eventId ticketId status occurredAt } }`;
const MUTATION = `mutation($input: TicketTransitionInput!) { problemReportTransition(input: $input) {
  problemReport { id status version } userErrors { message code } } }`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100 : null);

/** Opens one client with one subscription; onEvent(data, receivedAt). Resolves once connected. */
function subscribe(ticketId, onEvent, onError) {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { Authorization: `Bearer ${opt.token}` },
      on: { connected: () => resolve(client), error: reject },
    });
    client.subscribe(
      { query: SUBSCRIPTION, variables: { filter: { ticketIds: [gid("ProblemReport", ticketId)] } } },
      { next: (msg) => onEvent(msg, performance.now()), error: onError, complete: () => {} },
    );
  });
}

/** Opens n subscriptions, batch at a time, and waits until the service counts them all (and the others). */
async function openAll(n, ticketOf, onEvent, others = 0) {
  const clients = [];
  const errors = [];
  const batch = 200;
  for (let i = 0; i < n; i += batch) {
    const part = [];
    for (let j = i; j < Math.min(n, i + batch); j++) {
      part.push(subscribe(ticketOf(j), (msg, at) => onEvent(j, msg, at), (e) => errors.push(e)));
    }
    clients.push(...(await Promise.all(part)));
  }
  await waitForActive(n + others);
  if (errors.length) throw new Error("subscription errors: " + JSON.stringify(errors[0]).slice(0, 300));
  return clients;
}

/** The service's own count of registered subscribers (Prometheus gauge), as subscribe has no ack. */
async function activeSubscriptions() {
  const text = await (await fetch(httpUrl.replace(/\/graphql$/, "/q/metrics"))).text();
  const line = text.split("\n").find((l) => l.startsWith("supportgraph_subscriptions_active"));
  return line ? Number(line.split(" ").at(-1)) : NaN;
}

async function waitForActive(n) {
  for (let i = 0; i < 600; i++) {
    const active = await activeSubscriptions();
    if (Number.isNaN(active)) {
      await sleep(2000); // no gauge: give the server time to register them
      return;
    }
    if (active >= n) return;
    await sleep(100);
  }
  throw new Error(`only ${await activeSubscriptions()} of ${n} subscriptions became active`);
}

async function transition(ticket) {
  const to = ticket.status === "IN_PROGRESS" ? "HELD" : "IN_PROGRESS";
  const res = await fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${opt.token}` },
    body: JSON.stringify({ query: MUTATION, variables: { input: { id: gid("ProblemReport", ticket.id), expectedVersion: ticket.version, to } } }),
  });
  const json = await res.json();
  const r = json.data?.problemReportTransition?.problemReport;
  if (!r || json.errors || json.data.problemReportTransition.userErrors.length) throw new Error("mutation failed: " + JSON.stringify(json).slice(0, 300));
  ticket.status = r.status;
  ticket.version = r.version;
}

/**
 * What an idle pod settles at: the live heap after a full GC, once the connection storm is over
 * (--settle ms, 12 s by default: longer than the keep-alive interval, so every socket has been
 * pinged and the JIT has compiled what that runs), then the RSS after a pause longer than the
 * image's native-heap trim interval (5 s).
 */
async function memory(pid) {
  await sleep(Number(opt.settle ?? 12000));
  let heapKb = null;
  if (opt.jcmd) {
    execFileSync(opt.jcmd, [String(pid), "GC.run"]);
    // The heap's own lines (G1: "garbage-first heap"; Parallel: PSYoungGen and ParOldGen; Serial: DefNew
    // and Tenured), not Metaspace's.
    const info = execFileSync(opt.jcmd, [String(pid), "GC.heap_info"]).toString();
    const used = info.split("\n").filter((l) => /^\s*(garbage-first heap|PSYoungGen|ParOldGen|DefNew|Tenured)\b/.test(l))
      .map((l) => /used (\d+)K/.exec(l)).filter(Boolean).map((m) => Number(m[1]));
    heapKb = used.length ? used.reduce((a, b) => a + b, 0) : null;
  }
  await sleep(6000);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return { rssKb, heapKb };
}

async function idle() {
  const n = Number(opt.count);
  const pid = Number(opt.pid);
  const ticketOf = (i) => tickets[i % tickets.length].id;
  const cold = await memory(pid);
  const warmup = Number(opt.warmup ?? 0);
  const first = warmup > 0 ? await openAll(warmup, ticketOf, () => {}) : [];
  const before = await memory(pid);
  const clients = [...first, ...(await openAll(n, (i) => ticketOf(warmup + i), () => {}, warmup))];
  const after = await memory(pid);
  const result = {
    subscriptions: n,
    warmUpSubscriptions: warmup,
    warmUpRssKb: before.rssKb - cold.rssKb,
    rssBeforeKb: before.rssKb,
    rssAfterKb: after.rssKb,
    rssPerSubscriptionKb: Math.round(((after.rssKb - before.rssKb) / n) * 100) / 100,
    heapBeforeKb: before.heapKb,
    heapAfterKb: after.heapKb,
    heapPerSubscriptionKb: before.heapKb == null ? null : Math.round(((after.heapKb - before.heapKb) / n) * 100) / 100,
  };
  await Promise.all(clients.map((c) => c.dispose()));
  console.log(JSON.stringify(result));
}

/**
 * A share of the fan-out's subscribers in a worker thread: one node thread cannot read 10,000
 * messages in less than about 250 ms, so with all clients on one thread the measurement would be
 * the client's, not the service's. Each worker records when its clients receive the current event
 * (absolute times, comparable across threads) and reports its count as it grows.
 */
async function fanoutWorker({ ticketIds }) {
  const deliveries = [];
  let current = -1;
  let received = 0;
  let reported = 0;
  const clients = [];
  for (let i = 0; i < ticketIds.length; i += 200) {
    clients.push(...(await Promise.all(ticketIds.slice(i, i + 200).map((id) => subscribe(id, () => {
      received++;
      if (current >= 0) deliveries.push([current, performance.timeOrigin + performance.now()]);
    }, (e) => parentPort.postMessage({ type: "error", error: String(e?.message ?? JSON.stringify(e)) }))))));
  }
  const timer = setInterval(() => {
    if (received !== reported) {
      reported = received;
      parentPort.postMessage({ type: "count", received });
    }
  }, 2);
  parentPort.on("message", async (msg) => {
    if (msg.type === "event") current = msg.index;
    if (msg.type === "report") {
      clearInterval(timer);
      await Promise.all(clients.map((c) => c.dispose()));
      parentPort.postMessage({ type: "report", deliveries });
    }
  });
  parentPort.postMessage({ type: "ready" });
}

async function fanout() {
  const n = Number(opt.subscribers);
  const events = Number(opt.events ?? 20);
  const warmup = Number(opt.warmup ?? 0);
  const interval = Number(opt.interval ?? 200);
  const same = Boolean(opt.same);
  const threads = Math.max(1, Math.min(Number(opt.threads ?? 1), n));
  if (!same && tickets.length < n) throw new Error(`--distinct needs ${n} tickets, have ${tickets.length}`);
  const ticketOf = (i) => (same ? tickets[0].id : tickets[i].id);
  const workers = [];
  const counts = new Array(threads).fill(0);
  const errors = [];
  for (let w = 0; w < threads; w++) {
    const ticketIds = [];
    for (let i = w; i < n; i += threads) ticketIds.push(ticketOf(i));
    const worker = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), workerData: { ticketIds } });
    worker.on("message", (msg) => {
      if (msg.type === "count") counts[w] = msg.received;
      if (msg.type === "error") errors.push(msg.error);
    });
    workers.push(worker);
  }
  await Promise.all(workers.map((w) => new Promise((resolve) => w.on("message", (m) => m.type === "ready" && resolve()))));
  await waitForActive(n);
  if (errors.length) throw new Error("subscription errors: " + errors[0].slice(0, 300));
  const received = () => counts.reduce((a, b) => a + b, 0);
  const settle = async (count) => {
    let last = received();
    let idleSince = performance.now();
    while (received() < count && performance.now() - idleSince < 30000) {
      await sleep(2);
      if (received() !== last) {
        last = received();
        idleSince = performance.now();
      }
    }
  };
  const now = () => performance.timeOrigin + performance.now();
  const rng = prng(7);
  const mutationMs = [];
  const sentAt = [];
  const answeredAt = [];
  // One event at a time: the next change is made once every subscriber got the previous one (or
  // after 30 s without progress), so each event's fan-out is measured alone. The first `warmup`
  // events are not measured (the JIT compiles the fan-out's path on them).
  const perEvent = same ? n : 1;
  for (let e = -warmup; e < events; e++) {
    const ticket = same ? tickets[0] : tickets[Math.floor(rng() * n)];
    workers.forEach((w) => w.postMessage({ type: "event", index: e }));
    const sent = now();
    await transition(ticket);
    const answered = now();
    if (e >= 0) {
      sentAt[e] = sent;
      answeredAt[e] = answered;
      mutationMs.push(answered - sent);
    }
    await settle((e + warmup + 1) * perEvent);
    await sleep(interval);
  }
  const deliveries = (await Promise.all(workers.map((w) => new Promise((resolve) => {
    w.on("message", (m) => m.type === "report" && resolve(m.deliveries));
    w.postMessage({ type: "report" });
  })))).flat();
  await Promise.all(workers.map((w) => w.terminate()));
  const expected = events * perEvent;
  const latencies = deliveries.map(([e, at]) => at - sentAt[e]).sort((a, b) => a - b);
  // From the mutation's answer (after its commit): a lower bound of commit -> delivery; negative
  // when the event arrived before the answer did.
  const afterAnswer = deliveries.map(([e, at]) => at - answeredAt[e]).sort((a, b) => a - b);
  mutationMs.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      subscribers: n,
      tickets: same ? 1 : n,
      events,
      warmupEvents: warmup,
      clientThreads: threads,
      expectedDeliveries: expected,
      delivered: deliveries.length,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      max: pct(latencies, 100),
      afterAnswerP50: pct(afterAnswer, 50),
      afterAnswerP99: pct(afterAnswer, 99),
      mutationP50: pct(mutationMs, 50),
      mutationP99: pct(mutationMs, 99),
    }),
  );
}

if (!isMainThread) {
  await fanoutWorker(workerData);
} else {
  if (mode === "idle") await idle();
  else if (mode === "fanout") await fanout();
  else throw new Error(`unknown mode ${mode}`);
  process.exit(0);
}
