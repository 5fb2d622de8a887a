package dev.supportgraph.events;

import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replica's rounds of an outbox-fed sender (webhooks, e-mail), run one at a time on a thread of
 * their own, off the event loops and the scheduler (they block on JDBC and the network). A round
 * is queued when new events arrive ({@link EventDispatcher#onNewEvents}) or the timer ticks;
 * wake-ups that come before it starts are folded into it. A failed round is one log line, not a
 * stack trace per wake-up of a database outage: the next wake-up or tick tries again.
 */
public final class WokenRounds {

    private static final Logger LOG = Logger.getLogger(WokenRounds.class);

    private final String what;
    private final Runnable round;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** {@code what} names the rounds in the log; {@code threadName} names their thread. */
    public WokenRounds(String what, String threadName, Runnable round) {
        this.what = what;
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    public void shutdown() {
        thread.shutdown();
    }

    private void run() {
        queued.set(false);
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s round failed: %s", what, e);
        }
    }
}
