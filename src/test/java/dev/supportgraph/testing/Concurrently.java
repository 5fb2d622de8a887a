package dev.supportgraph.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at the same time, each on its own thread. Not {@code CompletableFuture.runAsync}: the
 * common pool has one worker on a 2-core machine, so "two replicas" there run one after the other.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code tasks} on their own threads and waits for all (failing if one fails or {@code timeout} passes). */
    public static void run(Duration timeout, Runnable... tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            CompletableFuture.allOf(Arrays.stream(tasks).map(t -> CompletableFuture.runAsync(t, threads)).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            threads.shutdownNow();
        }
    }
}
