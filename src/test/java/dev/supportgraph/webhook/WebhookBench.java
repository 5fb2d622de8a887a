package dev.supportgraph.webhook;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Concurrently;
import dev.supportgraph.testing.Sql;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Webhook delivery under load (run by bench/webhooks.sh, not by the test suite: the class name
 * matches no surefire pattern). Events are written at {@code bench.rate} per second for
 * {@code bench.seconds} on {@code bench.resources} orders, fanned out to {@code bench.listeners}
 * listeners and delivered by two concurrent "replicas" to a real HTTP receiver, with 120 s to
 * drain. Reports the delivery throughput, latency from the event's commit to its receipt (p50,
 * p99), and deliveries not made by the end of the window or received twice, into target/webhook-bench.txt.
 */
@QuarkusTest
class WebhookBench {

    @Inject
    DataSource ds;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    WebhookSender sender;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void deliversUnderLoad() throws Exception {
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 5);
        int listeners = Integer.getInteger("bench.listeners", 10);
        int resources = Integer.getInteger("bench.resources", 100);
        try (Receiver receiver = new Receiver()) {
            long customer = Sql.exec(ds, "insert into customer (account_number, name, segment, credit_rating) values (?, 'Bench', 'ENTERPRISE', 700) returning id",
                    "bench-" + UUID.randomUUID());
            for (int i = 0; i < listeners; i++) {
                JsonPath registered = GraphQLClient.mutate(Tokens.admin(), "eventListenerRegister", "{callbackUrl: \"" + receiver.url("/b" + i)
                        + "\", eventTypes: [PRODUCT_ORDER_STATE_CHANGE], customerId: \"" + GlobalId.encode("Customer", customer) + "\"}", "secret");
                receiver.secret("/b" + i, registered.getString("secret"));
            }
            fanOut.run();
            long expected = (long) rate * seconds * listeners;
            long start = System.nanoTime();
            // When the producer finished: on a loaded machine it may fall behind its rate, which the report shows.
            java.util.concurrent.atomic.AtomicLong produced = new java.util.concurrent.atomic.AtomicLong();
            Runnable producer = () -> {
                // One statement every 10 ms, each its own transaction (committed at its created_at).
                int perTick = Math.max(1, rate / 100);
                for (int tick = 0; tick < seconds * 100; tick++) {
                    Sql.exec(ds, """
                            insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                            select 'ORDER_STATE_CHANGED', 'ORDER', 970000 + (? + g) % ?, ?, jsonb_build_object('to', 'IN_PROGRESS', 'at', now()::text)
                            from generate_series(1, ?) g returning 1""", tick * perTick, resources, customer, perTick);
                    long next = start + TimeUnit.MILLISECONDS.toNanos(10L * (tick + 1));
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
                produced.set(System.nanoTime() - start);
            };
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120L);
            Runnable replica = () -> {
                // Until every delivery arrived once (repeats do not count: a replica stopping early would leave deliveries behind).
                while (receiver.distinct.size() < expected && System.nanoTime() < deadline) {
                    // A replica's pipeline (fan-out included) until nothing is due or in flight.
                    if (sender.sendDue() == 0) {
                        // Nothing due: a replica would wait for the next NOTIFY; do not spin on the shared cores.
                        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                    }
                }
            };
            double failedBefore = registry.counter("supportgraph.webhooks.failed").count();
            io.micrometer.core.instrument.Timer claims = registry.timer("supportgraph.webhooks.claim");
            long claimsBefore = claims.count();
            double claimMillisBefore = claims.totalTime(TimeUnit.MILLISECONDS);
            long jvmCpu = processCpuNanos();
            long postgresCpu = postgresCpuTicks();
            Concurrently.run(Duration.ofSeconds(seconds + 180L), producer, replica, replica);
            // CPU spent per delivery does not depend on how much of the shared cores other work took.
            double jvmCpuPerDelivery = (processCpuNanos() - jvmCpu) / 1e6 / expected;
            double postgresCpuPerDelivery = (postgresCpuTicks() - postgresCpu) * 1000.0 / CLOCK_TICKS / expected;
            long distinct = receiver.received.stream().map(d -> d.path() + d.eventId()).distinct().count();
            // Per listener and order, the first receipts' event ids must rise (ids are zero-padded, so they sort as strings).
            java.util.Map<String, String> last = new java.util.HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            long outOfOrder = 0;
            for (Receiver.Delivery d : receiver.received) {
                if (seen.add(d.path() + d.eventId())) {
                    String previous = last.put(d.path() + d.event().getJsonObject("productOrder").getString("id"), d.eventId());
                    outOfOrder += previous != null && previous.compareTo(d.eventId()) > 0 ? 1 : 0;
                }
            }
            List<Long> latencies = receiver.received.stream().map(d -> Duration.between(d.eventTime(), d.receivedAt()).toMillis()).sorted().toList();
            double elapsed = Duration.between(receiver.received.stream().map(Receiver.Delivery::eventTime).min(java.util.Comparator.naturalOrder()).orElseThrow(),
                    receiver.received.stream().map(Receiver.Delivery::receivedAt).max(java.util.Comparator.naturalOrder()).orElseThrow()).toMillis() / 1000.0;
            String report = String.format("webhooks: %d events/s x %d s (written in %.1f s) to %d listeners on %d resources: expected %d, delivered %d, "
                            + "undelivered when the drain window closed %d, duplicated %d, out of order %d; throughput %.0f deliveries/s; commit-to-receipt p50 %d ms, p99 %d ms, max %d ms; "
                            + "CPU per delivery: test JVM (sender, receiver, producer) %.3f ms, PostgreSQL %.3f ms; failed attempts %.0f; claims %d, %.0f ms each on average%n",
                    rate, seconds, produced.get() / 1e9, listeners, resources, expected, distinct, expected - distinct, receiver.received.size() - distinct, outOfOrder,
                    distinct / elapsed, latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)), latencies.getLast(),
                    jvmCpuPerDelivery, postgresCpuPerDelivery, registry.counter("supportgraph.webhooks.failed").count() - failedBefore,
                    claims.count() - claimsBefore, (claims.totalTime(TimeUnit.MILLISECONDS) - claimMillisBefore) / Math.max(1, claims.count() - claimsBefore));
            System.out.print(report);
            Files.writeString(Path.of("target", "webhook-bench.txt"), report);
            assertEquals(expected, distinct, "deliveries not made within the drain window");
            assertEquals(0, outOfOrder, "deliveries out of order per resource");
        }
    }

    /** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times. */
    private static final int CLOCK_TICKS = 100;

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks of the embedded PostgreSQL: its postmaster (with its exited children) and its live backends. */
    private long postgresCpuTicks() throws Exception {
        long postmaster = Long.parseLong(stat(Sql.count(ds, "select pg_backend_pid()"))[1]);
        String[] own = stat(postmaster);
        long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
        for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            String[] fields = stat(child.pid());
            if (fields != null) {
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks;
    }

    /** /proc/<pid>/stat's fields after the command name (state first), or null if the process is gone. */
    private static String[] stat(long pid) throws java.io.IOException {
        try {
            String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
