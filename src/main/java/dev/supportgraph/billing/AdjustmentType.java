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

@Name("Adjustment")
@Description("A credit on an invoice, e.g. compensation for a breached SLA.")
public record AdjustmentType(
        @Ignore long key,
        @Ignore long invoiceKey,
        @Ignore long customerKey,
        @Ignore Long problemReportKey,
        @Description("The amount credited (a positive amount with its currency).") @NonNull Money amount,
        @NonNull String reason,
        @Description("Who applied it: a user id, or \"system\" for automatic SLA credits.") @NonNull String createdBy,
        @NonNull OffsetDateTime createdAt) implements Node {

    public static final String TYPE = "Adjustment";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    /** Adjustments are in the invoice's currency. */
    static AdjustmentType of(Adjustment a, String currency) {
        return new AdjustmentType(a.id, a.invoiceId, a.customerId, a.problemReportId, Money.of(a.amount, currency),
                a.reason, a.createdBy, a.createdAt);
    }
}
