package dev.supportgraph.ticket;

/** Identifies a ticket across the three ticket tables (ids are per table). */
public record TicketRef(TicketKind kind, long key) {

    public static TicketRef of(Ticket ticket) {
        return new TicketRef(ticket.kind(), ticket.key());
    }
}
