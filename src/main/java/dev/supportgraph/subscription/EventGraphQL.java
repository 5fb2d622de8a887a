package dev.supportgraph.subscription;

import dev.supportgraph.billing.InvoiceType;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Nodes;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.ticket.Ticket;
import dev.supportgraph.ticket.TicketKind;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subscriptions check authentication in TicketEventService (see there why not with
 * {@code @Authenticated}); the events' fields are {@code @Authenticated} as every other resolver.
 */
@GraphQLApi
public class EventGraphQL {

    @Inject
    TicketEventService service;

    @Inject
    CustomerService customers;

    @Inject
    Nodes nodes;

    @Subscription
    @Description("Ticket status changes the caller may see, as they commit. With after: (an eventId) the events "
            + "since then are replayed first (within the retention window), then new ones follow without gap or repeat.")
    public Multi<TicketStatusEvent> ticketStatusChanged(TicketEventFilter filter, String after) {
        return service.ticketStatusChanged(filter, after);
    }

    @Subscription
    @Description("Assignments, unassignments and escalations of the tickets matching the filter, as they commit (staff "
            + "only: portal users receive nothing); after: replays from an eventId as for ticketStatusChanged.")
    public Multi<TicketAssignmentEvent> ticketAssignmentChanged(TicketEventFilter filter, String after) {
        return service.ticketAssignmentChanged(filter, after);
    }

    @Subscription
    @Description("SLA alerts of the problem reports the caller may see (a portal user: their own), optionally of one "
            + "customer; after: replays from an eventId as for ticketStatusChanged.")
    public Multi<SlaAlert> slaAlerts(@Description("Only the alerts of this customer (global id); all customers the caller may see when null.") @Id String customerId, String after) {
        return service.slaAlerts(customerId, after);
    }

    @Subscription
    @Description("State changes of the product orders the caller may see (a portal user: their own customer's; the "
            + "integration role: none), as they commit; after: replays from an eventId as for ticketStatusChanged.")
    public Multi<OrderStateEvent> orderStateChanged(@Description("Only the changes matching it; all visible ones when null.") OrderEventFilter filter,
                                                    @Description("Replay the events behind this eventId first.") String after) {
        return service.orderStateChanged(filter, after);
    }

    @Subscription
    @Description("State changes of the invoices the caller may see, scoped as orderStateChanged; after: replays from an "
            + "eventId as for ticketStatusChanged.")
    public Multi<InvoiceStateEvent> invoiceStateChanged(@Description("Only the changes matching it; all visible ones when null.") InvoiceEventFilter filter,
                                                        @Description("Replay the events behind this eventId first.") String after) {
        return service.invoiceStateChanged(filter, after);
    }

    @Authenticated
    @Description("The order as it is now (it may have changed again since the event); null if it is not visible.")
    public List<ProductOrderType> order(@Source List<OrderStateEvent> events) {
        return load(events.stream().map(e -> new GlobalId(ProductOrderType.TYPE, e.orderKey())).toList(), ProductOrderType.class);
    }

    @Authenticated
    @Description("The invoice as it is now (it may have changed again since the event); null if it is not visible.")
    public List<InvoiceType> invoice(@Source List<InvoiceStateEvent> events) {
        return load(events.stream().map(e -> new GlobalId(InvoiceType.TYPE, e.invoiceKey())).toList(), InvoiceType.class);
    }

    @Authenticated
    @Description("The customer of a problem report; null for service and resource troubles.")
    public List<CustomerType> customer(@Source List<TicketStatusEvent> events) {
        Map<Long, CustomerType> byId = customers.mapByIds(events.stream().map(TicketStatusEvent::customerKey)
                .filter(Objects::nonNull).distinct().toList());
        return events.stream().map(e -> e.customerKey() == null ? null : byId.get(e.customerKey())).toList();
    }

    /**
     * Loaded through the ticket services, so with the subscriber's scope (its request context
     * travels with each event, see EventSubscription).
     */
    @Authenticated
    @Description("The ticket as it is now (it may have changed again since the event); null if it no longer exists or is not visible.")
    public List<Ticket> ticket(@Source List<TicketStatusEvent> events) {
        return tickets(events.stream().map(e -> new GlobalId(e.kind().nodeType, e.ticketKey())).toList());
    }

    @Name("ticket")
    @Authenticated
    @Description("The problem report as it is now; null if it is not visible.")
    public List<Ticket> alertTicket(@Source List<SlaAlert> alerts) {
        return tickets(alerts.stream().map(a -> new GlobalId(TicketKind.PROBLEM_REPORT.nodeType, a.ticketKey())).toList());
    }

    private List<Ticket> tickets(List<GlobalId> ids) {
        return load(ids, Ticket.class);
    }

    private <T> List<T> load(List<GlobalId> ids, Class<T> type) {
        return nodes.load(ids).stream().map(type::cast).toList();
    }
}
