package dev.supportgraph.ticket;

import java.time.Duration;
import java.time.Instant;

/** The time SLA states are judged at (the SLA clocks' own clock) and the at-risk warning time. */
public record SlaWindow(Instant now, Duration atRiskBefore) {
}
