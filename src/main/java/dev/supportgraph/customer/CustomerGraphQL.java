package dev.supportgraph.customer;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;

@GraphQLApi
@Authenticated
public class CustomerGraphQL {

    @Inject
    CustomerService service;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Customers visible to the caller (a portal user sees only their own).")
    public @NonNull CustomerConnection customers(Integer first, String after, Integer last, String before,
                                                 CustomerFilter filter, CustomerOrder orderBy) {
        return service.customers().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context),
                (page, total) -> new CustomerConnection(page.edges(CustomerConnection.CustomerEdge::new), page.pageInfo(), total));
    }

    @Query
    @Description("One customer by id; null when it does not exist or is not visible to the caller.")
    public CustomerType customer(@Description("Global id of the customer.") @NonNull @Id String id) {
        List<CustomerType> found = service.customers().byIds(List.of(GlobalId.decode(CustomerType.TYPE, id)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Description("The customer's contacts.")
    @JoinedBy(parentKey = "e.customerId", orderBy = "e.customerId, e.id")
    public List<@NonNull List<@NonNull ContactType>> contacts(@Source List<CustomerType> customers) {
        Map<Long, List<ContactType>> byCustomer = service.contactsByCustomer(customers.stream().map(CustomerType::key).toList());
        return customers.stream().map(c -> byCustomer.getOrDefault(c.key(), List.of())).toList();
    }

    @Description("The customer this contact belongs to.")
    public List<CustomerType> customer(@Source List<ContactType> contacts) {
        Map<Long, CustomerType> byId = service.mapByIds(contacts.stream().map(ContactType::customerKey).distinct().toList());
        return contacts.stream().map(c -> byId.get(c.customerKey())).toList();
    }
}
