package dev.supportgraph.billing;

import dev.supportgraph.events.EventType;
import dev.supportgraph.lifecycle.LifecycleSubject;
import dev.supportgraph.lifecycle.StateMachine;

import static dev.supportgraph.billing.InvoiceState.NEW;
import static dev.supportgraph.billing.InvoiceState.ON_HOLD;
import static dev.supportgraph.billing.InvoiceState.PARTIALLY_PAID;
import static dev.supportgraph.billing.InvoiceState.SENT;
import static dev.supportgraph.billing.InvoiceState.SETTLED;
import static dev.supportgraph.billing.InvoiceState.VALIDATED;

/**
 * TMF678 CustomerBill transition table. PARTIALLY_PAID and SETTLED follow from payments and
 * adjustments (SENT -> SETTLED when the first payment covers everything); releasing a hold
 * returns to the state the invoice was held in.
 */
public final class InvoiceLifecycle {

    public static final StateMachine<InvoiceState> INVOICE = StateMachine.of("Invoice", InvoiceState.class)
            .initial(NEW)
            .action("validate", VALIDATED, NEW)
            .action("send", SENT, VALIDATED)
            .action("payPartially", PARTIALLY_PAID, SENT)
            .action("settle", SETTLED, SENT, PARTIALLY_PAID)
            .action("hold", ON_HOLD, NEW, VALIDATED)
            .back("release", ON_HOLD, NEW, VALIDATED)
            .build();

    /** Invoices with the lifecycle layer: history in status_change.invoice_id, events INVOICE_STATE_CHANGED. */
    public static final LifecycleSubject<InvoiceState> SUBJECT =
            new LifecycleSubject<>("INVOICE", "invoice_id", EventType.INVOICE_STATE_CHANGED, INVOICE);

    private InvoiceLifecycle() {
    }
}
