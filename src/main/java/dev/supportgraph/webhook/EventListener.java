package dev.supportgraph.webhook;

import dev.supportgraph.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered webhook listener (TMF hub registration). */
@Entity
@Table(name = "webhook_listener")
public class EventListener extends TrackedEntity {

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    /** TMF event names ({@link WebhookEventType#tmfName}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;

    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "owner_customer_id")
    public Long ownerCustomerId;

    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public String state;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
