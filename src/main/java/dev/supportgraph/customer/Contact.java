package dev.supportgraph.customer;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;


/** A person or role at a customer (TMF632 Individual in a party role). */
@Entity
public class Contact extends ExternallyKeyed {

    /** Plain id, not a lazy association: relations are resolved in batches by the services. */
    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    public String email;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    public ContactChannel preferredChannel;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactStatus status;
}
