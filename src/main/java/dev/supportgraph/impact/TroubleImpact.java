package dev.supportgraph.impact;

import dev.supportgraph.graph.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("TroubleImpact")
@Description("Who and what a trouble affects, computed from the inventory when asked.")
public record TroubleImpact(
        @Description("Distinct customers owning an affected service.") int customersAffected,
        @NonNull @Description("The customers affected per segment (segments without customers left out).") List<@NonNull SegmentImpact> bySegment,
        @Description("Open problem reports about an affected service, directly or through a service trouble on it.") int openProblemReports,
        @NonNull @Description("Sum of the affected services' monthly charges, one amount per currency (no exchange rates are applied).")
        List<@NonNull Money> monthlyRevenueAtRisk) {

    static final TroubleImpact NONE = new TroubleImpact(0, List.of(), 0, List.of());
}
