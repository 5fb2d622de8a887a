package dev.supportgraph.lifecycle;

import dev.supportgraph.billing.InvoiceLifecycle;
import dev.supportgraph.billing.InvoiceState;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.lifecycle.Transitions;
import dev.supportgraph.testing.CommerceData;
import dev.supportgraph.testing.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;

import static dev.supportgraph.billing.InvoiceState.NEW;
import static dev.supportgraph.billing.InvoiceState.ON_HOLD;
import static dev.supportgraph.billing.InvoiceState.VALIDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The trail of a transition is written at commit (see Outbox); a back transition reads the
 * history, and must still see what its own transaction recorded before.
 */
@QuarkusTest
class TransitionHistoryTest {

    private static final String HISTORY = "select from_status || '>' || to_status as change from status_change"
            + " where invoice_id = ? order by id";

    @Inject
    DataSource ds;

    @Inject
    CommerceData data;

    @Inject
    Transitions transitions;

    @Test
    void aBackTransitionSeesTheHistoryItsOwnTransactionRecorded() {
        long customer = data.customer("History in transaction");
        long invoice = data.invoice(customer, NEW.name(), LocalDate.now(), "100.00", "0", "0");

        InvoiceState released = QuarkusTransaction.requiringNew().call(() -> {
            InvoiceState state = move(invoice, customer, NEW, VALIDATED);
            state = move(invoice, customer, state, ON_HOLD);
            return move(invoice, customer, state, VALIDATED);
        });

        assertEquals(VALIDATED, released);
        assertEquals(List.of("NEW>VALIDATED", "VALIDATED>ON_HOLD", "ON_HOLD>VALIDATED"), history(invoice));
        assertEquals(3, Sql.count(ds, "select count(*) from outbox_event where aggregate = 'INVOICE' and aggregate_id = ?", invoice));
    }

    @Test
    void aBackTransitionToAnotherStateIsRefusedAndLeavesNoTrail() {
        long customer = data.customer("History refused");
        long invoice = data.invoice(customer, NEW.name(), LocalDate.now(), "100.00", "0", "0");

        ApiException refused = assertThrows(ApiException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            InvoiceState held = move(invoice, customer, NEW, ON_HOLD);
            move(invoice, customer, held, VALIDATED);
        }));

        assertEquals(ErrorCode.INVALID_TRANSITION, refused.code());
        assertEquals(List.of(), history(invoice));
        assertEquals(0, Sql.count(ds, "select count(*) from outbox_event where aggregate = 'INVOICE' and aggregate_id = ?", invoice));
    }

    private InvoiceState move(long invoice, long customer, InvoiceState from, InvoiceState to) {
        return transitions.move(InvoiceLifecycle.SUBJECT, invoice, null, customer, from, to, null);
    }

    private List<Object> history(long invoice) {
        return Sql.rows(ds, HISTORY, invoice).stream().map(r -> r.get("change")).toList();
    }
}
