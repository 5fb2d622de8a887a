package dev.supportgraph.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Label names reach /q/metrics in snake_case, and the SQL client's copy of the pool stays out, whatever the order. */
@Tag("pure")
class MetricsFilterTest {

    private final MetricsFilter filter = new MetricsFilter();

    @Test
    void camelCaseLabelsBecomeSnakeCase() {
        Meter.Id id = new Meter.Id("mail.bytes.read", Tags.of("clientType", "mail", "remote_address", "x", "clientName", "smtp1"),
                null, "Bytes read", Meter.Type.DISTRIBUTION_SUMMARY);
        Meter.Id mapped = filter.map(id);
        assertEquals(Tags.of("client_name", "smtp1", "client_type", "mail", "remote_address", "x"), Tags.of(mapped.getTagsAsIterable()));
        assertEquals("Bytes read", mapped.getDescription());
        assertEquals("client_type", MetricsFilter.snakeCase("clientType"));
        assertEquals("already_snake", MetricsFilter.snakeCase("already_snake"));
    }

    @Test
    void theSqlClientsCopyIsDeniedBeforeAndAfterMapping() {
        Meter.Id id = new Meter.Id("postgresql.queue.pending", Tags.of("clientType", "sql"), null, null, Meter.Type.GAUGE);
        assertEquals(MeterFilterReply.DENY, filter.accept(id));
        assertEquals(MeterFilterReply.DENY, filter.accept(filter.map(id)));
    }
}
