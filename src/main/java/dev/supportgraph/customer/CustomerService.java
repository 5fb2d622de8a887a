package dev.supportgraph.customer;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Ordering;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of customers and contacts, always within the caller's customer scope (see {@link ScopedReads}). */
@ApplicationScoped
public class CustomerService implements NodeLoader {

    private ScopedReads<Customer, CustomerType, CustomerFilter, CustomerOrder> customers;

    private ScopedReads<Contact, ContactType, Void, Ordering<Contact>> contacts;

    @Inject
    CustomerService(StatelessSession session, Caller caller) {
        customers = ScopedReads.referenceData(new ScopedReads<>(session, caller, Customer.class, ScopedReads.CUSTOMER_ITSELF, c -> c.id, c -> c.id, CustomerType::of,
                CustomerService::where, new CustomerOrder(CustomerOrderField.CREATED_AT, OrderDirection.ASC)));
        contacts = ScopedReads.referenceData(new ScopedReads<>(session, caller, Contact.class, "e.customerId", c -> c.id, c -> c.customerId,
                ContactType::of, none -> new Where(), null));
    }

    /** Customers: the top-level list and by id. */
    public ScopedReads<Customer, CustomerType, CustomerFilter, CustomerOrder> customers() {
        return customers;
    }

    /** The customers with these ids that the caller may see, keyed by id for batch resolvers. */
    public Map<Long, CustomerType> mapByIds(Collection<Long> ids) {
        return customers.mapByIds(ids);
    }

    public Map<Long, List<ContactType>> contactsByCustomer(Collection<Long> customerIds) {
        return contacts.byParents("e.customerId", customerIds, "e.customerId, e.id", ContactType::customerKey);
    }

    public List<ContactType> contactsByIds(Collection<Long> ids) {
        return contacts.byIds(ids);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(CustomerType.TYPE, ContactType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return type.equals(CustomerType.TYPE) ? customers.byIds(ids) : contacts.byIds(ids);
    }

    private static Where where(CustomerFilter filter) {
        Where where = new Where();
        if (filter != null) {
            where.in("e.status", filter.status())
                    .in("e.segment", filter.segment())
                    .search(filter.search(), "e.name", "e.accountNumber")
                    .between("e.createdAt", filter.createdFrom(), filter.createdTo());
        }
        return where;
    }
}
