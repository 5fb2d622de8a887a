package dev.supportgraph.lifecycle;

import dev.supportgraph.billing.InvoiceLifecycle;
import dev.supportgraph.billing.InvoiceState;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.events.EventType;
import dev.supportgraph.order.OrderItemState;
import dev.supportgraph.order.OrderLifecycles;
import dev.supportgraph.order.OrderState;
import dev.supportgraph.ticket.TicketKind;
import dev.supportgraph.ticket.TicketLifecycles;
import dev.supportgraph.ticket.TicketStatus;
import net.jqwik.api.Tag;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every domain's transition table as data (no Quarkus, no database): it is the docs' TMF list
 * (docs/design.md "State machines", transcribed in TicketTransitionsTest and CommerceTransitionsTest),
 * it is closed (every state is initial or entered by a pair), its final states are the documented
 * ones, every state is reachable from an initial one, and {@link StateMachine#check} agrees with
 * the table for any pair and any previous state. The HTTP walks of those two tests prove that the
 * mutations apply these tables.
 */
@Tag("pure")
class StateMachinePropertyTest {

    /** A table with what the docs say about it. */
    record Spec(StateMachine<?> machine, Set<String> pairs, Set<String> initial, Set<String> terminal) {
        @Override
        public String toString() {
            return machine.type();
        }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(TicketLifecycles.PROBLEM_REPORT, TicketTransitionsTest.PROBLEM_REPORT, Set.of("ACKNOWLEDGED"),
                    Set.of("CLOSED", "REJECTED", "CANCELLED")),
            // Service and resource troubles reopen from CLOSED.
            new Spec(TicketLifecycles.SERVICE_TROUBLE, TicketTransitionsTest.SERVICE_TROUBLE, Set.of("ACKNOWLEDGED"),
                    Set.of("REJECTED", "CANCELLED")),
            new Spec(TicketLifecycles.RESOURCE_TROUBLE, TicketTransitionsTest.SERVICE_TROUBLE, Set.of("ACKNOWLEDGED"),
                    Set.of("REJECTED", "CANCELLED")),
            new Spec(OrderLifecycles.ORDER, CommerceTransitionsTest.ORDER, Set.of("ACKNOWLEDGED", "REJECTED"),
                    Set.of("REJECTED", "CANCELLED", "COMPLETED", "FAILED", "PARTIAL")),
            // "Order items follow the same table without PARTIAL."
            new Spec(OrderLifecycles.ITEM, CommerceTransitionsTest.ORDER.stream().filter(pair -> !pair.contains("PARTIAL"))
                    .collect(Collectors.toSet()), Set.of("ACKNOWLEDGED", "REJECTED"),
                    Set.of("REJECTED", "CANCELLED", "COMPLETED", "FAILED")),
            new Spec(InvoiceLifecycle.INVOICE, CommerceTransitionsTest.INVOICE, Set.of("NEW"), Set.of("SETTLED")));

    @Provide
    Arbitrary<Spec> specs() {
        return Arbitraries.of(SPECS);
    }

    @Property(tries = 60)
    void theTableIsTheDocumentedList(@ForAll("specs") Spec spec) {
        assertEquals(spec.pairs(), pairs(spec.machine()), spec + " pairs");
        assertEquals(spec.initial(), names(spec.machine().initial()), spec + " initial states");
    }

    @Property(tries = 60)
    void theTableIsClosedAndItsFinalStatesAreTheDocumentedOnes(@ForAll("specs") Spec spec) {
        Set<String> entered = spec.pairs().stream().map(pair -> pair.split(">")[1]).collect(Collectors.toSet());
        for (Enum<?> state : spec.machine().states()) {
            assertTrue(entered.contains(state.name()) || spec.initial().contains(state.name()),
                    spec + ": " + state + " is neither initial nor entered by a transition");
        }
        assertEquals(spec.terminal(), withoutExit(spec.machine()), spec + " final states");
    }

    @Property(tries = 60)
    void everyStateIsReachableFromAnInitialOne(@ForAll("specs") Spec spec) {
        Set<Enum<?>> reached = reachable(spec.machine());
        assertEquals(names(spec.machine().states()), names(reached), spec + " states reachable from the initial ones");
    }

    /**
     * Any (from, to, previous): check returns the pair's action exactly when the table allows it
     * (a back pair only to the state it came from), otherwise INVALID_TRANSITION naming the type.
     */
    @Property(tries = 2000)
    void checkAgreesWithTheTable(@ForAll("specs") Spec spec, @ForAll Random random) {
        checkAgrees(spec.machine(), random);
    }

    private static <S extends Enum<S>> void checkAgrees(StateMachine<S> machine, Random random) {
        List<S> states = List.copyOf(machine.states());
        S from = states.get(random.nextInt(states.size()));
        S to = states.get(random.nextInt(states.size()));
        S previous = random.nextInt(4) == 0 ? null : states.get(random.nextInt(states.size()));
        boolean allowed = machine.allows(from, to) && (!machine.isBack(from, to) || to == previous);
        if (allowed) {
            assertEquals(machine.action(from, to).orElseThrow(), machine.check(from, to, previous));
        } else {
            ApiException refused = assertThrows(ApiException.class, () -> machine.check(from, to, previous),
                    machine.type() + " " + from + " -> " + to + " after " + previous);
            assertEquals(ErrorCode.INVALID_TRANSITION, refused.code());
            assertEquals(List.of("input", "to"), refused.field());
            assertTrue(refused.getMessage().startsWith(machine.type() + " cannot go from " + from + " to " + to));
        }
        assertEquals(machine.allows(from, to), machine.action(from, to).isPresent());
    }

    /** A random walk that honours back pairs never gets stuck before a final state. */
    @Property(tries = 500)
    void randomWalksEndOnlyInFinalStates(@ForAll("specs") Spec spec, @ForAll Random random) {
        walk(spec.machine(), spec.terminal(), random);
    }

    private static <S extends Enum<S>> void walk(StateMachine<S> machine, Set<String> terminal, Random random) {
        List<S> initial = List.copyOf(machine.initial());
        S state = initial.get(random.nextInt(initial.size()));
        S previous = null;
        for (int step = 0; step < 50 && !terminal.contains(state.name()); step++) {
            S from = state;
            S before = previous;
            List<S> exits = machine.states().stream()
                    .filter(to -> machine.allows(from, to) && (!machine.isBack(from, to) || to == before)).toList();
            assertTrue(!exits.isEmpty(), machine.type() + " stuck in " + state + " after " + previous);
            S next = exits.get(random.nextInt(exits.size()));
            machine.check(state, next, previous);
            previous = state;
            state = next;
        }
    }

    @Example
    void eachDomainRegistersItsSubjectWithTheLifecycleLayer() {
        for (TicketKind kind : TicketKind.values()) {
            LifecycleSubject<TicketStatus> subject = TicketLifecycles.subject(kind);
            assertEquals(kind.name(), subject.aggregate());
            assertEquals(kind.name().toLowerCase(Locale.ROOT) + "_id", subject.historyColumn());
            assertEquals(EventType.TICKET_STATUS_CHANGED, subject.event());
            assertEquals(kind.nodeType, subject.machine().type());
        }
        assertSame(OrderLifecycles.ORDER, OrderLifecycles.ORDER_SUBJECT.machine());
        assertEquals(EventType.ORDER_STATE_CHANGED, OrderLifecycles.ORDER_SUBJECT.event());
        assertSame(OrderLifecycles.ITEM, OrderLifecycles.ITEM_SUBJECT.machine());
        assertEquals(EventType.ORDER_ITEM_STATE_CHANGED, OrderLifecycles.ITEM_SUBJECT.event());
        assertSame(InvoiceLifecycle.INVOICE, InvoiceLifecycle.SUBJECT.machine());
        assertEquals(EventType.INVOICE_STATE_CHANGED, InvoiceLifecycle.SUBJECT.event());
        assertThrows(IllegalArgumentException.class, () -> new LifecycleSubject<>("INVOICE", "invoice_id; drop table x",
                EventType.INVOICE_STATE_CHANGED, InvoiceLifecycle.INVOICE));
    }

    @Example
    void aTableRefusesSelfLoopsConflictingNamesAndNoInitialState() {
        assertThrows(IllegalArgumentException.class, () -> StateMachine.of("Invoice", InvoiceState.class)
                .action("stay", InvoiceState.NEW, InvoiceState.NEW));
        assertThrows(IllegalArgumentException.class, () -> StateMachine.of("Invoice", InvoiceState.class)
                .action("validate", InvoiceState.VALIDATED, InvoiceState.NEW)
                .action("approve", InvoiceState.VALIDATED, InvoiceState.NEW));
        assertThrows(IllegalStateException.class, () -> StateMachine.of("Invoice", InvoiceState.class)
                .action("validate", InvoiceState.VALIDATED, InvoiceState.NEW).build());
    }

    private static <S extends Enum<S>> Set<String> pairs(StateMachine<S> machine) {
        return machine.states().stream().flatMap(from -> machine.states().stream()
                .filter(to -> machine.allows(from, to)).map(to -> from + ">" + to)).collect(Collectors.toSet());
    }

    private static <S extends Enum<S>> Set<String> withoutExit(StateMachine<S> machine) {
        return machine.states().stream().filter(from -> machine.states().stream().noneMatch(to -> machine.allows(from, to)))
                .map(Enum::name).collect(Collectors.toSet());
    }

    private static <S extends Enum<S>> Set<Enum<?>> reachable(StateMachine<S> machine) {
        Set<Enum<?>> reached = new HashSet<>(machine.initial());
        Deque<S> queue = new ArrayDeque<>(machine.initial());
        while (!queue.isEmpty()) {
            S from = queue.poll();
            for (S to : machine.states()) {
                if (machine.allows(from, to) && reached.add(to)) {
                    queue.add(to);
                }
            }
        }
        return reached;
    }

    private static Set<String> names(Set<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
