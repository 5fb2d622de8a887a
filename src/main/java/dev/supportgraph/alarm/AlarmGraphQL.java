package dev.supportgraph.alarm;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.InventoryService;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.resourcetrouble.ResourceTroubleService;
import dev.supportgraph.resourcetrouble.ResourceTroubleType;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Alarms: the top-level list and the edges to and from them. Staff and systems of record. */
@GraphQLApi
@Authenticated
public class AlarmGraphQL {

    @Inject
    AlarmService service;

    @Inject
    InventoryService inventory;

    @Inject
    ResourceTroubleService troubles;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Alarms from the network, most recently raised first (staff and systems of record; empty for portal customers).")
    public @NonNull AlarmConnection alarms(AlarmFilter filter, Integer first, String after, Integer last, String before) {
        return service.alarms().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                AlarmOrder.NEWEST_FIRST, Selection.wantsTotalCount(context), AlarmConnection::of);
    }

    @Description("The alarmed resource.")
    public List<ResourceType> resource(@Source List<AlarmType> alarms) {
        return Batch.one(alarms, AlarmType::resourceKey, inventory.resources()::mapByIds);
    }

    @Description("The resource trouble the alarm opened or joined; null when none (or not visible to the caller).")
    public List<ResourceTroubleType> resourceTrouble(@Source List<AlarmType> alarms) {
        return Batch.one(alarms, AlarmType::resourceTroubleKey, troubles.troubles()::mapByIds);
    }

    @Name("alarms")
    @Description("The alarms that opened or joined this trouble, most recently raised first.")
    @JoinedBy(parentKey = "e.resourceTroubleId", orderBy = "e.raisedTime desc, e.id desc")
    public List<@NonNull List<@NonNull AlarmType>> troubleAlarms(@Source List<ResourceTroubleType> troubles) {
        return Batch.many(troubles, ResourceTroubleType::key, service::byTroubles);
    }
}
