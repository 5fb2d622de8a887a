package dev.supportgraph.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A person or role at a customer (TMF632 Individual in a party role). */
@Entity
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
