package dev.supportgraph.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.delivery.Manifests.assertDeployment;
import static dev.supportgraph.delivery.Manifests.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the kustomize tree: the base and each overlay's own files directly (always), and the
 * fully rendered overlays in target/k8s-{dev,prod}.yaml when CI rendered them with
 * {@code kubectl kustomize}.
 */
@Tag("pure")
class KustomizeManifestsTest {

    private static final Manifests.AppSettings APP = Manifests.AppSettings.load();
    private static final Path K8S = Path.of("k8s");

    /** The objects listed under {@code resources:} in a kustomization, without nested kustomizations. */
    private static List<JsonNode> resources(Path dir) {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode entry : kustomization(dir).path("resources")) {
            Path resource = dir.resolve(entry.asText());
            if (Files.isRegularFile(resource)) {
                objects.addAll(Manifests.parseAll(resource));
            }
        }
        return objects;
    }

    private static JsonNode kustomization(Path dir) {
        return Manifests.parseAll(dir.resolve("kustomization.yaml")).getFirst();
    }

    @Test
    void baseIsRestrictedAndConsistent() {
        List<JsonNode> base = resources(K8S.resolve("base"));
        assertDeployment(single(base, "Deployment"), APP);
        Manifests.assertNoLiteralCredentials(base);
        Manifests.assertNetworkPolicy(single(base, "NetworkPolicy"), APP);
        Manifests.assertServiceMonitor(single(base, "ServiceMonitor"), single(base, "Service"));
        assertEquals("autoscaling/v2", single(base, "HorizontalPodAutoscaler").path("apiVersion").asText());
        assertEquals(single(base, "Deployment").at("/spec/selector/matchLabels"),
                single(base, "PodDisruptionBudget").at("/spec/selector/matchLabels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayPatchesKeepTheInvariants(String overlay) {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        JsonNode kustomization = kustomization(dir);
        assertTrue(Manifests.texts(kustomization.path("resources")).contains("../../base"), "builds on the base");
        Manifests.assertNoLiteralCredentials(resources(dir));

        JsonNode deployment = single(resources(K8S.resolve("base")), "Deployment");
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.has("path")) {
                JsonNode body = Manifests.parseAll(dir.resolve(patch.path("path").asText())).getFirst();
                if ("Deployment".equals(body.path("kind").asText())) {
                    deployment = Manifests.merge(deployment, body);
                }
            }
        }
        assertDeployment(deployment, APP);
    }

    /**
     * The base turns introspection off for anonymous callers (staff roles keep it) and checks the
     * audience; prod's patches keep it so.
     */
    @Test
    void prodServesNoSchemaToAnonymousCallersAndChecksTheAudience() {
        JsonNode config = single(resources(K8S.resolve("base")), "ConfigMap").path("data");
        assertEquals("supportgraph", config.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText());
        Map<String, String> data = new HashMap<>(Map.of(
                "SUPPORTGRAPH_INTROSPECTION", config.path("SUPPORTGRAPH_INTROSPECTION").asText(),
                "SUPPORTGRAPH_INTROSPECTION_ROLES", config.path("SUPPORTGRAPH_INTROSPECTION_ROLES").asText()));
        for (JsonNode patch : kustomization(K8S.resolve("overlays/prod")).path("patches")) {
            if (patch.has("patch")) {
                // An inline JSON 6902 patch is a YAML list: read it as the value of one key.
                String ops = "ops:\n" + patch.path("patch").asText().replaceAll("(?m)^", "  ");
                for (JsonNode op : Manifests.parseAll(ops).getFirst().path("ops")) {
                    String key = op.path("path").asText().replaceFirst("^/data/", "");
                    data.computeIfPresent(key, (k, old) -> op.path("value").asText());
                }
            }
        }
        assertEquals("false", data.get("SUPPORTGRAPH_INTROSPECTION"));
        assertEquals("agent,admin,sre", data.get("SUPPORTGRAPH_INTROSPECTION_ROLES"));
    }

    @Test
    void prodRunsOnAThreeInstanceCloudNativePgCluster() {
        Manifests.assertCloudNativePg(single(resources(K8S.resolve("overlays/prod")), "Cluster"),
                single(resources(K8S.resolve("base")), "Deployment"), 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void renderedOverlay(String overlay) {
        Path rendered = Path.of("target", "k8s-" + overlay + ".yaml");
        assumeTrue(Files.isRegularFile(rendered), rendered + " not rendered (kubectl kustomize runs in .ci/run)");
        List<JsonNode> objects = Manifests.parseAll(rendered);
        JsonNode deployment = single(objects, "Deployment");
        assertDeployment(deployment, APP);
        Manifests.assertNoLiteralCredentials(objects);
        Manifests.assertNetworkPolicy(single(objects, "NetworkPolicy"), APP);
        Manifests.assertServiceMonitor(single(objects, "ServiceMonitor"), single(objects, "Service"));
        String namespace = kustomization(K8S.resolve("overlays").resolve(overlay)).path("namespace").asText();
        objects.forEach(o -> assertEquals(namespace, o.at("/metadata/namespace").asText(), o.at("/metadata/name").asText()));
        if (overlay.equals("prod")) {
            Manifests.assertCloudNativePg(single(objects, "Cluster"), deployment, 3);
            assertEquals("false", single(objects, "ConfigMap").at("/data/SUPPORTGRAPH_GRAPHQL_UI").asText(), "no GraphiQL in prod");
            assertEquals("false", single(objects, "ConfigMap").at("/data/SUPPORTGRAPH_INTROSPECTION").asText(),
                    "no introspection or SDL for anonymous callers in prod");
            assertEquals("agent,admin,sre", single(objects, "ConfigMap").at("/data/SUPPORTGRAPH_INTROSPECTION_ROLES").asText(),
                    "staff keep introspection and the SDL in prod");
        }
    }
}
