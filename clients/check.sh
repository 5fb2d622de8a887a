#!/usr/bin/env bash
# Checks that schema-first client tools accept src/main/resources/published-schema.graphql:
# graphql-js builds and validates it with a typical operation set, relay-compiler compiles that set,
# GraphQL Code Generator (typescript, typescript-operations) generates its types and tsc checks code
# using them; graphql-inspector validates that set against the schema and diffs the schema against
# the committed one (SCHEMA_BASE, a git revision, default HEAD; CI on a pull request: origin/main),
# failing on breaking changes; graphql-schema-linter (schema-lint/, its own install: it needs
# graphql 16) checks descriptions, naming and the Relay conventions. The install also brings Apollo
# Client and urql for ClientLibrariesIT (clients/live.mjs against the packaged app, run by
# ./mvnw verify after this script).
# Optional CI step (needs npm); skipped with a clear message when the npm registry is unreachable.
# CLIENT_CHECK_TIMEOUT bounds every npm/tool call (seconds, default 300).
set -euo pipefail
cd "$(dirname "$0")"
limit=${CLIENT_CHECK_TIMEOUT:-300}
if ! command -v npm >/dev/null 2>&1; then
  echo "clients/check.sh: SKIPPED: npm is not installed"; exit 0
fi
if ! timeout 30 npm ping >/dev/null 2>&1; then
  echo "clients/check.sh: SKIPPED: the npm registry is unreachable"; exit 0
fi
timeout "$limit" npm install --no-audit --no-fund --loglevel=error
timeout "$limit" node check.mjs
timeout "$limit" npx --no-install relay-compiler
timeout "$limit" npx --no-install graphql-codegen --config codegen.yml
timeout "$limit" npx --no-install tsc -p tsconfig.json
schema=../src/main/resources/published-schema.graphql
timeout "$limit" npx --no-install graphql-inspector validate src/operations.ts "$schema"
base=${SCHEMA_BASE:-HEAD}
if git rev-parse --verify --quiet "$base:src/main/resources/published-schema.graphql" >/dev/null; then
  timeout "$limit" npx --no-install graphql-inspector diff "git:$base:src/main/resources/published-schema.graphql" "$schema"
else
  echo "clients/check.sh: no published schema at $base to diff against (not a git checkout?); diff skipped"
fi
(cd schema-lint && timeout "$limit" npm install --no-audit --no-fund --loglevel=error \
  && timeout "$limit" npx --no-install graphql-schema-linter "../$schema")
echo "clients/check.sh: OK (graphql-js, relay-compiler, GraphQL Code Generator, graphql-inspector and graphql-schema-linter accept the published schema and the operations)"
