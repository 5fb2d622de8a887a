package dev.supportgraph.sla;

import dev.supportgraph.customer.CustomerSegment;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("SlaPolicyCreateInput")
@Description("A policy for the tickets of a set of categories in a segment and priority: it starts as a copy of the default policy "
        + "in force for them; given fields replace the copied values.")
public record SlaPolicyCreateInput(
        @NonNull @Description("The customer segment.") CustomerSegment segment,
        @NonNull @Description("The ticket priority.") TicketPriority priority,
        @Id @Description("The ticket category (an active one), for a policy of one category; or give categoryIds.") String categoryId,
        @Id @Description("The ticket categories (active ones), instead of categoryId; a category is in at most one policy per segment and priority.")
        List<String> categoryIds,
        @Description("Time to first response, in minutes (at least 1).") Integer responseMinutes,
        @Description("Time to resolution, in minutes (at least responseMinutes).") Integer resolutionMinutes,
        @Description("The states that pause the resolution clock: a subset of PENDING and HELD.") List<TicketStatus> resolutionPauseStates,
        @Description("Percentage of the monthly charge credited on a breach, 0 to 100, e.g. \"10.00\".") String creditPercent,
        @Description("Fixed amount credited on a breach, e.g. \"25.00\".") String creditAmount,
        @Description("Working time for both clocks.") BusinessHoursInput businessHours,
        @Description("true: the clocks count around the clock (no business hours); not together with businessHours.") Boolean aroundTheClock,
        @Description("Why, kept with the version.") String reason) implements SlaTerms {
}
