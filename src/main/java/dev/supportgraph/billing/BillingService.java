package dev.supportgraph.billing;

import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.OrderDirection;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Reads of invoices, their lines, payments and adjustments, always within the caller's customer scope. */
@ApplicationScoped
@Transactional
public class BillingService implements NodeLoader {

    private static final InvoiceOrder DEFAULT_ORDER = new InvoiceOrder(InvoiceOrderField.BILL_DATE, OrderDirection.ASC);

    @Inject
    InvoiceRepository invoices;

    @Inject
    InvoicePartRepository parts;

    @Inject
    Caller caller;

    public Page<InvoiceType> page(PageRequest request, InvoiceFilter filter, InvoiceOrder order) {
        InvoiceOrder effective = order == null ? DEFAULT_ORDER : order;
        return invoices.page(where(filter), effective.field().key, effective.direction() == OrderDirection.DESC, request)
                .map(InvoiceType::of);
    }

    public long count(InvoiceFilter filter) {
        return invoices.count(where(filter));
    }

    /** A page of each customer's invoices (all customers in one statement), keyed by customer id. */
    public Map<Long, Page<InvoiceType>> pagesByCustomer(Collection<Long> customerIds, PageRequest request,
                                                        InvoiceFilter filter, InvoiceOrder order) {
        InvoiceOrder effective = order == null ? DEFAULT_ORDER : order;
        return Page.mapEach(invoices.pagesPerCustomer(customerIds, where(filter), effective.field().key,
                effective.direction() == OrderDirection.DESC, request), InvoiceType::of);
    }

    /** How many invoices each customer has under the filter (one grouped statement); absent = 0. */
    public Map<Long, Long> countByCustomer(Collection<Long> customerIds, InvoiceFilter filter) {
        return invoices.countPerCustomer(customerIds, where(filter));
    }

    /** The invoices with these ids that the caller may see, in no particular order. */
    public List<InvoiceType> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return invoices.byIds(ids).stream()
                .filter(i -> caller.canSeeCustomer(i.customerId))
                .map(InvoiceType::of)
                .toList();
    }

    public Map<Long, InvoiceType> mapByIds(Collection<Long> ids) {
        return Batch.byKey(byIds(ids));
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
            case InvoiceType.TYPE -> byIds(ids);
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

    private Where where(InvoiceFilter filter) {
        Where where = new Where();
        caller.customerScope().ifPresent(scope -> where.eq("e.customerId", scope));
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
