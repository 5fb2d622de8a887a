package dev.supportgraph.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/** Keeps the outbox to the retention window (every replica runs it; the delete is idempotent). */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    @Inject
    OutboxReader reader;

    @Inject
    EventsConfig config;

    @Scheduled(every = "${supportgraph.events.purge-every}", delayed = "${supportgraph.events.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = reader.purge(OffsetDateTime.now().minus(config.retention()));
        LOG.debugf("Purged %d outbox events older than %s", purged, config.retention());
    }
}
