package dev.supportgraph.sla;

import dev.supportgraph.ticket.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("SlaPolicyUpdateInput")
@Description("The next version of an SLA policy; omitted fields keep their value.")
public record SlaPolicyUpdateInput(
        @NonNull @Id @Description("The policy version in force.") String id,
        @Description("Its version as last read; STALE_OBJECT if another change came first.") int expectedVersion,
        @Description("Time to first response, in minutes (at least 1).") Integer responseMinutes,
        @Description("Time to resolution, in minutes (at least responseMinutes).") Integer resolutionMinutes,
        @Description("The states that pause the resolution clock: a subset of PENDING and HELD.") List<TicketStatus> resolutionPauseStates,
        @Description("Percentage of the monthly charge credited on a breach, 0 to 100, e.g. \"10.00\".") String creditPercent,
        @Description("Fixed amount credited on a breach, e.g. \"25.00\".") String creditAmount,
        @Description("New working time for both clocks.") BusinessHoursInput businessHours,
        @Description("true: the clocks count around the clock (no business hours); not together with businessHours.") Boolean aroundTheClock,
        @Description("Why, kept with the version.") String reason) implements SlaTerms {
}
