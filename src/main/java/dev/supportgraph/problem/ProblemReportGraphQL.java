package dev.supportgraph.problem;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Batches;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.NodeLoaders;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import dev.supportgraph.ticket.TicketOrder;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;

/** Problem reports: the top-level list, their references, and the edges leading to them. */
@GraphQLApi
@Authenticated
public class ProblemReportGraphQL {

    @Inject
    ProblemReportService service;

    @Inject
    NodeLoaders nodes;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Problem reports visible to the caller (a portal user sees only their own customer's).")
    public @NonNull ProblemReportConnection problemReports(Integer first, String after, Integer last, String before,
                                                           ProblemReportFilter filter, TicketOrder orderBy) {
        PageRequest request = PageRequest.of(first, after, last, before, config.paging());
        Page<ProblemReportType> page = service.page(request, filter, orderBy);
        return ProblemReportConnection.of(page, Selection.wantsTotalCount(context) ? (int) service.count(filter) : null);
    }

    @Query
    @Description("One problem report by id; null when it does not exist or is not visible to the caller.")
    public ProblemReportType problemReport(@NonNull @Id String id) {
        List<ProblemReportType> found = service.byIds(List.of(GlobalId.decode(ProblemReportType.TYPE, id)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Description("The customer who reported the problem.")
    public List<CustomerType> customer(@Source List<ProblemReportType> reports) {
        return Batches.one(reports, ProblemReportType::customerKey, nodes.byKey(CustomerType.TYPE, CustomerType.class,
                Batches.keys(reports, ProblemReportType::customerKey)));
    }

    @Description("The contact who reported the problem, if known.")
    public List<ContactType> reportedBy(@Source List<ProblemReportType> reports) {
        return Batches.one(reports, ProblemReportType::reportedByKey, nodes.byKey(ContactType.TYPE, ContactType.class,
                Batches.keys(reports, ProblemReportType::reportedByKey)));
    }

    @Description("The customer's problem reports, newest first; continue with problemReports(filter: {customerId}, orderBy: {field: CREATED_AT, direction: DESC}, after: endCursor).")
    public List<@NonNull ProblemReportConnection> problemReports(@Source List<CustomerType> customers,
                                                                 @DefaultValue("20") int first) {
        int size = PageRequest.of(first, null, null, null, config.paging()).size();
        List<Long> keys = Batches.keys(customers, CustomerType::key);
        Map<Long, Page<ProblemReportType>> pages = service.newestByCustomers(keys, size);
        Map<Long, Long> totals = Selection.wantsTotalCount(context) ? service.countByCustomers(keys) : null;
        return customers.stream().map(c -> ProblemReportConnection.of(pages.getOrDefault(c.key(), Page.empty()),
                totals == null ? null : totals.getOrDefault(c.key(), 0L).intValue())).toList();
    }

    @Description("Problem reports this contact reported, newest first.")
    public List<@NonNull List<@NonNull ProblemReportType>> reportedProblems(@Source List<ContactType> contacts) {
        return Batches.many(contacts, ContactType::key,
                service.byReference(ProblemReportReference.REPORTED_BY, Batches.keys(contacts, ContactType::key)));
    }

    @Name("problemReports")
    @Description("Customer problem reports linked to this service trouble, newest first.")
    public List<@NonNull List<@NonNull ProblemReportType>> problemReportsOfServiceTroubles(
            @Source List<ServiceTroubleType> troubles) {
        return Batches.many(troubles, ServiceTroubleType::key,
                service.byServiceTroubles(Batches.keys(troubles, ServiceTroubleType::key)));
    }
}
