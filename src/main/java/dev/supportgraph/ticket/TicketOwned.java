package dev.supportgraph.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** Rows owned by exactly one ticket through one of three foreign keys (notes, status changes). */
@MappedSuperclass
public abstract class TicketOwned {

    @Column(name = "problem_report_id")
    public Long problemReportId;

    @Column(name = "service_trouble_id")
    public Long serviceTroubleId;

    @Column(name = "resource_trouble_id")
    public Long resourceTroubleId;

    /** The owning problem report's customer, null for troubles (portal scope and Citus distribution). */
    @Column(name = "customer_id")
    public Long customerId;

    /** Makes {@code ticket} the owner of this row. */
    public void ownedBy(TicketRef ticket) {
        switch (ticket.kind()) {
            case PROBLEM_REPORT -> problemReportId = ticket.key();
            case SERVICE_TROUBLE -> serviceTroubleId = ticket.key();
            case RESOURCE_TROUBLE -> resourceTroubleId = ticket.key();
        }
    }

    public TicketRef ticket() {
        if (problemReportId != null) {
            return new TicketRef(TicketKind.PROBLEM_REPORT, problemReportId);
        }
        return serviceTroubleId != null
                ? new TicketRef(TicketKind.SERVICE_TROUBLE, serviceTroubleId)
                : new TicketRef(TicketKind.RESOURCE_TROUBLE, resourceTroubleId);
    }
}
