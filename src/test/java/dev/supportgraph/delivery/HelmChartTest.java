package dev.supportgraph.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static dev.supportgraph.delivery.Manifests.assertDeployment;
import static dev.supportgraph.delivery.Manifests.ofKind;
import static dev.supportgraph.delivery.Manifests.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lints and renders helm/support-graph with the real Helm embedded in helm-java. */
@Tag("pure")
class HelmChartTest {

    private static final Manifests.AppSettings APP = Manifests.AppSettings.load();

    private static Helm chart() {
        return new Helm(Paths.get("helm/support-graph"));
    }

    private static List<JsonNode> render(Map<String, Object> values) {
        // The chart declares kubeVersion >= 1.25; helm-java would otherwise assume 1.20.
        TemplateCommand template = chart().template().withName("sg").withNamespace("support").withKubeVersion("1.31.0");
        values.forEach(template::set);
        return Manifests.parseAll(template.call());
    }

    @Test
    void lintsStrictly() {
        LintResult result = chart().lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void defaultValuesRenderARestrictedDeploymentOnAnExternalDatabase() {
        List<JsonNode> objects = render(Map.of());
        JsonNode deployment = single(objects, "Deployment");
        assertDeployment(deployment, APP);
        Manifests.assertNoLiteralCredentials(objects);
        Manifests.assertNetworkPolicy(single(objects, "NetworkPolicy"), APP);

        assertFalse(deployment.at("/spec").has("replicas"), "the HPA owns the replica count");
        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals(deployment.at("/metadata/name"), hpa.at("/spec/scaleTargetRef/name"));
        assertEquals(deployment.at("/spec/selector/matchLabels"), single(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals("http", single(objects, "Service").at("/spec/ports/0/targetPort").asText());

        assertEquals("support-graph-db-app", deployment.at("/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name").asText());
        JsonNode config = single(objects, "ConfigMap").path("data");
        assertEquals("false", config.path("SUPPORTGRAPH_GRAPHQL_UI").asText(), "GraphiQL off by default");
        assertEquals("false", config.path("SUPPORTGRAPH_INTROSPECTION").asText(), "no schema for anonymous callers");
        assertEquals("agent,admin,sre", config.path("SUPPORTGRAPH_INTROSPECTION_ROLES").asText(), "staff keep the schema");
        assertEquals("supportgraph", config.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText(), "tokens for this service only");
        assertTrue(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().startsWith("https://"));
        for (String absent : List.of("Cluster", "Ingress", "ServiceMonitor", "Secret")) {
            assertTrue(ofKind(objects, absent).isEmpty(), absent + " is not rendered by default");
        }
    }

    @Test
    void cloudNativePgIngressMonitoringAndFixedReplicas() {
        List<JsonNode> objects = render(Map.of(
                "database.cloudnativepg.enabled", true,
                "ingress.enabled", true,
                "ingress.host", "support.example.org",
                "ingress.tlsSecretName", "support-tls",
                "autoscaling.enabled", false,
                "replicaCount", 4,
                "serviceMonitor.enabled", true,
                "graphqlUi", true));
        JsonNode deployment = single(objects, "Deployment");
        assertDeployment(deployment, APP);
        Manifests.assertNoLiteralCredentials(objects);
        Manifests.assertNetworkPolicy(single(objects, "NetworkPolicy"), APP);

        JsonNode cluster = single(objects, "Cluster");
        Manifests.assertCloudNativePg(cluster, deployment, 3);
        assertEquals(cluster.at("/metadata/name").asText(),
                single(objects, "NetworkPolicy").at("/spec/egress/0/to/0/podSelector/matchLabels/cnpg.io~1cluster").asText(),
                "database egress only to the release's PostgreSQL instances");

        assertEquals(4, deployment.at("/spec/replicas").asInt());
        assertTrue(ofKind(objects, "HorizontalPodAutoscaler").isEmpty());
        JsonNode ingress = single(objects, "Ingress");
        assertEquals("support.example.org", ingress.at("/spec/rules/0/host").asText());
        assertEquals("support-tls", ingress.at("/spec/tls/0/secretName").asText());
        assertEquals(single(objects, "Service").at("/metadata/name"),
                ingress.at("/spec/rules/0/http/paths/0/backend/service/name"));
        Manifests.assertServiceMonitor(single(objects, "ServiceMonitor"), single(objects, "Service"));
        assertEquals("true", single(objects, "ConfigMap").at("/data/SUPPORTGRAPH_GRAPHQL_UI").asText());
    }

    @Test
    void externalDatabaseSecretNameAndKeysAreConfigurable() {
        JsonNode deployment = single(render(Map.of(
                "database.external.secretName", "pg-credentials",
                "database.external.keys.password", "pass")), "Deployment");
        JsonNode password = env(deployment, "QUARKUS_DATASOURCE_PASSWORD");
        assertEquals("pg-credentials", password.at("/valueFrom/secretKeyRef/name").asText());
        assertEquals("pass", password.at("/valueFrom/secretKeyRef/key").asText());
    }

    @Test
    void oidcPublicKeyReplacesTheProviderUrlAndNeedsAnIssuer() {
        JsonNode config = single(render(Map.of("oidc.publicKey", "MIIBIjANBgkq", "oidc.tokenIssuer", "https://issuer.example.org")),
                "ConfigMap").path("data");
        assertEquals("MIIBIjANBgkq", config.path("QUARKUS_OIDC_PUBLIC_KEY").asText());
        assertEquals("https://issuer.example.org", config.path("QUARKUS_OIDC_TOKEN_ISSUER").asText());
        assertFalse(config.has("QUARKUS_OIDC_AUTH_SERVER_URL"));

        RuntimeException missingIssuer = assertThrows(RuntimeException.class, () -> render(Map.of("oidc.publicKey", "MIIBIjANBgkq")));
        assertTrue(missingIssuer.getMessage().contains("oidc.tokenIssuer"), missingIssuer.getMessage());
    }

    private static JsonNode env(JsonNode deployment, String name) {
        for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no env " + name);
    }
}
