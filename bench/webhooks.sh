#!/usr/bin/env bash
# Webhook delivery benchmark (docs/webhooks.md): events written at RATE per second for DURATION
# seconds on RESOURCES orders, fanned out to LISTENERS listeners and delivered by two concurrent
# passes ("replicas") to a real HTTP receiver, inside the test JVM against the embedded PostgreSQL.
# Prints and writes target/webhook-bench.txt: throughput, commit-to-receipt p50/p99, lost, duplicated.
#
#   RATE=1000 DURATION=5 LISTENERS=10 RESOURCES=100 bench/webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The test profile dead-letters after seconds (for the tests); a benchmark under overload must not.
status=0
./mvnw -B -ntp -o verify -Dtest=WebhookBench -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
    -Dbench.rate="${RATE:-1000}" -Dbench.seconds="${DURATION:-5}" -Dbench.listeners="${LISTENERS:-10}" \
    -Dbench.resources="${RESOURCES:-100}" -D%test.supportgraph.webhooks.dead-letter-after=PT1H "$@" || status=$?
cat target/webhook-bench.txt
exit $status
