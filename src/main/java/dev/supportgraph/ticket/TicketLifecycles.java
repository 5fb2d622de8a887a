package dev.supportgraph.ticket;

import dev.supportgraph.events.EventType;
import dev.supportgraph.lifecycle.LifecycleSubject;
import dev.supportgraph.lifecycle.StateMachine;

import static dev.supportgraph.ticket.TicketStatus.ACKNOWLEDGED;
import static dev.supportgraph.ticket.TicketStatus.CANCELLED;
import static dev.supportgraph.ticket.TicketStatus.CLOSED;
import static dev.supportgraph.ticket.TicketStatus.HELD;
import static dev.supportgraph.ticket.TicketStatus.IN_PROGRESS;
import static dev.supportgraph.ticket.TicketStatus.PENDING;
import static dev.supportgraph.ticket.TicketStatus.REJECTED;
import static dev.supportgraph.ticket.TicketStatus.RESOLVED;

/** The transition tables of the three ticket types (docs/design.md, "State machines"). */
public final class TicketLifecycles {

    /** TMF621 Trouble Ticket: closed, rejected and cancelled are final. */
    public static final StateMachine<TicketStatus> PROBLEM_REPORT = common("ProblemReport").build();

    /** TMF656 Service Problem: also resolvable while pending or held, cancellable while held, reopenable. */
    public static final StateMachine<TicketStatus> SERVICE_TROUBLE = serviceProblem("ServiceTrouble");

    /**
     * eTOM 5.8 resource troubles follow the TMF656 table too: a resource is often corrected while
     * its trouble waits on a vendor (pending/held -> resolved), and a recurring alarm reopens the
     * closed trouble rather than opening a new one. docs/design.md gives them the same table.
     */
    public static final StateMachine<TicketStatus> RESOURCE_TROUBLE = serviceProblem("ResourceTrouble");

    private static final LifecycleSubject<TicketStatus> PROBLEM_REPORT_SUBJECT =
            subject(TicketKind.PROBLEM_REPORT, "problem_report_id", PROBLEM_REPORT);
    private static final LifecycleSubject<TicketStatus> SERVICE_TROUBLE_SUBJECT =
            subject(TicketKind.SERVICE_TROUBLE, "service_trouble_id", SERVICE_TROUBLE);
    private static final LifecycleSubject<TicketStatus> RESOURCE_TROUBLE_SUBJECT =
            subject(TicketKind.RESOURCE_TROUBLE, "resource_trouble_id", RESOURCE_TROUBLE);

    private TicketLifecycles() {
    }

    /** A kind with the lifecycle layer: its table, its status_change column, events under its TicketKind name. */
    public static LifecycleSubject<TicketStatus> subject(TicketKind kind) {
        return switch (kind) {
            case PROBLEM_REPORT -> PROBLEM_REPORT_SUBJECT;
            case SERVICE_TROUBLE -> SERVICE_TROUBLE_SUBJECT;
            case RESOURCE_TROUBLE -> RESOURCE_TROUBLE_SUBJECT;
        };
    }

    private static LifecycleSubject<TicketStatus> subject(TicketKind kind, String historyColumn,
                                                          StateMachine<TicketStatus> machine) {
        return new LifecycleSubject<>(kind.name(), historyColumn, EventType.TICKET_STATUS_CHANGED, machine);
    }

    private static StateMachine.Builder<TicketStatus> common(String type) {
        return StateMachine.of(type, TicketStatus.class)
                .initial(ACKNOWLEDGED)
                .action("start", IN_PROGRESS, ACKNOWLEDGED)
                .action("reject", REJECTED, ACKNOWLEDGED)
                .action("cancel", CANCELLED, ACKNOWLEDGED, PENDING, IN_PROGRESS)
                .action("requestInformation", PENDING, IN_PROGRESS)
                .action("provideInformation", IN_PROGRESS, PENDING)
                .action("hold", HELD, IN_PROGRESS)
                .action("unhold", IN_PROGRESS, HELD)
                .action("resolve", RESOLVED, IN_PROGRESS)
                .action("acceptResolution", CLOSED, RESOLVED)
                .action("rejectResolution", IN_PROGRESS, RESOLVED);
    }

    private static StateMachine<TicketStatus> serviceProblem(String type) {
        return common(type)
                .action("resolve", RESOLVED, PENDING, HELD)
                .action("cancel", CANCELLED, HELD)
                .action("reopen", IN_PROGRESS, CLOSED)
                .build();
    }
}
