package dev.supportgraph.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Auto-close of RESOLVED tickets under {@code supportgraph.auto-close.*} (TMF656: the acknowledgement timeframe passed). */
@ConfigMapping(prefix = "supportgraph.auto-close")
public interface AutoCloseConfig {

    /** How often each replica looks for tickets to close ({@code off} disables the job); read by the @Scheduled expression. */
    @WithDefault("1h")
    String every();

    /** How long a ticket stays RESOLVED without customer reaction before it is closed. */
    @WithDefault("7D")
    Duration after();

    /** Tickets closed per statement and transaction. */
    @WithDefault("500")
    int batchSize();

    /** Recorded as the actor and the author of the PUBLIC note. */
    @WithDefault("auto-close")
    String actor();

    /** The PUBLIC note each closed ticket gets. */
    @WithDefault("Closed automatically: the resolution was not rejected within the acknowledgement period.")
    String note();
}
