package dev.supportgraph.sla;

import dev.supportgraph.graph.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("ServiceCredit")
@Description("A credit earned by a breached SLA; applied as an adjustment to the customer's oldest open invoice whose amount due covers it, pending until there is one.")
public record ServiceCreditType(
        @Ignore long key,
        @Ignore long problemReportKey,
        @Ignore Long adjustmentKey,
        @Description("The amount credited.") @NonNull Money amount,
        @NonNull @Description("The breach that earned it, e.g. RESOLUTION_BREACHED.") SlaEventKind breach,
        @NonNull OffsetDateTime breachedAt,
        @Description("When it was applied to an invoice; null while pending.") OffsetDateTime appliedAt) {
}
