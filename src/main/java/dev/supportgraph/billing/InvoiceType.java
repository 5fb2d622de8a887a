package dev.supportgraph.billing;

import dev.supportgraph.graph.ComputedAs;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Name("Invoice")
@Description("A customer's bill for a period (TMF678 CustomerBill).")
public record InvoiceType(
        @Ignore long key,
        @Ignore long customerKey,
        @NonNull String number,
        @NonNull InvoiceState state,
        @NonNull LocalDate billDate,
        @NonNull LocalDate periodStart,
        @NonNull LocalDate periodEnd,
        @NonNull LocalDate paymentDueDate,
        @Description("Amount due, with its currency.") @NonNull Money totalAmount,
        @Description("Amount paid so far.") @NonNull Money paidAmount,
        @NonNull @Description("Credits granted on this invoice.") Money adjustedAmount,
        @NonNull @Description("What is still due: totalAmount - adjustedAmount - paidAmount.")
        @ComputedAs("e.totalAmount - e.adjustedAmount - e.paidAmount") Money amountDue,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        int version,
        @Description("The key of this object in its system of record (unique per type); null when it was created here.") String externalId) implements Node {

    public static final String TYPE = "Invoice";

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static InvoiceType of(Invoice i) {
        return new InvoiceType(i.id, i.customerId, i.number, i.state, i.billDate, i.periodStart, i.periodEnd,
                i.paymentDueDate, Money.of(i.totalAmount, i.currency), Money.of(i.paidAmount, i.currency),
                Money.of(i.adjustedAmount, i.currency),
                Money.of(i.totalAmount.subtract(i.adjustedAmount).subtract(i.paidAmount), i.currency),
                i.createdAt, i.updatedAt, (int) i.version, i.externalId);
    }
}
