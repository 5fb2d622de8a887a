package dev.supportgraph.ticket;

/** Where SLA states are judged now (implemented by the SLA room, which builds on tickets). */
public interface SlaWindows {
    SlaWindow window();
}
