package dev.supportgraph.webhook;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Webhooks as the TM Forum hub (docs/webhooks.md). */
@GraphQLApi
@Authenticated
public class EventListenerGraphQL {

    @Inject
    EventListenerService service;

    @Inject
    CustomerService customers;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("The webhook listeners the caller manages, oldest first: all for admin and integration, a portal user's own; empty for other roles.")
    public @NonNull EventListenerConnection eventListeners(Integer first, String after, Integer last, String before,
                                                           EventListenerFilter filter) {
        return service.connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                Selection.wantsTotalCount(context));
    }

    @Description("The customer whose events it receives; null when it receives all customers' events.")
    public List<CustomerType> customer(@Source List<EventListenerType> listeners) {
        Map<Long, CustomerType> byId = customers.mapByIds(listeners.stream().map(EventListenerType::customerKey).filter(Objects::nonNull).toList());
        return listeners.stream().map(l -> l.customerKey() == null ? null : byId.get(l.customerKey())).toList();
    }

    @Mutation
    @Description("Registers a webhook listener (admin, integration, portal users for their own customer); the payload carries its signing secret.")
    public @NonNull EventListenerPayload eventListenerRegister(@NonNull EventListenerInputs.Register input) {
        return Mutations.run(() -> service.register(input), EventListenerPayload::failed);
    }

    @Mutation
    @Description("Pauses a listener: its deliveries queue up unsent until it is resumed.")
    public @NonNull EventListenerPayload eventListenerPause(@NonNull EventListenerInputs.Change input) {
        return Mutations.run(() -> service.pause(input), EventListenerPayload::failed);
    }

    @Mutation
    @Description("Resumes a paused listener; what queued up is sent in order.")
    public @NonNull EventListenerPayload eventListenerResume(@NonNull EventListenerInputs.Change input) {
        return Mutations.run(() -> service.resume(input), EventListenerPayload::failed);
    }

    @Mutation
    @Description("Deletes a listener and its undelivered deliveries.")
    public @NonNull EventListenerPayload eventListenerDelete(@NonNull EventListenerInputs.Change input) {
        return Mutations.run(() -> service.delete(input), EventListenerPayload::failed);
    }

    @Mutation
    @Description("Sends a listener's dead-lettered deliveries again (admin); replayed counts them.")
    public @NonNull EventListenerPayload eventListenerReplay(@NonNull EventListenerInputs.Change input) {
        return Mutations.run(() -> service.replay(input), EventListenerPayload::failed);
    }
}
