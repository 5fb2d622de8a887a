package dev.supportgraph.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, Long> {

    /** The contacts of all given customers in one statement, ordered for stable output. */
    public List<Contact> byCustomers(Collection<Long> customerIds) {
        return list("customerId in ?1 order by customerId, id", customerIds);
    }

    public List<Contact> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
