package dev.supportgraph.customer;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;


/** A customer account (TMF629 Customer). */
@Entity
public class Customer extends ExternallyKeyed {

    @Column(name = "account_number", nullable = false, unique = true)
    public String accountNumber;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerSegment segment;

    @Column(name = "credit_rating", nullable = false)
    public int creditRating;

    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;
}
