package dev.supportgraph.referencedata;

import dev.supportgraph.config.SupportGraphConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The dev profile's small demo data set ({@code supportgraph.dev-db.demo-data}, on by default), loaded at
 * every start: the reference data (customers, contacts, services, resources and their links) goes
 * through the bulk import like any system of record's file, then the scripts that build on it
 * (orders and invoices, tickets, routing) run. Both are idempotent: a restart changes nothing.
 */
@ApplicationScoped
public class DemoData {

    /** The reference data, one import line each (docs/import.md). */
    public static final String REFERENCE_DATA = "demo/reference-data.ndjson";
    /** What builds on the reference data, in this order; each finds its rows by account number or name. */
    public static final List<String> SCRIPTS = List.of("demo/commerce.sql", "demo/tickets.sql", "demo/tickets_routing.sql");
    private static final String ACTOR = "demo-data";

    @Inject
    Importer importer;

    @Inject
    SupportGraphConfig config;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        // The dev profile, as for the embedded database (EmbeddedDatabaseConfigSourceFactory).
        if (ConfigUtils.isProfileActive("dev") && config.devDb().demoData()) {
            importReferenceData();
            runScripts();
        }
    }

    /** Imports {@link #REFERENCE_DATA}; a second run finds every row unchanged. */
    @ActivateRequestContext
    public ImportSummary importReferenceData() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource(REFERENCE_DATA), StandardCharsets.UTF_8))) {
            ImportSummary summary = importer.run("demo", lines, null, false, ACTOR);
            if (summary.failed() > 0) {
                Log.warnf("Demo data: %d lines not imported: %s", summary.failed(), summary.errors());
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runScripts() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : SCRIPTS) {
                statement.execute(read(script));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data scripts failed", e);
        }
    }

    /** A script's text. */
    public static String read(String script) {
        try (InputStream in = resource(script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(Thread.currentThread().getContextClassLoader().getResourceAsStream(name), name);
    }
}
