package dev.supportgraph.operations;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics is valid Prometheus text that every scraper and promtool accept, with the documented metrics. */
@QuarkusTest
class MetricsTest {

    @Test
    void everyFamilyHasHelpAndTypeAndTheTextParsesStrictly() {
        Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape());
        List<String> withoutHelp = families.values().stream()
                .filter(family -> family.help() == null || family.help().isBlank())
                .map(PrometheusText.Family::name).toList();
        assertEquals(List.of(), withoutHelp, "families without HELP");
        assertTrue(families.containsKey("mp_graphql_seconds"), "GraphQL operation timers");
        assertTrue(families.containsKey("supportgraph_subscriptions_active"), "subscriptions gauge");
    }

    @Test
    void theJdbcPoolIsExportedAsAgroalMetrics() {
        Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape());
        for (String pool : List.of("agroal_active_connections", "agroal_available_connections",
                "agroal_awaiting_threads", "agroal_max_used_connections", "agroal_acquire_count_total",
                "agroal_blocking_time_max_seconds", "agroal_blocking_time_seconds_total")) {
            assertTrue(families.containsKey(pool), pool + " in " + families.keySet());
        }
    }

    @Test
    void theReactivePoolIsExportedOnce() {
        Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape());
        List<String> pools = families.keySet().stream().filter(name -> name.contains("pool")).toList();
        List<String> sqlPoolPrefixes = pools.stream().filter(name -> name.contains("sql"))
                .map(name -> name.substring(0, name.indexOf("pool"))).distinct().toList();
        assertTrue(sqlPoolPrefixes.size() <= 1, "one export of the SQL client pool, not " + pools);
        assertFalse(scrape().contains("clientType=\"sql\""), "the SQL client's meters duplicate sql_pool_*");
    }

    @Test
    void anyAcceptGetsThePrometheusTextFormat() {
        for (String accept : List.of("*/*", "text/plain", "text/plain; version=0.0.4")) {
            given().accept(accept).when().get("/q/metrics").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/plain; version=0.0.4"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("# EOF")));
        }
    }

    @Test
    void promtoolAcceptsTheMetricsWhereItIsInstalled() throws Exception {
        String promtool = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable)
                .map(Path::toString).findFirst().orElse(null);
        if (promtool == null) {
            System.out.println("promtool is not installed: the strict parser of this class checks the text alone");
            return;
        }
        Path metrics = Path.of("target", "metrics.prom");
        Files.writeString(metrics, scrape(), StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(promtool, "check", "metrics")
                .redirectInput(metrics.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, check.exitValue(), "promtool check metrics:\n" + output);
        assertFalse(output.contains("problem"), output);
    }

    @Test
    void theGrafanaDashboardUsesOnlyExportedMetrics() throws Exception {
        Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape());
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs", "grafana-dashboard.json").toFile());
        List<String> expressions = dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
        assertFalse(expressions.isEmpty(), "the dashboard has queries");
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            // Label values and range durations are not metric names; what has an underscore is.
            Matcher name = METRIC_NAME.matcher(expression.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]", ""));
            while (name.find()) {
                String metric = name.group();
                boolean exported = families.containsKey(metric) || Stream.of("_count", "_sum", "_bucket")
                        .anyMatch(suffix -> metric.endsWith(suffix)
                                && families.containsKey(metric.substring(0, metric.length() - suffix.length())));
                if (!exported) {
                    missing.add(metric);
                }
            }
        }
        assertEquals(Set.of(), missing, "metrics the dashboard queries but /q/metrics does not export");
    }

    private static final Pattern METRIC_NAME = Pattern.compile("\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b");

    /** The metrics after a GraphQL request, so the per-operation timers exist. */
    static String scrape() {
        GraphQLClient.post(Tokens.agent(), "query Metered { customers(first: 1) { totalCount } }").statusCode(200);
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
