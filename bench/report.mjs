// Turns bench/work/results.jsonl (written by run.sh) into the Markdown report.
// Usage: node report.mjs results.jsonl > RESULTS.md
import fs from "node:fs";
import { shapes } from "./shapes.mjs";

const rows = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const of = (kind) => rows.filter((r) => r.kind === kind);
const machine = of("machine")[0] ?? {};
const data = of("data")[0] ?? {};
const http = of("http");
const stmts = of("statements");
const SHAPES = {
  ticket: "(a) ticket by id",
  nested: "(b) customer -> 20 orders -> items",
  nplus1: "(c) 50 problem reports + customer, contact, service",
  page: "(d) filtered, ordered page of tickets (+ totalCount)",
  mutation: "(e) status change mutation",
  // The real pages (f)-(n), reported when a run measured them (READ_SHAPES).
  ...Object.fromEntries(Object.entries(shapes).filter(([name]) => !["ticket", "nested", "nplus1", "page", "mutation"].includes(name))
    .map(([name, shape]) => [name, shape.title])),
};
const find = (target, shape, mode) => http.find((r) => r.target === target && r.shape === shape && r.mode === mode);
const stmt = (target, shape) => stmts.find((r) => r.target === target && r.shape === shape);
const fmt = (x, digits = 1) => (x == null || Number.isNaN(x) ? "–" : Number(x).toFixed(digits));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : "–");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const out = [];
const p = (s = "") => out.push(s);

p("# SupportGraph benchmark results");
p();
p(machine.smoke ? "**Smoke run** (tiny scale, seconds per shape): checks that the harness works; the numbers mean nothing." : "Full run of `bench/run.sh`.");
p();
p("## Machine and versions");
p();
p(`- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memory}; kernel ${machine.kernel}; load average at the end ${machine.loadAtEnd}`);
p(`- ${machine.java}; Quarkus ${machine.quarkus}; commit ${machine.commit}`);
p(`- PostgreSQL ${machine.postgresql} (local server, shared by the service, PostGraphile and pgbench)`);
p(`- PostGraphile ${machine.postgraphile} (Amber preset + postgraphile-plugin-connection-filter) on Node ${machine.node}; ${machine.wrk}`);
p(`- Concurrency ${machine.connections} connections for every server and shape; database pool ${machine.poolSize} connections on both servers; ${machine.duration} s per measurement after a warm-up per shape of ${machine.warmupJvm} s for the JVM service (after ${machine.warmupGlobal} s per read shape at the start) and ${machine.warmup} s for PostGraphile: the JVM's JIT needs many more requests to reach steady state`);
p();
p("## Data set");
p();
p(`Scale ${data.scale} customers (bench/data.sql, deterministic); database ${data.databaseSize}` + (data.loadSeconds != null ? `, loaded in ${data.loadSeconds} s.` : " (reused)."));
p();
p("| customers | contacts | services | resources | orders | order items | invoices | invoice lines | payments | problem reports | service troubles | resource troubles | notes |");
p("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
p(`| ${["customers", "contacts", "services", "resources", "orders", "orderItems", "invoices", "invoiceLines", "payments", "problemReports", "serviceTroubles", "resourceTroubles", "notes"].map((k) => data[k]).join(" | ")} |`);
p();
p("## Throughput and latency per shape");
p();
p("Max rate: closed loop (wrk for reads, bench/load.mjs for the mutation; pgbench for raw SQL); server CPU ms/req is the CPU time of the server process (not PostgreSQL's) during the max-rate run divided by its requests, a measure that other load on the machine does not distort much. Fixed rate: open loop (bench/load.mjs), half the slower server's max rate, latency from each request's scheduled start (no coordinated omission). Latencies in ms.");
p();
p("| shape | server | max req/s | p50 | p99 | server CPU ms/req | fixed rate req/s | p50 | p99 | SQL statements/request (data / all) | query depth |");
p("|---|---|---|---|---|---|---|---|---|---|---|");
for (const [shape, title] of Object.entries(SHAPES)) {
  for (const target of ["ours", "pgl", "pgbench"]) {
    const max = find(target, shape, "max");
    const fixed = find(target, shape, "fixed");
    const s = stmt(target, shape);
    if (!max && !fixed) continue;
    const name = { ours: "SupportGraph", pgl: "PostGraphile", pgbench: "pgbench (SQL)" }[target];
    const errs = (max?.errors || 0) + (fixed?.errors || 0);
    p(`| ${title} | ${name}${errs ? ` (**${errs} errors**)` : ""} | ${fmt(max?.rps, 0)} | ${fmt(max?.p50, 2)} | ${fmt(max?.p99, 2)} | ${fmt(max?.cpuMsPerRequest, 2)} | ${fixed ? fmt(fixed.rate, 0) : "–"} | ${fmt(fixed?.p50, 2)} | ${fmt(fixed?.p99, 2)} | ${s ? `${s.data} / ${s.all}` : target === "pgbench" ? sqlCount(shape) : "–"} | ${s?.depth ?? "–"} |`);
  }
}
p();
p("Ratios (SupportGraph / other, max-rate throughput; p99 at max and at the fixed rate):");
p();
p("| shape | ours/PostGraphile req/s | ours/pgbench req/s | p99 ours/PostGraphile (max) | p99 ours/PostGraphile (fixed) |");
p("|---|---|---|---|---|");
for (const [shape, title] of Object.entries(SHAPES)) {
  const o = find("ours", shape, "max");
  if (!o) continue;
  p(`| ${title} | ${ratio(o.rps, find("pgl", shape, "max")?.rps)} | ${ratio(o.rps, find("pgbench", shape, "max")?.rps)} | ${ratio(o.p99, find("pgl", shape, "max")?.p99)} | ${ratio(find("ours", shape, "fixed")?.p99, find("pgl", shape, "fixed")?.p99)} |`);
}
p();
p("SQL statements are counted with pg_stat_statements (top-level statements, calls summed over 50 sequential requests of one shape to one server, divided by 50). *data* leaves out transaction control and session settings (BEGIN, COMMIT, SET, SHOW, set_config) and the service's periodic outbox poll; *all* counts everything. Statements inside PostGraphile's mutation function are not top-level and not counted. The most frequent statements per shape are in bench/work/results.jsonl.");
p();

const profiles = of("profile");
if (profiles.length) {
  p("Where the service's CPU goes during its max-rate runs (JFR execution samples, % per component; bench/jfr-summary.py):");
  p();
  const names = [...new Set(profiles.flatMap((x) => Object.keys(x.components)))];
  names.sort((a, b) => Math.max(...profiles.map((x) => x.components[b] ?? 0)) - Math.max(...profiles.map((x) => x.components[a] ?? 0)));
  p(`| component | ${profiles.map((x) => x.shape).join(" | ")} |`);
  p(`|---|${profiles.map(() => "---").join("|")}|`);
  for (const n of names) p(`| ${n} | ${profiles.map((x) => fmt(x.components[n] ?? 0, 1)).join(" | ")} |`);
  p();
}

p("## Startup of the packaged JVM app");
p();
const startups = of("startup");
const seriesName = { plain: "plain java -jar", cds: "with the AppCDS archive", aot: "aot-jar with the AOT cache (JDK 25)" };
for (const s of startups) p(`- ${s.phase}${s.series ? `, ${seriesName[s.series]}` : ""}${s.run ? ` #${s.run}` : ""}: ${s.ms} ms to the first answered GraphQL request` + (s.quarkusStartedInS != null ? ` (Quarkus: started in ${s.quarkusStartedInS} s)` : ""));
const loadedStartup = median(startups.filter((s) => s.phase === "loaded database" && s.series === "plain").map((s) => s.ms));
const cdsStartup = median(startups.filter((s) => s.series === "cds").map((s) => s.ms));
const aotStartup = median(startups.filter((s) => s.series === "aot").map((s) => s.ms));
p();

p("## Subscriptions (SupportGraph only)");
p();
// The median idle run (each on a fresh service): the RSS growth varies with the JIT compiler's work.
const idles = of("subs-idle").sort((a, b) => a.rssPerSubscriptionKb - b.rssPerSubscriptionKb);
const idle = idles[Math.floor((idles.length - 1) / 2)];
const fan = of("subs-fanout");
if (idle) {
  if (idle.warmUpSubscriptions) p(`- First ${idle.warmUpSubscriptions} idle subscriptions, kept open: they also pay the one-time costs (the JIT's code and the classes of the subscription path) and grew the RSS by ${idle.warmUpRssKb} KB (${fmt(idle.warmUpRssKb / idle.warmUpSubscriptions, 1)} KB each).`);
  p(`- ${idle.subscriptions} more idle subscriptions (one graphql-ws client each)${idle.warmUpSubscriptions ? ", the growth per added subscription" : ""}: RSS ${idle.rssBeforeKb} -> ${idle.rssAfterKb} KB = ${idle.rssPerSubscriptionKb} KB per subscription (${fmt(idle.rssPerSubscriptionKb * 1000 / 1024, 1)} MB per 1,000); live heap after a full GC ${idle.heapBeforeKb} -> ${idle.heapAfterKb} KB = **${idle.heapPerSubscriptionKb} KB per subscription** (${fmt(idle.heapPerSubscriptionKb * 1000 / 1024, 1)} MB per 1,000). The live heap is what the subscriptions retain; the RSS also holds what the JVM keeps of the heap it grew during the connection storm.`);
  if (idles.length > 1) p(`- That is the median of ${idles.length} runs, each on a freshly started service: RSS ${idles.map((r) => r.rssPerSubscriptionKb).join(", ")} KB and live heap ${idles.map((r) => r.heapPerSubscriptionKb).join(", ")} KB per subscription.`);
  if (idle.jvm) p(`- The subscriptions are measured on the service started as its container image starts it: \`${idle.jvm}\` (the image's run-java.sh defaults under the Helm chart's 768Mi limit, with the image's own GC_CONTAINER_OPTIONS and JAVA_OPTS_APPEND flags).`);
}
if (fan.length && fan[0].clientThreads) p(`- Fan-out: ${fan[0].warmupEvents} unmeasured warm-up events first; the clients are spread over ${fan[0].clientThreads} node worker threads (one thread cannot read 10,000 messages fast enough to measure the service).`);
for (const f of fan) {
  p(`- fan-out to ${f.subscribers} subscribers of ${f.mode === "same" ? "one ticket" : "distinct tickets"}, ${f.events} events: delivered ${f.delivered}/${f.expectedDeliveries}, latency mutation sent -> delivered p50 ${f.p50} ms, p99 **${f.p99} ms**, max ${f.max} ms; mutation answered -> delivered p50 ${f.afterAnswerP50} ms, p99 ${f.afterAnswerP99} ms (commit -> delivery lies between the two; the mutation itself: p50 ${f.mutationP50} ms, p99 ${f.mutationP99} ms)`);
}
for (const u of of("unavailable")) p(`- not measured: ${u.what} is not available on ${u.target}${u.detail ? ` (${u.detail.slice(0, 160)})` : ""}`);
p();

p("## Goals (issue 8)");
p();
const goal = (ok, text) => p(`- ${ok == null ? "NOT MEASURED" : ok ? "MET" : "NOT MET"}: ${text}`);
{
  const o = find("ours", "nested", "max");
  const g = find("pgl", "nested", "max");
  const of2 = find("ours", "nested", "fixed");
  const gf = find("pgl", "nested", "fixed");
  goal(o && g ? o.rps >= 1.5 * g.rps : null, `three-level nested query throughput >= 1.5x PostGraphile: ${ratio(o?.rps, g?.rps)}x`);
  goal(o && g ? o.p99 <= g.p99 && (!of2 || !gf || of2.p99 <= gf.p99) : null, `nested p99 no worse than PostGraphile: max rate ${fmt(o?.p99, 2)} vs ${fmt(g?.p99, 2)} ms; fixed rate ${fmt(of2?.p99, 2)} vs ${fmt(gf?.p99, 2)} ms`);
  const t = find("ours", "ticket", "max");
  const b = find("pgbench", "ticket", "max");
  goal(t && b ? t.rps >= 0.15 * b.rps : null, `ticket by id throughput >= 0.15x pgbench's prepared select: ${ratio(t?.rps, b?.rps)}x`);
  const ours = stmts.filter((s) => s.target === "ours");
  const over = ours.filter((s) => s.data > s.depth);
  goal(ours.length ? over.length === 0 : null, `SQL statements per request <= query depth, every shape: ${ours.map((s) => `${s.shape} ${s.data}/${s.depth}`).join(", ")}${over.length ? ` (over: ${over.map((s) => s.shape).join(", ")})` : ""}`);
  // RSS hides what the subscriptions retain once the heap has already grown (earlier phases of the
  // run), so the goal is judged on the larger of RSS growth and live heap growth after a full GC.
  const perSub = idle ? Math.max(idle.rssPerSubscriptionKb, idle.heapPerSubscriptionKb ?? 0) : null;
  goal(idle ? perSub <= 10 : null, `<= 10 KB RSS per idle subscription: ${idle ? `${idle.rssPerSubscriptionKb} KB RSS growth, ${idle.heapPerSubscriptionKb} KB live heap (after a full GC) per subscription${idles.length > 1 ? ` (median of ${idles.length} runs: ${idles.map((r) => r.rssPerSubscriptionKb).join(", ")} KB RSS)` : ""}` : "–"}`);
  const f1 = fan.find((f) => f.mode === "same" && f.subscribers === 1000);
  const f10 = fan.find((f) => f.mode === "same" && f.subscribers === 10000);
  // Judged on the lower bound (from the mutation's answer, after its commit): if even that misses, the goal is missed.
  const fanGoal = (f, ms) => (f ? f.afterAnswerP99 <= ms && f.delivered === f.expectedDeliveries : null);
  const fanText = (f) => (f ? `${f.afterAnswerP99} ms after the mutation's answer, ${f.p99} ms after it was sent; ${f.delivered}/${f.expectedDeliveries} delivered` : "–");
  goal(fanGoal(f1, 50), `fan-out p99 <= 50 ms to 1,000 subscribers: ${fanText(f1)}`);
  goal(fanGoal(f10, 250), `fan-out p99 <= 250 ms to 10,000 subscribers: ${fanText(f10)}`);
  // Judged on the best way to ship the JVM app that was measured (docs/deployment.md: "Faster start-up").
  const best = [aotStartup, cdsStartup, loadedStartup].filter((x) => x != null);
  goal(best.length ? Math.min(...best) <= 2000 : null, `startup to the first answered GraphQL request <= 2 s: median ${loadedStartup ?? "–"} ms plain java -jar${cdsStartup != null ? `, ${cdsStartup} ms with the AppCDS archive` : ""}${aotStartup != null ? `, ${aotStartup} ms as aot-jar with the AOT cache` : ""}`);
}
{
  // Issue 17: every read shape >= 1.5x PostGraphile's throughput, p99 no worse (max and fixed rate),
  // server CPU per request <= 0.6x; the mutation >= 1x.
  const shapes = [...new Set(http.filter((r) => r.target === "ours" && r.mode === "max").map((r) => r.shape))];
  if (shapes.some((shape) => find("pgl", shape, "max"))) {
    p();
    p("## Goals (issue 17, per shape against PostGraphile)");
    p();
    for (const shape of shapes) {
      const o = find("ours", shape, "max");
      const g = find("pgl", shape, "max");
      if (!o || !g) continue;
      const of2 = find("ours", shape, "fixed");
      const gf = find("pgl", shape, "fixed");
      if (shape === "mutation") {
        goal(o.rps >= g.rps, `${shape}: throughput >= 1x PostGraphile: ${ratio(o.rps, g.rps)}x`);
        continue;
      }
      const cpu = o.cpuMsPerRequest != null && g.cpuMsPerRequest ? o.cpuMsPerRequest / g.cpuMsPerRequest : null;
      goal(o.rps >= 1.5 * g.rps && o.p99 <= g.p99 && (!of2 || !gf || of2.p99 <= gf.p99) && (cpu == null || cpu <= 0.6),
        `${shape}: >= 1.5x throughput (${ratio(o.rps, g.rps)}x), p99 no worse (max ${fmt(o.p99)} vs ${fmt(g.p99)} ms, fixed ${fmt(of2?.p99)} vs ${fmt(gf?.p99)} ms), CPU/request <= 0.6x (${fmt(cpu, 2)}x)`);
    }
  }
}
const hostileNormal = of("hostile-normal");
const hostile = of("hostile")[0];
if (hostileNormal.length || hostile) {
  // PARTS=hostile: normal traffic at a fixed rate, quiet and while hostile callers send generated documents.
  const quiet = hostileNormal.find((r) => r.phase === "quiet");
  const attack = hostileNormal.find((r) => r.phase === "attack");
  p();
  p("## Hostile callers");
  p();
  p("| Normal traffic | Shape | Rate | Requests | Errors | p50 ms | p99 ms |");
  p("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of [quiet, attack].filter(Boolean)) p(`| ${r.phase} | ${r.shape} | ${r.rate}/s | ${r.requests} | ${r.errors} | ${r.p50} | ${r.p99} |`);
  if (hostile) {
    p();
    p(`Hostile: ${hostile.callers} callers sent ${hostile.sent} documents: ${hostile.answered} answered, ${hostile.refused} refused, `
      + `${hostile.serverErrors} 5xx, ${hostile.internal} INTERNAL, ${hostile.failed} failed connections, slowest ${hostile.maxMs} ms; `
      + `${hostile.replays ?? 0} replaying WebSocket clients ran ${hostile.replaysRun ?? 0} replays of every ticket event `
      + `(${hostile.replayedEvents ?? 0} events read, ${hostile.replayErrors ?? 0} errors); `
      + `OutOfMemoryError in the service's log: ${hostile.outOfMemoryErrors}. ${hostile.seconds ?? "?"} s per phase; JVM: \`${hostile.jvm ?? "default"}\`.`);
  }
  if (quiet && attack) {
    goal(attack.p99 <= 2 * quiet.p99 && attack.errors === 0 && (hostile?.outOfMemoryErrors ?? 0) === 0,
      `normal-traffic p99 under hostile callers within 2x of quiet, no errors, no OOM: ${attack.p99} vs ${quiet.p99} ms, ${attack.errors} errors`);
  }
}
const failures = of("failure");
if (failures.length) {
  p();
  p("## Failures");
  p();
  for (const f of failures) p(`- ${f.message.slice(0, 500)}`);
}
// The engineer's analysis of the run (causes, fixes, what is left) lives next to the numbers.
const notes = new URL("./NOTES.md", import.meta.url);
if (!machine.smoke && fs.existsSync(notes)) {
  p();
  p(fs.readFileSync(notes, "utf8").trim());
}
p();
process.stdout.write(out.join("\n"));

function sqlCount(shape) {
  const text = fs.readFileSync(new URL(`./sql/${shape}.sql`, import.meta.url), "utf8");
  const n = text.split(";").filter((s) => /\b(select|insert|update|delete)\b/i.test(s.replace(/--.*$/gm, ""))).length;
  return `${n} (by construction)`;
}
