package dev.supportgraph.customer;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of customers and contacts, always within the caller's customer scope. */
@ApplicationScoped
@Transactional
public class CustomerService implements NodeLoader {

    @Inject
    CustomerRepository customers;

    @Inject
    ContactRepository contacts;

    @Inject
    Caller caller;

    public Page<CustomerType> page(PageRequest request, CustomerFilter filter, CustomerOrder order) {
        CustomerOrder effective = order == null ? new CustomerOrder(CustomerOrderField.CREATED_AT, OrderDirection.ASC) : order;
        return customers.page(where(filter), effective.field().key, effective.direction() == OrderDirection.DESC, request)
                .map(CustomerType::of);
    }

    public long count(CustomerFilter filter) {
        return customers.count(where(filter));
    }

    /** The customers with these ids that the caller may see, in no particular order. */
    public List<CustomerType> byIds(Collection<Long> ids) {
        OptionalLong scope = caller.customerScope();
        return customers.byIds(ids).stream()
                .filter(c -> scope.isEmpty() || scope.getAsLong() == c.id)
                .map(CustomerType::of)
                .toList();
    }

    /** The customers with these ids (as {@link #byIds}), keyed by id for batch resolvers. */
    public Map<Long, CustomerType> mapByIds(Collection<Long> ids) {
        return byIds(ids).stream().collect(Collectors.toMap(CustomerType::key, Function.identity()));
    }

    public Map<Long, List<ContactType>> contactsByCustomer(Collection<Long> customerIds) {
        return contacts.byCustomers(customerIds).stream()
                .filter(c -> caller.canSeeCustomer(c.customerId))
                .map(ContactType::of)
                .collect(Collectors.groupingBy(ContactType::customerKey));
    }

    public List<ContactType> contactsByIds(Collection<Long> ids) {
        return contacts.byIds(ids).stream()
                .filter(c -> caller.canSeeCustomer(c.customerId))
                .map(ContactType::of)
                .toList();
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(CustomerType.TYPE, ContactType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return type.equals(CustomerType.TYPE) ? byIds(ids) : contactsByIds(ids);
    }

    private Where where(CustomerFilter filter) {
        Where where = new Where();
        caller.customerScope().ifPresent(scope -> where.eq("e.id", scope));
        if (filter != null) {
            where.in("e.status", filter.status())
                    .in("e.segment", filter.segment())
                    .search(filter.search(), "e.name", "e.accountNumber")
                    .between("e.createdAt", filter.createdFrom(), filter.createdTo());
        }
        return where;
    }
}
