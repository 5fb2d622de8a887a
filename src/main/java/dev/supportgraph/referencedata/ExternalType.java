package dev.supportgraph.referencedata;

import dev.supportgraph.billing.InvoiceType;
import dev.supportgraph.customer.ContactType;
import dev.supportgraph.customer.CustomerType;
import dev.supportgraph.events.EventType;
import dev.supportgraph.inventory.ResourceType;
import dev.supportgraph.inventory.ServiceType;
import dev.supportgraph.order.ProductOrderType;
import dev.supportgraph.ticket.TicketKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

@Description("A type of object that another system names by its externalId: what a system of record owns, and tickets that carry another system's ticket id.")
public enum ExternalType {
    @Description("Customer (CRM).") CUSTOMER("customer", CustomerType.TYPE, EventType.CUSTOMER_CHANGED),
    @Description("Contact (CRM).") CONTACT("contact", ContactType.TYPE, EventType.CONTACT_CHANGED),
    @Description("Service (service inventory).") SERVICE("service", ServiceType.TYPE, EventType.SERVICE_CHANGED),
    @Description("Resource (resource inventory).") RESOURCE("resource", ResourceType.TYPE, EventType.RESOURCE_CHANGED),
    @Description("ProductOrder (order management).") ORDER("product_order", ProductOrderType.TYPE, null),
    @Description("Invoice (billing).") INVOICE("invoice", InvoiceType.TYPE, null),
    @Description("ProblemReport (another system's ticket).") PROBLEM_REPORT(TicketKind.PROBLEM_REPORT.table, TicketKind.PROBLEM_REPORT.nodeType, null),
    @Description("ServiceTrouble (another system's ticket).") SERVICE_TROUBLE(TicketKind.SERVICE_TROUBLE.table, TicketKind.SERVICE_TROUBLE.nodeType, null),
    @Description("ResourceTrouble (another system's ticket).") RESOURCE_TROUBLE(TicketKind.RESOURCE_TROUBLE.table, TicketKind.RESOURCE_TROUBLE.nodeType, null);

    /** The table; a constant, never client text, so it may be spliced into SQL. */
    @Ignore
    final String table;
    @Ignore
    final String nodeType;
    /** What a change announces in the outbox; null for types not written here. */
    @Ignore
    final EventType event;

    ExternalType(String table, String nodeType, EventType event) {
        this.table = table;
        this.nodeType = nodeType;
        this.event = event;
    }

    /** The type whose changes the outbox rows of {@code event} announce, or null. */
    public static ExternalType ofEvent(String event) {
        for (ExternalType type : values()) {
            if (type.event != null && type.event.name().equals(event)) {
                return type;
            }
        }
        return null;
    }
}
