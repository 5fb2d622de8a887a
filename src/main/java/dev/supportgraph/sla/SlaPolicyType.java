package dev.supportgraph.sla;

import dev.supportgraph.customer.CustomerSegment;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Money;
import dev.supportgraph.graph.Node;
import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

@Name("SlaPolicy")
@Description("Response and resolution targets for one customer segment and ticket priority (TMF623), optionally of a set of ticket categories, and the credit a breach earns.")
public record SlaPolicyType(
        @Ignore long key,
        @Description("The customer segment the policy applies to.") @NonNull CustomerSegment segment,
        @Description("The ticket priority the policy applies to.") @NonNull TicketPriority priority,
        @Description("Time to first response (leaving ACKNOWLEDGED), in minutes.") int responseMinutes,
        @Description("Time to resolution, paused in resolutionPauseStates, in minutes.") int resolutionMinutes,
        @NonNull @Description("The states that pause the resolution clock: by default only PENDING (waiting on the customer); HELD, the provider's own wait, pauses only where the policy says so.") List<@NonNull TicketStatus> resolutionPauseStates,
        @NonNull @Description("Percentage of the affected service's monthly charge credited on a breached resolution, e.g. \"10.00\".") String creditPercent,
        @NonNull @Description("Fixed amount credited on a breached resolution.") Money creditAmount,
        @Description("The working time both clocks count; null: around the clock.") BusinessHoursType businessHours,
        @Description("The policy's version for its segment and priority, 1 for the first; pass it as expectedVersion when changing it.") int version,
        @NonNull @Description("Since when tickets created get this version.") OffsetDateTime validFrom,
        @Description("When the next version replaced it; null for the version in force.") OffsetDateTime validTo,
        @Description("Who made this version; null for the seeded one.") String changedBy,
        @Description("Why this version was made.") String changeReason,
        @Ignore WorkingTime workingTime,
        @Ignore List<Long> categoryKeys) implements Node {

    public static final String TYPE = "SlaPolicy";
    /** The node type of ticket categories (named, not imported: see SlaPolicyLifecycle#category). */
    static final String CATEGORY_TYPE = "TicketCategory";

    /** The columns {@link #of} reads, of sla_policy aliased sp. */
    static final String COLUMNS = "sp.id, sp.segment, sp.priority, sp.response_minutes, sp.resolution_minutes, "
            + "sp.credit_percent, sp.credit_amount, sp.currency, array_to_string(sp.resolution_pause_states, ','), "
            + "sp.business_time_zone, array_to_string(sp.business_days, ','), sp.business_opens::text, sp.business_closes::text, "
            + "array_to_string(sp.business_holidays, ','), sp.version, sp.valid_from, sp.valid_to, sp.changed_by, sp.change_reason, "
            + "array_to_string(sp.category_ids, ',')";

    /** How many columns {@link #COLUMNS} has. */
    static final int COLUMN_COUNT = 20;

    @Id
    @Description("The first of categoryIds (a policy may name several); null for the default policy of its segment and priority. "
            + "Kept for clients written before policies named sets: read categoryIds.")
    public String getCategoryId() {
        return categoryKeys.isEmpty() ? null : GlobalId.encode(CATEGORY_TYPE, categoryKeys.getFirst());
    }

    @Id
    @Description("The ticket categories the policy is for (TicketCategory ids, in key order); empty for the default policy of its "
            + "segment and priority, which the tickets of every other category run on.")
    public @NonNull List<@NonNull String> getCategoryIds() {
        return categoryKeys.stream().map(key -> GlobalId.encode(CATEGORY_TYPE, key)).toList();
    }

    @Override
    public @NonNull @Id String getId() {
        return GlobalId.encode(TYPE, key);
    }

    Duration responseTarget() {
        return Duration.ofMinutes(responseMinutes);
    }

    Duration resolutionTarget() {
        return Duration.ofMinutes(resolutionMinutes);
    }

    BigDecimal percent() {
        return new BigDecimal(creditPercent);
    }

    /** From {@link #COLUMNS}, starting at {@code from}. */
    static SlaPolicyType of(Object[] row, int from) {
        BusinessHoursType hours = BusinessHoursType.of((String) row[from + 9], (String) row[from + 10], (String) row[from + 11],
                (String) row[from + 12], (String) row[from + 13]);
        return new SlaPolicyType(((Number) row[from]).longValue(), CustomerSegment.valueOf((String) row[from + 1]),
                TicketPriority.valueOf((String) row[from + 2]), ((Number) row[from + 3]).intValue(),
                ((Number) row[from + 4]).intValue(), pauseStates((String) row[from + 8]),
                ((BigDecimal) row[from + 5]).toPlainString(), Money.of((BigDecimal) row[from + 6], row[from + 7].toString()),
                hours, ((Number) row[from + 14]).intValue(), SlaTicket.instant(row[from + 15]).atOffset(ZoneOffset.UTC),
                row[from + 16] == null ? null : SlaTicket.instant(row[from + 16]).atOffset(ZoneOffset.UTC), (String) row[from + 17],
                (String) row[from + 18], hours == null ? WorkingTime.ALWAYS : hours.calendar(),
                row[from + 19] == null ? List.of() : Arrays.stream(((String) row[from + 19]).split(",")).map(Long::valueOf).toList());
    }

    private static List<TicketStatus> pauseStates(String column) {
        return column.isEmpty() ? List.of() : Arrays.stream(column.split(",")).map(TicketStatus::valueOf).sorted().toList();
    }

    Set<TicketStatus> pauses() {
        return Set.copyOf(resolutionPauseStates);
    }
}
