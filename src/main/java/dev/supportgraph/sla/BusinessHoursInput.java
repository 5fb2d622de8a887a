package dev.supportgraph.sla;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

@Input("BusinessHoursInput")
@Description("The working time an SLA policy's clocks count.")
public record BusinessHoursInput(
        @NonNull @Description("IANA time zone id, e.g. \"Europe/Zurich\".") String timeZone,
        @NonNull @Description("The working days (at least one), e.g. MONDAY.") List<@NonNull String> workingDays,
        @NonNull @Description("Opening time on a working day, \"HH:MM\".") String opens,
        @NonNull @Description("Closing time on a working day, \"HH:MM\", after opens.") String closes,
        @Description("Days without working time (local dates); none when omitted.") List<LocalDate> holidays) {
}
