package dev.supportgraph.ticket;

/** The stored state of a ticket's resolution clock (written by the SLA job, see docs/agent-work.md). */
public enum ResolutionClock {
    RUNNING,
    PAUSED,
    STOPPED
}
