package dev.supportgraph.ticket;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * How a ticket kind's {@code <kind>Transition} mutation authorizes, as its service does it and as
 * {@link PlannedTransitions} applies it: each kind declares one (a CDI producer next to its service)
 * and its service's transition uses the same roles and rule.
 *
 * @param kind       the ticket kind; its mutation is {@code <nodeType>Transition} with lowercase initial
 * @param roles      the roles of which the caller needs one
 * @param owned      whether the kind's table has the customer_id column that scopes portal users
 * @param portalMay  which (from, to) a portal user (a caller with a customer scope) may take; the
 *                   kind's customer_id column scopes them to their own tickets
 * @param viaService the targets whose transition does more in the kind's service than
 *                   {@link TicketLifecycle#transition} does (those always take the service)
 */
public record TicketTransitionRoute(TicketKind kind, List<String> roles, boolean owned, BiPredicate<TicketStatus, TicketStatus> portalMay,
                                    Set<TicketStatus> viaService) {

    /** For kinds portal users never transition (troubles: their roles are staff's). */
    public static final BiPredicate<TicketStatus, TicketStatus> STAFF_ONLY = (from, to) -> false;

    /** The payload's field holding the ticket, e.g. problemReport. */
    public String payloadField() {
        return Character.toLowerCase(kind.nodeType.charAt(0)) + kind.nodeType.substring(1);
    }

    public String mutation() {
        return payloadField() + "Transition";
    }

    /** The payload's type name, e.g. ProblemReportPayload. */
    public String payloadType() {
        return kind.nodeType + "Payload";
    }
}
