package dev.supportgraph.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the production settings before Quarkus starts, so that `java -jar` without them stops with
 * one message naming every missing environment variable (Quarkus would report the first one it
 * meets, as a configuration key, or as an unconfigured datasource). Dev mode and tests bring
 * their own database and keys and are not checked.
 */
@QuarkusMain
public class SupportGraphMain {

    /** Ordinals of the sources Quarkus reads the same way: environment over system properties over files. */
    private static final int ENV = 300;
    private static final int FILE = 260;
    private static final int CLASSPATH = 250;

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile",
                Optional.ofNullable(System.getenv("QUARKUS_PROFILE")).orElse("prod"));
        if (profile.equals("prod")) {
            List<String> missing = missing(config(profile));
            if (!missing.isEmpty()) {
                System.err.println("SupportGraph cannot start: missing production settings.\n"
                        + String.join("\n", missing)
                        + "\nSet them as environment variables (or -D system properties); see README.md,"
                        + " \"Running the packaged application\", and docs/deployment.md.");
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    static List<String> missing(SmallRyeConfig config) {
        List<String> missing = new ArrayList<>();
        require(config, missing, "quarkus.datasource.jdbc.url",
                "QUARKUS_DATASOURCE_JDBC_URL (e.g. jdbc:postgresql://HOST:5432/DB) for Hibernate and Flyway");
        require(config, missing, "quarkus.datasource.reactive.url",
                "QUARKUS_DATASOURCE_REACTIVE_URL (e.g. postgresql://HOST:5432/DB, the same database) for events");
        if (absent(config, "quarkus.oidc.auth-server-url")
                && (absent(config, "quarkus.oidc.public-key") || absent(config, "quarkus.oidc.token.issuer"))) {
            missing.add("  QUARKUS_OIDC_AUTH_SERVER_URL (the OIDC provider, e.g. a Keycloak realm URL),"
                    + " or QUARKUS_OIDC_PUBLIC_KEY and QUARKUS_OIDC_TOKEN_ISSUER to verify tokens without one");
        }
        return missing;
    }

    private static void require(SmallRyeConfig config, List<String> missing, String key, String hint) {
        if (absent(config, key)) {
            missing.add("  " + hint);
        }
    }

    private static boolean absent(SmallRyeConfig config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isEmpty();
    }

    private static SmallRyeConfig config(String profile) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new EnvConfigSource(System.getenv(), ENV), new SysPropConfigSource())
                .withSources(PropertiesConfigSourceLoader.inFileSystem("config/application.properties", FILE, loader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", CLASSPATH, loader))
                .build();
    }
}
