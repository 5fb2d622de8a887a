package dev.supportgraph.referencedata;

import dev.supportgraph.bulk.BulkRequests;
import dev.supportgraph.referencedata.ImportRows.RowType;
import dev.supportgraph.security.Role;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * {@code POST /import} (NDJSON, each line with a {@code type}) and {@code POST /import/{type}}
 * (customers, contacts, services, resources, links; NDJSON or CSV): the bulk import of reference
 * data for integration and admin callers. The body is streamed line by line to {@link Importer}
 * on a worker thread ({@link BulkRequests}); the answer, when all is done, is the {@link ImportSummary} as JSON.
 * See docs/import.md.
 */
@ApplicationScoped
public class ImportRoute {

    @Inject
    Importer importer;

    void register(@Observes Router router) {
        router.post("/import").order(BulkRequests.ORDER).handler(ctx -> start(ctx, null));
        router.post("/import/:type").order(BulkRequests.ORDER).handler(ctx -> {
            RowType type = RowType.named(ctx.pathParam("type"));
            if (type == null) {
                BulkRequests.answer(ctx, 404, "Import types are customers, contacts, services, resources, links, unlinks, contact_deactivations and customer_deactivations");
            } else {
                start(ctx, type);
            }
        });
    }

    private void start(RoutingContext ctx, RowType type) {
        String name = type == null ? "mixed" : type.name().toLowerCase(Locale.ROOT);
        List<String> mediaTypes = type == null ? List.of(BulkRequests.NDJSON) : List.of(BulkRequests.NDJSON, BulkRequests.CSV);
        BulkRequests.stream(ctx, "import " + name, List.of(Role.INTEGRATION, Role.ADMIN), mediaTypes,
                (lines, mediaType, caller) -> importer.run(name, lines, type, mediaType.equals(BulkRequests.CSV),
                        caller.getPrincipal().getName()));
    }
}
