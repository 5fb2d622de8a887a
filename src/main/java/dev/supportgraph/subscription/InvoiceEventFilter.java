package dev.supportgraph.subscription;

import dev.supportgraph.billing.InvoiceState;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("InvoiceEventFilter")
@Description("Which invoice events to receive; all given conditions must hold.")
public record InvoiceEventFilter(
        @Description("Only invoices of this customer.") @Id String customerId,
        @Description("Only changes into one of these states.") List<InvoiceState> states) {
}
