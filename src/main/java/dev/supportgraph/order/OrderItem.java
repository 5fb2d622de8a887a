package dev.supportgraph.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/** One line of a product order (TMF622 ProductOrderItem); has no timestamps of its own. */
@Entity
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    /** Copied from the order so the table can be distributed by customer. */
    @Column(name = "customer_id", nullable = false)
    public long customerId;

    @Column(name = "item_number", nullable = false)
    public int itemNumber;

    @Column(name = "product_name", nullable = false)
    public String productName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemAction action;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false, precision = 14, scale = 2)
    public BigDecimal unitPrice;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderItemState state;

    /** The service instance this item provides or changes, once there is one. */
    @Column(name = "service_id")
    public Long serviceId;

    @Version
    public long version;
}
