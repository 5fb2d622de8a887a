package dev.supportgraph.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how far behind each Vert.x event loop is: a probe task is queued on every loop at a
 * fixed rate from a thread of its own, and a loop's lag is how long its oldest probe has been
 * waiting (or how long the last one waited). A loop blocked by a stuck handler shows here, in the
 * gauge {@code supportgraph.event.loop.lag} and in the health checks ({@link EventLoopHealth}),
 * while the loops themselves cannot answer.
 */
@ApplicationScoped
public class EventLoopProbe {

    @Inject
    Vertx vertx;

    @Inject
    EventLoopConfig config;

    @Inject
    MeterRegistry registry;

    /** One loop: when its pending probe was queued (0: none pending) and how long the last one waited. */
    private record Loop(EventExecutor executor, AtomicLong pendingSince, AtomicLong lastLag) {
    }

    private final List<Loop> loops = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supportgraph-event-loop-probe");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent event) {
        vertx.nettyEventLoopGroup().forEach(executor -> loops.add(new Loop(executor, new AtomicLong(), new AtomicLong())));
        Gauge.builder("supportgraph.event.loop.lag", this, probe -> probe.worstLag().toNanos() / 1e9)
                .description("How far behind the slowest Vert.x event loop is (seconds): a stalled loop grows it")
                .baseUnit("seconds").register(registry);
        long every = config.probeInterval().toMillis();
        timer.scheduleAtFixedRate(this::probe, every, every, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        for (Loop loop : loops) {
            long now = System.nanoTime();
            // One probe per loop at a time: a stalled loop does not pile them up.
            if (loop.pendingSince().compareAndSet(0, now)) {
                loop.executor().execute(() -> {
                    loop.lastLag().set(System.nanoTime() - now);
                    loop.pendingSince().set(0);
                });
            }
        }
    }

    /** The lag of the slowest loop: its pending probe's age, or the last probe's wait. */
    public Duration worstLag() {
        long worst = 0;
        long now = System.nanoTime();
        for (Loop loop : loops) {
            long since = loop.pendingSince().get();
            worst = Math.max(worst, Math.max(loop.lastLag().get(), since == 0 ? 0 : now - since));
        }
        return Duration.ofNanos(worst);
    }
}
