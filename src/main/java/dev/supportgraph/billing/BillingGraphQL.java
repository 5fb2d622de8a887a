package dev.supportgraph.billing;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.order.OrderItemType;
import dev.supportgraph.order.OrderService;
import dev.supportgraph.order.ProductOrderType;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
@Authenticated
public class BillingGraphQL {

    @Inject
    BillingService service;

    @Inject
    CustomerService customers;

    @Inject
    OrderService orders;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Invoices visible to the caller (a portal user sees only their own).")
    public @NonNull InvoiceConnection invoices(Integer first, String after, Integer last, String before,
                                               InvoiceFilter filter, InvoiceOrder orderBy) {
        return service.invoices().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), InvoiceConnection::of);
    }

    @Name("invoices")
    @Description("The customer's invoices; one statement for all customers of the enclosing list.")
    public List<@NonNull InvoiceConnection> customerInvoices(@Source List<CustomerType> customers, Integer first,
                                                             String after, Integer last, String before,
                                                             InvoiceFilter filter, InvoiceOrder orderBy) {
        return service.invoices().connectionsPerCustomer(customers, CustomerType::key,
                PageRequest.of(first, after, last, before, config.paging()), filter, orderBy,
                Selection.wantsTotalCount(context), InvoiceConnection::of);
    }

    @Name("customer")
    @Description("The billed customer.")
    public List<CustomerType> invoiceCustomer(@Source List<InvoiceType> invoices) {
        return Batch.one(invoices, InvoiceType::customerKey, customers::mapByIds);
    }

    @Description("The invoice's charges.")
    @JoinedBy(parentKey = "e.invoiceId", orderBy = "e.invoiceId, e.id")
    public List<@NonNull List<@NonNull InvoiceLineType>> lines(@Source List<InvoiceType> invoices) {
        return Batch.many(invoices, InvoiceType::key, service::linesByInvoices);
    }

    @Description("Payments received against the invoice.")
    @JoinedBy(parentKey = "e.invoiceId", orderBy = "e.invoiceId, e.id")
    public List<@NonNull List<@NonNull PaymentType>> payments(@Source List<InvoiceType> invoices) {
        return Batch.many(invoices, InvoiceType::key, service::paymentsByInvoices);
    }

    @Description("Credits granted on the invoice.")
    @JoinedBy(parentKey = "e.invoiceId", orderBy = "e.invoiceId, e.id")
    public List<@NonNull List<@NonNull AdjustmentType>> adjustments(@Source List<InvoiceType> invoices) {
        return Batch.many(invoices, InvoiceType::key, service::adjustmentsByInvoices);
    }

    @Name("invoice")
    @Description("The invoice this line is on.")
    public List<InvoiceType> lineInvoice(@Source List<InvoiceLineType> lines) {
        return Batch.one(lines, InvoiceLineType::invoiceKey, service.invoices()::mapByIds);
    }

    @Name("invoice")
    @Description("The invoice this payment settles.")
    public List<InvoiceType> paymentInvoice(@Source List<PaymentType> payments) {
        return Batch.one(payments, PaymentType::invoiceKey, service.invoices()::mapByIds);
    }

    @Name("invoice")
    @Description("The invoice this adjustment credits.")
    public List<InvoiceType> adjustmentInvoice(@Source List<AdjustmentType> adjustments) {
        return Batch.one(adjustments, AdjustmentType::invoiceKey, service.invoices()::mapByIds);
    }

    @Name("order")
    @Description("The order this line bills, if any.")
    public List<ProductOrderType> lineOrder(@Source List<InvoiceLineType> lines) {
        return Batch.one(lines, InvoiceLineType::orderKey, orders.orders()::mapByIds);
    }

    @Name("orderItem")
    @Description("The order item this line bills, if any.")
    public List<OrderItemType> lineOrderItem(@Source List<InvoiceLineType> lines) {
        return Batch.one(lines, InvoiceLineType::orderItemKey, orders::mapItemsByIds);
    }

    @Name("invoiceLines")
    @Description("The invoice lines that bill this order.")
    @JoinedBy(parentKey = "e.orderId", orderBy = "e.invoiceId, e.id")
    public List<@NonNull List<@NonNull InvoiceLineType>> orderInvoiceLines(@Source List<ProductOrderType> orders) {
        return Batch.many(orders, ProductOrderType::key, service::linesByOrders);
    }
}
