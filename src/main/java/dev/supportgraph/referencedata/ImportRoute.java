package dev.supportgraph.referencedata;

import dev.supportgraph.referencedata.ImportRows.RowType;
import dev.supportgraph.security.Role;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /import} (NDJSON, each line with a {@code type}) and {@code POST /import/{type}}
 * (customers, contacts, services, resources, links; NDJSON or CSV): the bulk import of reference
 * data for integration and admin callers. The body is streamed line by line to {@link Importer}
 * on a worker thread; the answer, when all is done, is the {@link ImportSummary} as JSON.
 * See docs/import.md.
 */
@ApplicationScoped
public class ImportRoute {

    /**
     * After Quarkus' authentication (-200) and authorization (-100), before its upload limit (-2):
     * an import's body is streamed, so the limit for GraphQL requests does not apply to it.
     */
    private static final int ORDER = -3;
    private static final String NDJSON = "application/x-ndjson";
    private static final String CSV = "text/csv";

    @Inject
    Importer importer;

    void register(@Observes Router router) {
        router.post("/import").order(ORDER).handler(ctx -> start(ctx, null));
        router.post("/import/:type").order(ORDER).handler(ctx -> {
            RowType type = RowType.named(ctx.pathParam("type"));
            if (type == null) {
                answer(ctx, 404, "Import types are customers, contacts, services, resources and links");
            } else {
                start(ctx, type);
            }
        });
    }

    private void start(RoutingContext ctx, RowType type) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            answer(ctx, 401, "A bearer token is required");
            return;
        }
        if (!identity.hasRole(Role.INTEGRATION) && !identity.hasRole(Role.ADMIN)) {
            answer(ctx, 403, "Importing needs one of the roles " + Role.INTEGRATION + ", " + Role.ADMIN);
            return;
        }
        String contentType = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
        boolean csv = contentType.startsWith(CSV);
        if (!csv && !contentType.startsWith(NDJSON) || csv && type == null) {
            answer(ctx, 415, "Send " + NDJSON + (type == null ? "" : " or " + CSV));
            return;
        }
        ctx.request().pause();
        Context context = Vertx.currentContext();
        RequestBodyStream body = new RequestBodyStream(ctx.request(), context);
        String name = type == null ? "mixed" : type.name().toLowerCase(Locale.ROOT);
        String actor = identity.getPrincipal().getName();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                ImportSummary summary = importer.run(name, lines, type, csv, actor);
                context.runOnContext(v -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(JsonObject.mapFrom(summary).encode()));
            } catch (Exception e) {
                Log.errorf(e, "Import %s failed", name);
                context.runOnContext(v -> answer(ctx, 500, "The import failed (see the server log); rows of committed batches stay"));
            }
        });
        context.runOnContext(v -> ctx.request().resume());
    }

    private static void answer(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", message).encode());
        }
    }
}
