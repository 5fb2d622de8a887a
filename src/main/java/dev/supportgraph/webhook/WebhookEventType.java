package dev.supportgraph.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** The TM Forum events a listener can receive; {@link #tmfName} is the eventType of the delivery and the stored name. */
@Name("EventListenerEventType")
@Description("A TM Forum event a listener can receive (the delivery's eventType is the name given with each value).")
public enum WebhookEventType {
    @Description("TroubleTicketStateChangeEvent (TMF621): a ticket was created or changed status.")
    TROUBLE_TICKET_STATE_CHANGE("TroubleTicketStateChangeEvent"),
    @Description("TroubleTicketResolvedEvent (TMF621): a ticket was resolved.")
    TROUBLE_TICKET_RESOLVED("TroubleTicketResolvedEvent"),
    @Description("TroubleTicketInformationRequiredEvent (TMF621): a ticket waits for information (PENDING).")
    TROUBLE_TICKET_INFORMATION_REQUIRED("TroubleTicketInformationRequiredEvent"),
    @Description("ProductOrderStateChangeEvent (TMF622): a product order was created or changed state.")
    PRODUCT_ORDER_STATE_CHANGE("ProductOrderStateChangeEvent"),
    @Description("CustomerBillStateChangeEvent (TMF678): an invoice was created or changed state.")
    CUSTOMER_BILL_STATE_CHANGE("CustomerBillStateChangeEvent");

    public final String tmfName;

    WebhookEventType(String tmfName) {
        this.tmfName = tmfName;
    }

    static WebhookEventType ofTmfName(String name) {
        for (WebhookEventType type : values()) {
            if (type.tmfName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown TMF event " + name);
    }
}
