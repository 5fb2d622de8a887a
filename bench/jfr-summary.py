#!/usr/bin/env python3
"""Where the service's CPU goes: JFR execution samples by component.

Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr | jfr-summary.py SHAPE
Prints one JSON line {"kind": "profile", "shape": ..., "samples": n, "components": {name: percent}}.
Each sample counts for the first component found walking its stack from the leaf, so a Hibernate
frame called from the app counts as Hibernate, and JDK frames count for whoever called them.
"""
import collections
import json
import sys

RULES = [
    ("JSON response writing", lambda f: "ExecutionResponse" in f or "parsson" in f or "JsonGenerator" in f
     or "ResponseWriter" in f),
    ("SmallRye selected-fields JSON", lambda f: "buildSelectedFields" in f or "toJsonObjectBuilder" in f
     or "toJsonArrayBuilder" in f),
    ("Hibernate SQM->SQL translation", lambda f: "buildInterpretation" in f or "BaseSqmToSqlAstConverter" in f),
    ("Hibernate", lambda f: f.startswith("org.hibernate")),
    ("JDBC driver and pool", lambda f: f.startswith("org.postgresql") or "agroal" in f),
    ("JTA transactions", lambda f: "arjuna" in f or "narayana" in f),
    ("OIDC bearer token verification", lambda f: "jose4j" in f or ".oidc." in f or "smallrye.jwt" in f),
    ("GraphQL-over-HTTP filter (parse)", lambda f: "GraphQLHttpFilter" in f),
    ("GraphQL parse and validate", lambda f: "graphql.parser" in f or "graphql.validation" in f),
    ("query limits", lambda f: "QueryGuard" in f or "QueryLimits" in f),
    ("DataLoader (batching)", lambda f: "org.dataloader" in f),
    ("graphql-java execution", lambda f: f.startswith("graphql.")),
    ("SmallRye GraphQL", lambda f: "smallrye.graphql" in f),
    ("application code", lambda f: "dev.supportgraph" in f),
    ("CDI (ArC) proxies, interceptors, contexts", lambda f: "io.quarkus.arc" in f),
    ("security interceptors", lambda f: "io.quarkus.security" in f),
    ("Vert.x / Netty HTTP", lambda f: "io.vertx" in f or "io.netty" in f),
]


def main():
    counts = collections.Counter()
    total = 0
    stack = None
    for line in sys.stdin:
        s = line.strip()
        if s.startswith("stackTrace = ["):
            stack = []
            continue
        if stack is None:
            continue
        if s.startswith("]"):
            total += 1
            component = "other (JDK, GC, JIT)"
            for frame in stack:
                hit = next((name for name, rule in RULES if rule(frame)), None)
                if hit:
                    component = hit
                    break
            counts[component] += 1
            stack = None
        elif s != "...":
            stack.append(s)
    components = {name: round(100.0 * n / total, 1) for name, n in counts.most_common()} if total else {}
    print(json.dumps({"kind": "profile", "shape": sys.argv[1], "samples": total, "components": components}))


if __name__ == "__main__":
    main()
