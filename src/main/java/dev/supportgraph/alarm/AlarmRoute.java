package dev.supportgraph.alarm;

import dev.supportgraph.bulk.BulkRequests;
import dev.supportgraph.security.Role;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * {@code POST /alarms} (NDJSON): the bulk alarm feed of a mediation layer, for the sre and
 * integration roles; streamed to {@link AlarmFeed} ({@link BulkRequests}), answered with its
 * summary. See docs/alarms.md.
 */
@ApplicationScoped
public class AlarmRoute {

    @Inject
    AlarmFeed feed;

    void register(@Observes Router router) {
        router.post("/alarms").order(BulkRequests.ORDER).handler(ctx -> BulkRequests.stream(ctx, "alarms",
                List.of(Role.SRE, Role.INTEGRATION), List.of(BulkRequests.NDJSON), (lines, mediaType, caller) -> feed.run(lines)));
    }
}
