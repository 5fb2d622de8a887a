package dev.supportgraph.referencedata;

import dev.supportgraph.events.EventDispatcher;
import dev.supportgraph.events.EventId;
import dev.supportgraph.events.OutboxReader;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.Nodes;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change feed of reference data for downstream systems (a data warehouse, a CRM): every
 * committed change of a customer, contact, service or resource, once each, in commit order, with
 * replay from an event id. Admin and integration only; authorization is decided when subscribing
 * (the request scope is not active on the dispatcher thread), as for the ticket subscriptions.
 */
@GraphQLApi
public class ReferenceDataEvents {

    @Inject
    Caller caller;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    Nodes nodes;

    @Subscription
    @Description("Changes of customers, contacts, services and resources (of the given types; all when omitted) as they "
            + "commit. With after: (an eventId) the events since then are replayed first (within the retention window), "
            + "then new ones follow without gap or repeat. Admin and integration only.")
    public Multi<ReferenceDataEvent> referenceDataChanged(
            @Description("Only changes of these types; all when omitted.") List<ExternalType> types,
            @Description("Replay the events after this eventId first.") String after) {
        if (caller.isAnonymous()) {
            return Multi.createFrom().failure(new UnauthorizedException());
        }
        if (!caller.has(Role.ADMIN) && !caller.has(Role.INTEGRATION)) {
            return Multi.createFrom().failure(ApiException.of(ErrorCode.FORBIDDEN,
                    "This subscription needs one of the roles " + Role.ADMIN + ", " + Role.INTEGRATION));
        }
        Long afterId = after == null ? null : EventId.decode(after);
        Set<String> events = (types == null || types.isEmpty() ? Arrays.stream(ExternalType.values()) : types.stream())
                .filter(type -> type.event != null).map(type -> type.event.name()).collect(Collectors.toUnmodifiableSet());
        // Replays read only these event types, across customers (reference-data readers are not customer-scoped).
        return dispatcher.subscribe(e -> events.contains(e.type()), new OutboxReader.Scope(events, null),
                ReferenceDataEvent::of, afterId);
    }

    @Authenticated
    @Description("The object as it is now (it may have changed again since the event); null if it is not visible.")
    public List<Node> node(@Source List<ReferenceDataEvent> events) {
        return nodes.load(events.stream().map(e -> GlobalId.decode(e.nodeId())).toList());
    }
}
