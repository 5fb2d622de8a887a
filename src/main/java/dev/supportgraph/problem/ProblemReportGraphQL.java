package dev.supportgraph.problem;

import dev.supportgraph.ticket.TicketLinks;
import dev.supportgraph.billing.BillingService;
import dev.supportgraph.billing.InvoiceType;
import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerService;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.graph.JoinedBy;
import dev.supportgraph.graph.Batch;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import dev.supportgraph.inventory.InventoryService;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.order.OrderService;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.servicetrouble.ServiceTroubleType;
import dev.supportgraph.ticket.TicketOrder;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Problem reports: the top-level list, their references, and the edges leading to them. */
@GraphQLApi
@Authenticated
public class ProblemReportGraphQL {

    @Inject
    ProblemReportService service;

    @Inject
    CustomerService customers;

    @Inject
    OrderService orders;

    @Inject
    InventoryService inventory;

    @Inject
    BillingService billing;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("Problem reports visible to the caller (a portal user sees only their own customer's).")
    public @NonNull ProblemReportConnection problemReports(Integer first, String after, Integer last, String before,
                                                           ProblemReportFilter filter, TicketOrder orderBy) {
        return service.reports().connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                orderBy, Selection.wantsTotalCount(context), ProblemReportConnection::of);
    }

    @Query
    @Description("One problem report by id; null when it does not exist or is not visible to the caller.")
    public ProblemReportType problemReport(@Description("Global id of the problem report.") @NonNull @Id String id) {
        List<ProblemReportType> found = service.byIds(List.of(GlobalId.decode(ProblemReportType.TYPE, id)));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Name("customer")
    @Description("The customer who reported the problem.")
    public List<CustomerType> reportCustomer(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::customerKey, customers::mapByIds);
    }

    @Description("The contact who reported the problem, if known.")
    public List<ContactType> reportedBy(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::reportedByKey, keys -> customers.contactsByIds(keys).stream()
                .collect(Collectors.toMap(ContactType::key, Function.identity())));
    }

    @Description("The product order the problem is about, if any.")
    public List<ProductOrderType> relatedOrder(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::relatedOrderKey, orders.orders()::mapByIds);
    }

    @Description("The service the problem is about, if any.")
    public List<ServiceType> relatedService(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::relatedServiceKey, inventory.services()::mapByIds);
    }

    @Description("The invoice the problem is about (a billing dispute), if any.")
    public List<InvoiceType> relatedInvoice(@Source List<ProblemReportType> reports) {
        return Batch.one(reports, ProblemReportType::relatedInvoiceKey, billing.invoices()::mapByIds);
    }

    @Name("problemReports")
    @Description("The customer's problem reports; one statement for all customers of the enclosing list.")
    public List<@NonNull ProblemReportConnection> customerProblemReports(
            @Source List<CustomerType> customerList, Integer first, String after, Integer last, String before,
            ProblemReportFilter filter, TicketOrder orderBy) {
        return service.reports().connectionsPerCustomer(customerList, CustomerType::key,
                PageRequest.of(first, after, last, before, config.paging()), filter, orderBy,
                Selection.wantsTotalCount(context), ProblemReportConnection::of);
    }

    @Description("Problem reports this contact reported, newest first.")
    @JoinedBy(parentKey = "e.reportedById", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ProblemReportType>> reportedProblems(@Source List<ContactType> contacts) {
        return Batch.many(contacts, ContactType::key, service::byContacts);
    }

    @Name("problemReports")
    @Description("Problem reports about this order, newest first.")
    @JoinedBy(parentKey = "e.relatedOrderId", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ProblemReportType>> orderProblemReports(@Source List<ProductOrderType> orderList) {
        return Batch.many(orderList, ProductOrderType::key, service::byOrders);
    }

    @Name("problemReports")
    @Description("Problem reports about this service, newest first.")
    @JoinedBy(parentKey = "e.relatedServiceId", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ProblemReportType>> serviceProblemReports(@Source List<ServiceType> services) {
        return Batch.many(services, ServiceType::key, service::byServices);
    }

    @Name("problemReports")
    @Description("Problem reports about this invoice, newest first.")
    @JoinedBy(parentKey = "e.relatedInvoiceId", orderBy = "e.createdAt desc, e.id desc")
    public List<@NonNull List<@NonNull ProblemReportType>> invoiceProblemReports(@Source List<InvoiceType> invoices) {
        return Batch.many(invoices, InvoiceType::key, service::byInvoices);
    }

    @Name("problemReports")
    @Description("Customer problem reports linked to this service trouble, newest first.")
    @JoinedBy(through = ProblemReportServiceTrouble.class, parentKey = "l.toId", childKey = "l.fromId", orderBy = TicketLinks.NEWEST_FIRST)
    public List<@NonNull List<@NonNull ProblemReportType>> serviceTroubleProblemReports(
            @Source List<ServiceTroubleType> troubles) {
        return Batch.many(troubles, ServiceTroubleType::key, service::byServiceTroubles);
    }
}
