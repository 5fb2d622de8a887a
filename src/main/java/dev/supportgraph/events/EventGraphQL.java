package dev.supportgraph.events;

import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

@GraphQLApi
@Authenticated
public class EventGraphQL {

    @Inject
    TicketEventService service;

    @Inject
    CustomerService customers;

    @Subscription
    @Description("Ticket status changes the caller may see, as they commit. With after: (an eventId) the events "
            + "since then are replayed first (within the retention window), then new ones follow without gap or repeat.")
    public Multi<TicketStatusEvent> ticketStatusChanged(TicketEventFilter filter, String after) {
        return service.ticketStatusChanged(filter, after);
    }

    @Description("The customer of a problem report; null for service and resource troubles.")
    public List<CustomerType> customer(@Source List<TicketStatusEvent> events) {
        Map<Long, CustomerType> byId = customers.mapByIds(events.stream().map(TicketStatusEvent::customerKey)
                .filter(Objects::nonNull).distinct().toList());
        return events.stream().map(e -> e.customerKey() == null ? null : byId.get(e.customerKey())).toList();
    }
}
