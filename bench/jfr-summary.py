#!/usr/bin/env python3
"""Where the service's CPU goes: JFR execution samples by component.

Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr | jfr-summary.py SHAPE
Prints one JSON line {"kind": "profile", "shape": ..., "samples": n, "components": {name: percent}}.
A sample counts for an activity found anywhere on its stack (token verification, SQL translation,
...), else for the first component found walking from the leaf (JDK frames count for their caller).
"""
import collections
import json
import sys

# Activities recognised anywhere on the stack (in this order): whatever they call counts for them.
ACTIVITIES = [
    ("SmallRye selected-fields JSON (per field)", lambda f: "buildSelectedFields" in f),
    ("Hibernate SQM->SQL translation", lambda f: "buildInterpretation" in f),
    ("OIDC bearer token verification", lambda f: "OidcIdentityProvider" in f or "jose4j" in f),
    ("JSON response writing", lambda f: "ExecutionResponse." in f or "ResponseWriter.write" in f),
    ("GraphQL validation", lambda f: "graphql.validation" in f),
    ("JTA transactions", lambda f: "arjuna" in f),
]
# Otherwise the first of these found walking from the leaf: JDK frames count for their caller.
COMPONENTS = [
    ("Hibernate", lambda f: f.startswith("org.hibernate")),
    ("JDBC driver and pool", lambda f: f.startswith("org.postgresql") or "agroal" in f),
    ("query limits", lambda f: "QueryGuard" in f or "QueryLimits" in f),
    ("DataLoader (batching)", lambda f: "org.dataloader" in f),
    ("graphql-java execution", lambda f: f.startswith("graphql.")),
    ("SmallRye GraphQL", lambda f: "smallrye.graphql" in f),
    ("application code", lambda f: "dev.supportgraph" in f),
    ("CDI (ArC) proxies, interceptors, contexts", lambda f: "io.quarkus.arc" in f),
    ("security interceptors", lambda f: "io.quarkus.security" in f),
    ("Vert.x / Netty HTTP", lambda f: "io.vertx" in f or "io.netty" in f),
]


def parser_caller(stack):
    """For a sample inside graphql-java's parser: who asked for the parse (the HTTP filter or SmallRye)."""
    inside = False
    for frame in stack:
        if frame.startswith("graphql.parser"):
            inside = True
        elif inside and ("dev.supportgraph" in frame or "smallrye" in frame):
            return "GraphQL-over-HTTP filter (its own parse)" if "GraphQLHttpFilter" in frame else "GraphQL parse"
    return None


def classify(stack):
    parse = parser_caller(stack)
    if parse:
        return parse
    for name, rule in ACTIVITIES:
        if any(rule(frame) for frame in stack):
            return name
    for frame in stack:
        hit = next((name for name, rule in COMPONENTS if rule(frame)), None)
        if hit:
            return hit
    return "other (JDK, GC, JIT)"


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
            component = classify(stack)
            counts[component] += 1
            stack = None
        elif s != "...":
            stack.append(s.split("(")[0])  # class.method: parameter types would match too
    components = {name: round(100.0 * n / total, 1) for name, n in counts.most_common()} if total else {}
    print(json.dumps({"kind": "profile", "shape": sys.argv[1], "samples": total, "components": components}))


if __name__ == "__main__":
    main()
