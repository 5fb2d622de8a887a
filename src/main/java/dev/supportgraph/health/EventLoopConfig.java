package dev.supportgraph.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The event-loop probe ({@link EventLoopProbe}); env {@code SUPPORTGRAPH_EVENT_LOOPS_*}. */
@ConfigMapping(prefix = "supportgraph.event-loops")
public interface EventLoopConfig {

    /** How often a probe task is queued on every event loop. */
    @WithDefault("1S")
    Duration probeInterval();

    /** An event loop this far behind (a probe queued this long and not run) makes readiness DOWN. */
    @WithDefault("2S")
    Duration readyLag();

    /** An event loop this far behind makes liveness DOWN: it is stuck, and a restart is the way out. */
    @WithDefault("30S")
    Duration liveLag();
}
