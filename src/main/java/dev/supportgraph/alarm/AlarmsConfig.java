package dev.supportgraph.alarm;

import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Alarms in ({@code supportgraph.alarms.*}, env {@code SUPPORTGRAPH_ALARMS_*}); see docs/alarms.md. */
@ConfigMapping(prefix = "supportgraph.alarms")
public interface AlarmsConfig {

    /**
     * The lowest severity that opens a resource trouble (or joins an open one); in TMF642 order
     * CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE.
     */
    @WithDefault("MAJOR")
    PerceivedSeverity openTroubleAt();

    /**
     * How long after an alarm opened a trouble, alarms on other resources behind one of the same
     * services join it instead of opening their own.
     */
    @WithDefault("10M")
    Duration correlationWindow();

    /** Lines of {@code POST /alarms} per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Errors listed in the answer of {@code POST /alarms} (all are counted). */
    @WithDefault("1000")
    int maxErrors();
}
