#!/usr/bin/env bash
# Import benchmark: generates reference-data files (customers, contacts, services as NDJSON) and
# loads them into the packaged service through POST /import/<type> (docs/import.md), then loads
# them again (a re-run must change nothing). Reports rows/s per file and the service's peak heap,
# with the heap sized as under the Helm chart's memory limit. Writes bench/work/RESULTS-import.md.
#
#   bench/import.sh                       100,000 customers, 200,000 contacts, 200,000 services
#   CUSTOMERS=2000 CONTACTS=4000 SERVICES=4000 bench/import.sh     a quick run
#
# Needs: a JDK >= 21, a local PostgreSQL (PGHOST/PGPORT/PGUSER, password postgres), curl, jq, openssl.
{
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
W=$ROOT/bench/work/import
mkdir -p "$W"
CUSTOMERS=${CUSTOMERS:-100000} CONTACTS=${CONTACTS:-200000} SERVICES=${SERVICES:-200000}
BENCH_DB=${BENCH_DB:-supportgraph_import_bench}
PORT=${PORT:-18090}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# The image's JVM options under the chart's 768Mi limit (see bench/run.sh DEPLOYED_JVM_OPTS).
JVM_OPTS=${JVM_OPTS:-"-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:MaxNewSize=16m -XX:+ExitOnOutOfMemoryError"}
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
log() { printf '\n=== %s  %s\n' "$(date +%T)" "$*" >&2; }

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
  log "Packaging the service"
  ./mvnw -B -q package -DskipTests
fi

log "Generating $CUSTOMERS customers, $CONTACTS contacts, $SERVICES services"
awk -v n="$CUSTOMERS" 'BEGIN { split("CONSUMER SMALL_BUSINESS ENTERPRISE WHOLESALE", seg, " ");
  for (i = 1; i <= n; i++) printf "{\"externalId\":\"CRM-%d\",\"accountNumber\":\"ACC-%08d\",\"name\":\"Customer %d\",\"segment\":\"%s\",\"creditRating\":%d,\"preferredLanguage\":\"%s\"}\n",
    i, i, i, seg[i % 4 + 1], (i * 37) % 1001, (i % 3 ? "en" : "de-CH") }' > "$W/customers.ndjson"
awk -v n="$CONTACTS" -v c="$CUSTOMERS" 'BEGIN {
  for (i = 1; i <= n; i++) printf "{\"externalId\":\"CRM-C-%d\",\"customerExternalId\":\"CRM-%d\",\"name\":\"Contact %d\",\"role\":\"IT\",\"email\":\"contact%d@example.com\",\"phone\":\"+41 44 %03d %02d %02d\"}\n",
    i, (i - 1) % c + 1, i, i, i % 1000, i % 100, (i * 7) % 100 }' > "$W/contacts.ndjson"
awk -v n="$SERVICES" -v c="$CUSTOMERS" 'BEGIN { split("FIBRE_ACCESS SD_WAN VOICE MOBILE", cat, " ");
  for (i = 1; i <= n; i++) printf "{\"externalId\":\"INV-S-%d\",\"customerExternalId\":\"CRM-%d\",\"name\":\"Service %d\",\"category\":\"%s\",\"monthlyCharge\":\"%d.90\",\"currency\":\"EUR\"}\n",
    i, (i - 1) % c + 1, i, cat[i % 4 + 1], 10 + i % 90 }' > "$W/services.ndjson"

log "Fresh database $BENCH_DB"
PGPASSWORD=postgres psql -q -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"

ISSUER=https://supportgraph.bench/issuer
[ -f "$W/jwt-key.pem" ] || openssl genrsa -out "$W/jwt-key.pem" 2048 2>/dev/null
PUBLIC_KEY=$(openssl rsa -in "$W/jwt-key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"supportgraph","sub":"crm","upn":"crm","groups":["integration"],"iat":%d,"exp":%d}' "$ISSUER" "$now" $((now + 86400)) | b64url)
TOKEN="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$W/jwt-key.pem" | b64url)"

log "Starting the service ($JVM_OPTS)"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=postgres \
QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER QUARKUS_HTTP_PORT=$PORT QUARKUS_SHUTDOWN_DELAY=0S \
SUPPORTGRAPH_SLA_EVALUATE_EVERY=off \
  java $JVM_OPTS -jar "$JAR" > "$W/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done

# Used heap (survivors, eden, old generation; bytes) as jstat sees it.
heap() { jstat -gc "$PID" 2>/dev/null | awk 'NR == 2 { printf "%d", ($3 + $4 + $6 + $8) * 1024 }'; }
REPORT=$W/RESULTS-import.md
{
  echo "# Import benchmark ($(date -u +%F), commit $(git rev-parse --short HEAD))"
  echo
  echo "JVM: \`$JVM_OPTS\`; batch size ${SUPPORTGRAPH_IMPORT_BATCH_SIZE:-500}; $(nproc) cores; PostgreSQL $(psql -Atc 'show server_version' -d postgres)."
  echo
  echo "| Run | File | Rows | Created | Updated | Unchanged | Failed | Seconds | Rows/s | Peak heap (MB) |"
  echo "|-----|------|------|---------|---------|-----------|--------|---------|--------|----------------|"
} > "$REPORT"
for run in first re-run; do
  for type in customers contacts services; do
    log "$run: $type"
    peak=0
    curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary @"$W/$type.ndjson" "http://127.0.0.1:$PORT/import/$type" > "$W/$type-$run.json" &
    CURL=$!
    while kill -0 $CURL 2>/dev/null; do h=$(heap); [ "${h:-0}" -gt "$peak" ] && peak=$h; sleep 0.5; done
    wait $CURL
    jq -r --arg run "$run" --arg type "$type" --argjson peak "$peak" \
      '"| \($run) | \($type) | \(.rowsRead) | \(.created) | \(.updated) | \(.unchanged) | \(.failed) | \(.seconds * 10 | round / 10) | \(.rowsPerSecond) | \($peak / 1048576 | round) |"' \
      "$W/$type-$run.json" >> "$REPORT"
  done
done
cat "$REPORT"
}
