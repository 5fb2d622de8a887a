package dev.supportgraph.subscription;

import dev.supportgraph.agent.AgentDirectory;
import dev.supportgraph.events.EventType;
import dev.supportgraph.ticket.SlaWindows;
import dev.supportgraph.ticket.TicketFieldsEvent;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketQueueEvent;
import dev.supportgraph.ticket.TicketQueueFilter;
import dev.supportgraph.ticket.TicketQueueMatcher;
import dev.supportgraph.ticket.TicketStatus;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/** The ticket room's subscriptions: field edits and queues (delivery and scoping are TicketEventService's). */
@ApplicationScoped
public class TicketEventSubscriptions {

    private static final Set<String> FIELD_CHANGES = Set.of(EventType.TICKET_FIELDS_CHANGED.name());

    @Inject
    TicketEventService events;

    @Inject
    AgentDirectory agents;

    @Inject
    SlaWindows sla;

    public Multi<TicketFieldsEvent> fieldsChanged(TicketEventFilter filter, String after) {
        return events.tickets(FIELD_CHANGES, filter, TicketFieldsEvent::of, TicketFieldsEvent::forCustomer, after);
    }

    /**
     * The queue's entries, departures and changes; staff only, as queue filters are. Membership is
     * decided per event and subscriber in memory from the states the event carries: no read at all.
     */
    public Multi<TicketQueueEvent> queueChanged(TicketQueueFilter queue, List<TicketKind> kinds, List<TicketStatus> status, String after) {
        TicketQueueMatcher matcher = new TicketQueueMatcher(queue, kinds, status, agents.currentLater(), sla.window().atRiskBefore());
        return events.staffChoosing(TicketQueueMatcher.TYPES, e -> matcher.change(e) != null,
                e -> TicketQueueEvent.MAPPERS.get(matcher.change(e)), after);
    }
}
