package dev.supportgraph.problem;

import dev.supportgraph.ticket.TicketPriority;
import dev.supportgraph.ticket.TicketSeverity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Triage defaults under {@code supportgraph.triage.*}: what a new problem report gets until staff triage it. */
@ConfigMapping(prefix = "supportgraph.triage")
public interface TriageConfig {

    /**
     * The priority a report gets for the customer's urgency CRITICAL, HIGH, MEDIUM, LOW (in that
     * order) when no staff member sets one. One step lower at the top by default: a customer's own
     * "critical" is checked by an agent before it selects the most demanding SLA target.
     */
    @WithDefault("HIGH,HIGH,MEDIUM,LOW")
    List<TicketPriority> priorityByUrgency();

    /** The urgency assumed when the reporter states none. */
    @WithDefault("MEDIUM")
    TicketPriority defaultUrgency();

    /** The severity a report gets until staff set one. */
    @WithDefault("MINOR")
    TicketSeverity defaultSeverity();

    default TicketPriority priorityFor(TicketPriority urgency) {
        return priorityByUrgency().get(urgency.ordinal());
    }
}
