package dev.supportgraph.billing;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.lifecycle.Transitions;
import dev.supportgraph.order.OrderItem;
import dev.supportgraph.order.OrderItemState;
import dev.supportgraph.order.OrderState;
import dev.supportgraph.order.ProductOrder;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

import static dev.supportgraph.billing.InvoiceLifecycle.INVOICE;

/**
 * Billing (TMF678): issuing invoices from completed orders, the invoice lifecycle, payments and
 * adjustments with PARTIALLY_PAID/SETTLED derived from what is still due. Agents and admins only;
 * another customer's invoice is NOT_FOUND for a portal user, their own FORBIDDEN.
 */
@ApplicationScoped
@Transactional
public class InvoiceLifecycleService {

    private static final String PRODUCT_ORDER = "ProductOrder";
    private static final String PROBLEM_REPORT = "ProblemReport";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Transitions transitions;

    @Inject
    Idempotency idempotency;

    public InvoiceType issue(InvoiceInputs.Issue input) {
        caller.require(Role.AGENT, Role.ADMIN);
        long id = idempotency.once("invoiceIssue", input.idempotencyKey(), input, () -> insert(input), this::visible);
        return InvoiceType.of(em.find(Invoice.class, id));
    }

    public InvoiceType transition(InvoiceInputs.Transition input) {
        if (input.to() == InvoiceState.PARTIALLY_PAID || input.to() == InvoiceState.SETTLED) {
            throw ApiException.of(ErrorCode.INVALID_TRANSITION, List.of("input", "to"),
                    input.to() + " follows from payments: record a payment instead");
        }
        Invoice invoice = load(input.id(), input.expectedVersion());
        invoice.state = transitions.move(InvoiceLifecycle.SUBJECT, invoice.id, invoice.number, invoice.customerId, invoice.state,
                input.to(), input.reason());
        return flushed(invoice);
    }

    public InvoiceType recordPayment(InvoiceInputs.Payment input) {
        // Authorized before the idempotency key is looked at, so a replay is never shown to someone refused.
        find(input.id());
        long id = idempotency.once("invoiceRecordPayment", input.idempotencyKey(), input, () -> {
            Invoice invoice = load(input.id(), input.expectedVersion());
            if (!INVOICE.allows(invoice.state, InvoiceState.PARTIALLY_PAID) && !INVOICE.allows(invoice.state, InvoiceState.SETTLED)) {
                throw ApiException.of(ErrorCode.INVALID_TRANSITION, List.of("input", "id"),
                        "Payments are recorded on sent invoices, not on " + invoice.state + " ones");
            }
            BigDecimal amount = withinDue(invoice, input.amount(), "payment");
            Payment payment = new Payment();
            payment.invoiceId = invoice.id;
            payment.customerId = invoice.customerId;
            payment.amount = amount;
            payment.method = input.method();
            payment.reference = input.reference();
            payment.paidAt = OffsetDateTime.now();
            em.persist(payment);
            invoice.paidAmount = invoice.paidAmount.add(amount);
            settle(invoice, "Payment of " + amount + " " + invoice.currency);
            return invoice.id;
        }, this::visible);
        return InvoiceType.of(em.find(Invoice.class, id));
    }

    public InvoiceType applyAdjustment(InvoiceInputs.Adjustment input) {
        Invoice invoice = load(input.id(), input.expectedVersion());
        BigDecimal amount = withinDue(invoice, input.amount(), "adjustment");
        Adjustment adjustment = new Adjustment();
        adjustment.invoiceId = invoice.id;
        adjustment.customerId = invoice.customerId;
        adjustment.amount = amount;
        adjustment.reason = Inputs.text(input.reason(), 2000, "input", "reason");
        adjustment.problemReportId = input.problemReportId() == null ? null : problemReportOf(invoice.customerId, input.problemReportId());
        adjustment.createdBy = caller.name();
        adjustment.createdAt = OffsetDateTime.now();
        em.persist(adjustment);
        invoice.adjustedAmount = invoice.adjustedAmount.add(amount);
        if (invoice.state == InvoiceState.SENT || invoice.state == InvoiceState.PARTIALLY_PAID) {
            settle(invoice, "Adjustment: " + adjustment.reason);
        }
        return flushed(invoice);
    }

    private long insert(InvoiceInputs.Issue input) {
        if (input.orderIds().isEmpty()) {
            throw ApiException.badInput("at least one order is needed", "input", "orderIds");
        }
        if (input.periodEnd().isBefore(input.periodStart())) {
            throw ApiException.badInput("must not be before periodStart", "input", "periodEnd");
        }
        List<Long> orderIds = input.orderIds().stream().map(id -> Inputs.id(PRODUCT_ORDER, id, "input", "orderIds")).distinct().toList();
        // Locked in id order: concurrent issues for the same orders queue here, and the second sees
        // the first's lines below (the unique index on invoice_line.order_item_id backs this up).
        List<ProductOrder> orders = em.createQuery("from ProductOrder where id in ?1 order by id", ProductOrder.class)
                .setParameter(1, orderIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (orders.size() != orderIds.size()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "orderIds"), "Some orders do not exist");
        }
        long customerId = orders.getFirst().customerId;
        for (ProductOrder order : orders) {
            if (order.customerId != customerId) {
                throw ApiException.badInput("all orders must belong to one customer", "input", "orderIds");
            }
            if (!EnumSet.of(OrderState.COMPLETED, OrderState.PARTIAL).contains(order.state)) {
                throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "orderIds"),
                        "Order " + order.number + " is " + order.state + "; only completed orders are invoiced");
            }
        }
        Long billed = em.createQuery("select count(l) from InvoiceLine l where l.orderId in ?1", Long.class)
                .setParameter(1, orderIds).getSingleResult();
        if (billed > 0) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "orderIds"), "Some of these orders are already invoiced");
        }
        List<OrderItem> items = em.createQuery("from OrderItem where orderId in ?1 and state = ?2 order by orderId, itemNumber", OrderItem.class)
                .setParameter(1, orderIds).setParameter(2, OrderItemState.COMPLETED).getResultList();
        if (items.stream().map(i -> i.currency).distinct().count() != 1) {
            throw ApiException.badInput("the completed items must share one currency", "input", "orderIds");
        }
        Invoice invoice = new Invoice();
        invoice.customerId = customerId;
        invoice.billDate = input.billDate() == null ? LocalDate.now() : input.billDate();
        invoice.periodStart = input.periodStart();
        invoice.periodEnd = input.periodEnd();
        invoice.paymentDueDate = input.paymentDueDate();
        invoice.currency = items.getFirst().currency;
        invoice.paidAmount = BigDecimal.ZERO.setScale(2);
        invoice.adjustedAmount = BigDecimal.ZERO.setScale(2);
        invoice.totalAmount = BigDecimal.ZERO.setScale(2);
        invoice.state = InvoiceState.NEW;
        em.persist(invoice);
        for (OrderItem item : items) {
            InvoiceLine line = new InvoiceLine();
            line.invoiceId = invoice.id;
            line.customerId = customerId;
            line.description = item.productName;
            line.quantity = item.quantity;
            line.unitAmount = item.unitPrice;
            line.amount = item.unitPrice.multiply(BigDecimal.valueOf(item.quantity));
            line.orderId = item.orderId;
            line.orderItemId = item.id;
            em.persist(line);
            invoice.totalAmount = invoice.totalAmount.add(line.amount);
        }
        transitions.created(InvoiceLifecycle.SUBJECT, invoice.id, invoice.number, customerId, invoice.state, null);
        return invoice.id;
    }

    private Invoice load(String id, int expectedVersion) {
        Invoice invoice = find(id);
        Mutations.checkVersion(invoice.version, expectedVersion);
        return invoice;
    }

    /** Scope before roles: another customer's invoice is NOT_FOUND whatever the roles (no existence leak). */
    private Invoice find(String id) {
        Invoice invoice = em.find(Invoice.class, Inputs.id(InvoiceType.TYPE, id, "input", "id"));
        if (invoice == null || !caller.canSeeCustomer(invoice.customerId)) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Invoice not found: " + id);
        }
        caller.require(Role.AGENT, Role.ADMIN);
        return invoice;
    }

    private boolean visible(long invoiceId) {
        return caller.canSeeCustomer(em.find(Invoice.class, invoiceId).customerId);
    }

    private static BigDecimal due(Invoice invoice) {
        return invoice.totalAmount.subtract(invoice.adjustedAmount).subtract(invoice.paidAmount);
    }

    /** The amount of a payment or credit: positive and at most what is still due. */
    private static BigDecimal withinDue(Invoice invoice, String value, String what) {
        BigDecimal amount = Inputs.amount(value, false, "input", "amount");
        if (amount.compareTo(due(invoice)) > 0) {
            throw ApiException.badInput("the " + what + " of " + amount + " exceeds the amount due of " + due(invoice),
                    "input", "amount");
        }
        return amount;
    }

    /** PARTIALLY_PAID while something is due, SETTLED when nothing is (the table decides whether that is allowed). */
    private void settle(Invoice invoice, String reason) {
        InvoiceState target = due(invoice).signum() == 0 ? InvoiceState.SETTLED : InvoiceState.PARTIALLY_PAID;
        if (target != invoice.state) {
            invoice.state = transitions.move(InvoiceLifecycle.SUBJECT, invoice.id, invoice.number, invoice.customerId, invoice.state, target, reason);
        }
    }

    private long problemReportOf(long customerId, String globalId) {
        long id = Inputs.id(PROBLEM_REPORT, globalId, "input", "problemReportId");
        List<?> found = em.createNativeQuery("select id from problem_report where id = ?1 and customer_id = ?2")
                .setParameter(1, id).setParameter(2, customerId).getResultList();
        if (found.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "problemReportId"), "Problem report not found: " + globalId);
        }
        return id;
    }

    private InvoiceType flushed(Invoice invoice) {
        em.flush();
        return InvoiceType.of(invoice);
    }
}
