package dev.supportgraph.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Parses Kubernetes manifests and asserts the invariants that the Helm chart and the kustomize
 * tree must both keep, checked against the app's own configuration (application.properties).
 */
final class Manifests {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Environment variables that carry credentials or connection strings with credentials. */
    private static final Pattern SENSITIVE_ENV = Pattern.compile(".*(PASSWORD|USERNAME|_URL$|SECRET|TOKEN|CREDENTIAL).*");

    private Manifests() {
    }

    /** The settings of src/main/resources/application.properties the manifests depend on. */
    record AppSettings(int httpPort, Duration shutdownDelay, Duration shutdownTimeout) {

        static AppSettings load() {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AppSettings(
                    Integer.parseInt(properties.getProperty("quarkus.http.port", "8080")),
                    duration(properties.getProperty("quarkus.shutdown.delay", "0")),
                    duration(properties.getProperty("quarkus.shutdown.timeout", "0")));
        }

        /** Quarkus durations: a number of seconds or an ISO-8601 duration without "PT" (5S, 1M). */
        private static Duration duration(String value) {
            String trimmed = value.trim();
            return trimmed.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(trimmed))
                    : Duration.parse("PT" + trimmed.toUpperCase(Locale.ROOT));
        }
    }

    static List<JsonNode> parseAll(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll().stream().filter(node -> node != null && node.isObject()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parseAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode single(List<JsonNode> objects, String kind) {
        List<JsonNode> found = ofKind(objects, kind);
        assertEquals(1, found.size(), () -> "expected exactly one " + kind);
        return found.getFirst();
    }

    /**
     * Merges a strategic-merge patch into a copy of {@code base} the way kustomize does for the
     * parts the overlays use: objects field by field, lists of named items by name.
     */
    static JsonNode merge(JsonNode base, JsonNode patch) {
        if (base instanceof ObjectNode baseObject && patch.isObject()) {
            ObjectNode merged = baseObject.deepCopy();
            patch.properties().forEach(e -> merged.set(e.getKey(),
                    merged.has(e.getKey()) ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
            return merged;
        }
        if (base instanceof ArrayNode baseArray && patch.isArray() && named(baseArray) && named(patch)) {
            ArrayNode merged = baseArray.deepCopy();
            for (JsonNode item : patch) {
                int index = indexOfName(merged, item.get("name").asText());
                if (index < 0) {
                    merged.add(item);
                } else {
                    merged.set(index, merge(merged.get(index), item));
                }
            }
            return merged;
        }
        return patch;
    }

    private static boolean named(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfName(ArrayNode array, String name) {
        for (int i = 0; i < array.size(); i++) {
            if (name.equals(array.get(i).get("name").asText())) {
                return i;
            }
        }
        return -1;
    }

    /** Probes, port, restricted security context, shutdown grace, resources, secret references. */
    static void assertDeployment(JsonNode deployment, AppSettings app) {
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);
        assertTrue(container != null && container.isObject(), "the Deployment has a container");

        JsonNode http = portNamed(container, "http");
        assertEquals(app.httpPort(), http.path("containerPort").asInt(), "container port = quarkus.http.port");
        assertProbe(container, "startupProbe", "/q/health/started", app);
        assertProbe(container, "livenessProbe", "/q/health/live", app);
        assertProbe(container, "readinessProbe", "/q/health/ready", app);

        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long shutdown = app.shutdownDelay().plus(app.shutdownTimeout()).toSeconds();
        assertTrue(grace > shutdown, "terminationGracePeriodSeconds " + grace + " > shutdown delay + timeout " + shutdown);

        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), "pod runAsNonRoot");
        assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), "pod seccomp profile");
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean(), "container runAsNonRoot");
        assertTrue(security.has("allowPrivilegeEscalation") && !security.path("allowPrivilegeEscalation").asBoolean(),
                "allowPrivilegeEscalation false");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertEquals(Set.of("ALL"), texts(security.at("/capabilities/drop")), "capabilities drop ALL");
        assertFalse(security.at("/capabilities").has("add"), "no capability added");
        assertFalse(security.path("privileged").asBoolean(), "not privileged");

        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertTrue(tmpVolume != null, "/tmp is mounted (the root filesystem is read-only)");
        String tmp = tmpVolume;
        assertTrue(stream(pod.path("volumes")).anyMatch(v -> tmp.equals(v.path("name").asText()) && v.has("emptyDir")),
                "/tmp is an emptyDir");

        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(container.at("/resources/" + kind + "/" + resource).asText().isBlank(),
                        "resources." + kind + "." + resource);
            }
        }
        Set<String> datasourceEnv = new HashSet<>();
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                datasourceEnv.add(env.path("name").asText());
                assertFalse(env.at("/valueFrom/secretKeyRef/name").asText().isBlank(), env + " comes from a secret");
            }
        }
        assertEquals(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"), datasourceEnv);
        assertFalse(texts(deployment.at("/spec/template/spec/topologySpreadConstraints"), "topologyKey").isEmpty(),
                "pods are spread across nodes");
    }

    private static void assertProbe(JsonNode container, String probe, String path, AppSettings app) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), probe + " path");
        JsonNode port = get.path("port");
        int number = port.isNumber() ? port.asInt() : portNamed(container, port.asText()).path("containerPort").asInt();
        assertEquals(app.httpPort(), number, probe + " port");
    }

    private static JsonNode portNamed(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> name.equals(p.path("name").asText())).findFirst()
                .orElseGet(() -> fail("no container port named " + name));
    }

    /** No Secret carries data, and no credential-like variable is given as a literal value. */
    static void assertNoLiteralCredentials(List<JsonNode> objects) {
        for (JsonNode secret : ofKind(objects, "Secret")) {
            assertTrue(secret.path("data").isEmpty() && secret.path("stringData").isEmpty(),
                    "Secret " + secret.at("/metadata/name").asText() + " holds values");
        }
        for (JsonNode object : objects) {
            for (JsonNode container : object.at("/spec/template/spec/containers")) {
                for (JsonNode env : container.path("env")) {
                    if (SENSITIVE_ENV.matcher(env.path("name").asText()).matches()) {
                        assertFalse(env.has("value"), env.path("name").asText() + " must come from a secret");
                    }
                }
            }
        }
        for (JsonNode configMap : ofKind(objects, "ConfigMap")) {
            configMap.path("data").properties().forEach(e -> assertFalse(e.getKey().matches(".*(PASSWORD|SECRET).*"),
                    "ConfigMap key " + e.getKey() + " looks like a credential"));
        }
    }

    /** Ingress only to the HTTP port; egress only to PostgreSQL, the OIDC provider and DNS. */
    static void assertNetworkPolicy(JsonNode policy, AppSettings app) {
        assertEquals(Set.of("Ingress", "Egress"), texts(policy.at("/spec/policyTypes")));
        Set<String> ingress = new HashSet<>();
        policy.at("/spec/ingress").forEach(rule -> rule.path("ports").forEach(p -> ingress.add(port(p))));
        assertEquals(Set.of("TCP/" + app.httpPort()), ingress, "ingress ports");
        policy.at("/spec/ingress").forEach(rule -> assertFalse(rule.path("ports").isEmpty(), "every ingress rule names ports"));
        Set<String> egress = new HashSet<>();
        policy.at("/spec/egress").forEach(rule -> {
            assertFalse(rule.path("ports").isEmpty(), "every egress rule names ports");
            rule.path("ports").forEach(p -> egress.add(port(p)));
        });
        assertEquals(Set.of("TCP/5432", "TCP/443", "TCP/8443", "UDP/53", "TCP/53"), egress, "egress ports");
    }

    static void assertServiceMonitor(JsonNode monitor, JsonNode service) {
        JsonNode endpoint = monitor.at("/spec/endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertTrue(texts(service.at("/spec/ports"), "name").contains(endpoint.path("port").asText()),
                "the ServiceMonitor scrapes a named port of the Service");
        assertEquals(service.at("/spec/selector"), monitor.at("/spec/selector/matchLabels"),
                "the ServiceMonitor selects the Service by its labels");
    }

    /** A CloudNativePG Cluster whose generated app secret is the one the Deployment reads. */
    static void assertCloudNativePg(JsonNode cluster, JsonNode deployment, int instances) {
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        assertEquals(instances, cluster.at("/spec/instances").asInt());
        String secret = cluster.at("/metadata/name").asText() + "-app";
        for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
            if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                assertEquals(secret, env.at("/valueFrom/secretKeyRef/name").asText(), env.path("name").asText());
            }
        }
    }

    private static String port(JsonNode port) {
        return port.path("protocol").asText("TCP") + "/" + port.path("port").asText();
    }

    static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static Set<String> texts(JsonNode array, String field) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.path(field).asText()));
        return values;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
