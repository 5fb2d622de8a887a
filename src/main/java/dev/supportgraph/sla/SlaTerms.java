package dev.supportgraph.sla;

import dev.supportgraph.ticket.TicketStatus;

import java.util.List;

/** The terms a policy version is made with; null values keep (or copy) the base version's. */
interface SlaTerms {
    Integer responseMinutes();

    Integer resolutionMinutes();

    List<TicketStatus> resolutionPauseStates();

    String creditPercent();

    String creditAmount();

    BusinessHoursInput businessHours();

    Boolean aroundTheClock();

    String reason();
}
