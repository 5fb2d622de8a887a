package dev.supportgraph.sla;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Name("BusinessHours")
@Description("The working time an SLA policy's clocks count: working days, opening hours and holidays in one time zone.")
public record BusinessHoursType(
        @NonNull @Description("IANA time zone, e.g. \"Europe/Zurich\"; days and hours are local to it.") String timeZone,
        @NonNull @Description("The working days, e.g. MONDAY.") List<@NonNull String> workingDays,
        @NonNull @Description("Opening time on a working day, e.g. \"09:00\".") String opens,
        @NonNull @Description("Closing time on a working day, e.g. \"17:00\".") String closes,
        @NonNull @Description("Days without working time.") List<@NonNull LocalDate> holidays) {

    /** From the policy's columns (days and holidays comma-separated); null for a policy counting around the clock. */
    static BusinessHoursType of(String zone, String days, String opens, String closes, String holidays) {
        if (zone == null) {
            return null;
        }
        return new BusinessHoursType(zone, List.of(days.split(",")), LocalTime.parse(opens).toString(), LocalTime.parse(closes).toString(),
                holidays.isEmpty() ? List.of() : Arrays.stream(holidays.split(",")).map(LocalDate::parse).sorted().toList());
    }

    BusinessHours calendar() {
        return new BusinessHours(ZoneId.of(timeZone), workingDays.stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                LocalTime.parse(opens), LocalTime.parse(closes), Set.copyOf(holidays));
    }
}
