package dev.supportgraph.billing;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("Payment")
@Description("Money received against an invoice.")
public record PaymentType(
        @Ignore long key,
        @Ignore long invoiceKey,
        @Ignore long customerKey,
        @Description("Amount received.") @NonNull Money amount,
        @Description("How the customer paid.") @NonNull PaymentMethod method,
        @Description("Bank or card reference.") String reference,
        @NonNull OffsetDateTime paidAt) implements Node {

    public static final String TYPE = "Payment";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    /** Payments are in the invoice's currency. */
    static PaymentType of(Payment p, String currency) {
        return new PaymentType(p.id, p.invoiceId, p.customerId, Money.of(p.amount, currency), p.method, p.reference,
                p.paidAt);
    }
}
