package dev.supportgraph.inventory;

import dev.supportgraph.persistence.ExternallyKeyed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * A service instance a customer runs (TMF638 Service). Named ServiceInstance, not Service, so it
 * does not read like the XxxService beans; GraphQL still calls it Service.
 */
@Entity
@Table(name = "service")
public class ServiceInstance extends ExternallyKeyed {

    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceState state;

    @Column(name = "monthly_charge", nullable = false, precision = 14, scale = 2)
    public BigDecimal monthlyCharge;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;
}
