package dev.supportgraph.billing;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("InvoiceLine")
@Description("One charge on an invoice, optionally billing an order or order item.")
public record InvoiceLineType(
        @Ignore long key,
        @Ignore long invoiceKey,
        @Ignore long customerKey,
        @Ignore Long orderKey,
        @Ignore Long orderItemKey,
        @NonNull String description,
        int quantity,
        @Description("Price of one unit.") @NonNull Money unitAmount,
        @Description("The quantity times unitAmount.") @NonNull Money amount) implements Node {

    public static final String TYPE = "InvoiceLine";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    /** Lines carry no currency of their own: it is the invoice's. */
    static InvoiceLineType of(InvoiceLine l, String currency) {
        return new InvoiceLineType(l.id, l.invoiceId, l.customerId, l.orderId, l.orderItemId, l.description,
                l.quantity, Money.of(l.unitAmount, currency), Money.of(l.amount, currency));
    }
}
