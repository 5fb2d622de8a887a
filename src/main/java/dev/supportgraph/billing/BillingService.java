package dev.supportgraph.billing;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Reads of invoices, their lines, payments and adjustments, always within the caller's customer scope. */
@ApplicationScoped
public class BillingService implements NodeLoader {

    private ScopedReads<Invoice, InvoiceType, InvoiceFilter, InvoiceOrder> invoices;

    @Inject
    InvoicePartRepository parts;

    @Inject
    Caller caller;

    @Inject
    BillingService(StatelessSession session, Caller caller) {
        invoices = new ScopedReads<>(session, caller, Invoice.class, "e.customerId", i -> i.id, i -> i.customerId,
                InvoiceType::of, BillingService::where, new InvoiceOrder(InvoiceOrderField.BILL_DATE, OrderDirection.ASC));
    }

    /** Invoices: the top-level list, each customer's, by id. */
    public ScopedReads<Invoice, InvoiceType, InvoiceFilter, InvoiceOrder> invoices() {
        return invoices;
    }

    public Map<Long, List<InvoiceLineType>> linesByInvoices(Collection<Long> invoiceIds) {
        return visible(InvoiceLine.class, "invoiceId", invoiceIds, InvoiceLineType::of).stream()
                .collect(Collectors.groupingBy(InvoiceLineType::invoiceKey));
    }

    /** The invoice lines billing each order, keyed by order id. */
    public Map<Long, List<InvoiceLineType>> linesByOrders(Collection<Long> orderIds) {
        return visible(InvoiceLine.class, "orderId", orderIds, InvoiceLineType::of).stream()
                .collect(Collectors.groupingBy(InvoiceLineType::orderKey));
    }

    public Map<Long, List<PaymentType>> paymentsByInvoices(Collection<Long> invoiceIds) {
        return visible(Payment.class, "invoiceId", invoiceIds, PaymentType::of).stream()
                .collect(Collectors.groupingBy(PaymentType::invoiceKey));
    }

    public Map<Long, List<AdjustmentType>> adjustmentsByInvoices(Collection<Long> invoiceIds) {
        return visible(Adjustment.class, "invoiceId", invoiceIds, AdjustmentType::of).stream()
                .collect(Collectors.groupingBy(AdjustmentType::invoiceKey));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(InvoiceType.TYPE, InvoiceLineType.TYPE, PaymentType.TYPE, AdjustmentType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return switch (type) {
            case InvoiceType.TYPE -> invoices.byIds(ids);
            case InvoiceLineType.TYPE -> visible(InvoiceLine.class, "id", ids, InvoiceLineType::of);
            case PaymentType.TYPE -> visible(Payment.class, "id", ids, PaymentType::of);
            default -> visible(Adjustment.class, "id", ids, AdjustmentType::of);
        };
    }

    /** The parts whose {@code field} is one of {@code ids} that the caller may see, mapped with their currency. */
    private <P extends InvoicePart, T> List<T> visible(Class<P> type, String field, Collection<Long> ids,
                                                       BiFunction<P, String, T> mapper) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return parts.where(type, field, ids).stream()
                .filter(p -> caller.canSeeCustomer(p.part().customerId))
                .map(p -> mapper.apply(p.part(), p.currency()))
                .toList();
    }

    private static Where where(InvoiceFilter filter) {
        Where where = new Where();
        if (filter != null) {
            where.in("e.state", filter.state())
                    .eq("e.customerId", filter.customerId() == null ? null
                            : GlobalId.decode(CustomerType.TYPE, filter.customerId()))
                    .between("e.billDate", filter.billDateFrom(), filter.billDateTo())
                    .search(filter.search(), "e.number");
        }
        return where;
    }
}
