package dev.supportgraph.ticket;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.events.EventsConfig;
import dev.supportgraph.events.Outbox;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.PlannedMutation;
import dev.supportgraph.lifecycle.LifecycleSubject;
import dev.supportgraph.lifecycle.StateMachine;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.SecurityConfig;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The status change of every ticket kind ({@code <kind>Transition}) as ONE statement on the
 * reactive pool, without the engine or a JTA transaction (docs/planner.md, "The planned status
 * change"): it locks the ticket if it is in the caller's scope, at the
 * expected version and in a state the kind's table allows {@code to} from (the allowed sources
 * and their action names are bound, from the same {@link StateMachine}), updates it as
 * {@link TicketLifecycle#transition} does, and writes the status_change row, the outbox event
 * (same payload as {@link dev.supportgraph.lifecycle.Transitions}) under the outbox lock, and
 * its NOTIFY, as {@link Outbox} does. The payload comes from its RETURNING row.
 * <p>
 * Only what it answers exactly as the service would is taken here: the caller has one of the
 * kind's roles, the input is well-formed, the target has no synchronous effects in the kind's
 * service ({@link TicketTransitionRoute#viaService}), the payload selects no more than the
 * ticket's id, number, status, version and typenames. When the statement changes no row (not
 * found or not visible, another version, a move the table or the caller's rights refuse), the
 * engine runs the mutation through the service, which changes nothing either and answers the
 * userErrors it always did.
 */
@ApplicationScoped
public class PlannedTransitions implements PlannedMutation {

    private static final Set<String> INPUT_FIELDS = Set.of("id", "expectedVersion", "to", "reason", "resolution");
    /** What the payload's ticket may select: the RETURNING row's columns. */
    private static final Set<String> TICKET_FIELDS = Set.of("id", "number", "status", "version", "__typename");

    private final Map<String, TicketTransitionRoute> routes = new HashMap<>();
    private final Map<TicketKind, String> statements = new HashMap<>();
    private final Pool pool;
    private final String channel;
    private final String customerClaim;

    @Inject
    PlannedTransitions(Instance<TicketTransitionRoute> declared, Pool pool, EventsConfig events, SecurityConfig security) {
        declared.forEach(route -> {
            routes.put(route.mutation(), route);
            statements.put(route.kind(), statement(route));
        });
        this.pool = pool;
        this.channel = events.channel();
        this.customerClaim = security.customerClaim();
    }

    @Override
    public Set<String> fields() {
        return routes.keySet();
    }

    @Override
    public String inputType() {
        return "TicketTransitionInput";
    }

    @Override
    public Future<JsonObject> run(String field, Input input, SelectionSet selection, SecurityIdentity identity) {
        TicketTransitionRoute route = routes.get(field);
        if (route.roles().stream().noneMatch(identity::hasRole) || !INPUT_FIELDS.containsAll(input.names())
                || !answerable(route, selection)) {
            return null;
        }
        long id;
        TicketStatus to;
        String resolution = null;
        try {
            id = GlobalId.decode(route.kind().nodeType, input.id("id"));
            to = TicketStatus.valueOf(input.enumName("to"));
            if (to == TicketStatus.RESOLVED) {
                resolution = Inputs.text(input.string("resolution"), TicketLifecycle.RESOLUTION_LENGTH, "input", "resolution");
            }
        } catch (ApiException | IllegalArgumentException e) {
            return null;
        }
        int expectedVersion = input.integer("expectedVersion");
        String reason = input.string("reason");
        if (route.viaService().contains(to)) {
            return null;
        }
        OptionalLong scope = Caller.scopeOf(identity, customerClaim);
        StateMachine<TicketStatus> machine = TicketLifecycles.subject(route.kind()).machine();
        List<String> froms = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (TicketStatus from : machine.states()) {
            // Back pairs depend on the history (Transitions.previous): the service decides them.
            if (machine.allows(from, to) && !machine.isBack(from, to) && (scope.isEmpty() || route.portalMay().test(from, to))) {
                froms.add(from.name());
                actions.add(machine.action(from, to).orElseThrow());
            }
        }
        if (froms.isEmpty()) {
            return null;
        }
        OffsetDateTime at = OffsetDateTime.now();
        Tuple parameters = Tuple.tuple().addLong(id).addValue(scope.isPresent() ? scope.getAsLong() : null)
                .addLong((long) expectedVersion).addString(to.name()).addArrayOfString(froms.toArray(String[]::new))
                .addArrayOfString(actions.toArray(String[]::new)).addString(resolution).addOffsetDateTime(at)
                .addString(at.toString()).addString(reason).addString(identity.getPrincipal().getName()).addString(channel);
        return pool.preparedQuery(statements.get(route.kind())).execute(parameters)
                .map(rows -> rows.size() == 0 ? null : payload(route, selection, rows.iterator().next()));
    }

    /** Whether the selection asks only for what the statement returns (the engine has validated it). */
    private static boolean answerable(TicketTransitionRoute route, SelectionSet selection) {
        for (Selection<?> selected : selection.getSelections()) {
            if (!(selected instanceof Field field) || !field.getDirectives().isEmpty()) {
                return false;
            }
            if (field.getName().equals(route.payloadField()) && !field.getSelectionSet().getSelections().stream()
                    .allMatch(s -> s instanceof Field f && f.getDirectives().isEmpty() && TICKET_FIELDS.contains(f.getName()))) {
                return false;
            }
            if (field.getName().equals("userErrors") && !field.getSelectionSet().getSelections().stream()
                    .allMatch(s -> s instanceof Field f && f.getDirectives().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** The payload as the engine writes it: the fields in the order selected, under their aliases; no userErrors. */
    private static JsonObject payload(TicketTransitionRoute route, SelectionSet selection, Row row) {
        JsonObject payload = new JsonObject();
        for (Selection<?> selected : selection.getSelections()) {
            Field field = (Field) selected;
            if (field.getName().equals("__typename")) {
                payload.put(key(field), route.payloadType());
            } else if (field.getName().equals("userErrors")) {
                payload.put(key(field), new JsonArray());
            } else {
                JsonObject ticket = new JsonObject();
                for (Selection<?> sub : field.getSelectionSet().getSelections()) {
                    Field column = (Field) sub;
                    ticket.put(key(column), switch (column.getName()) {
                        case "id" -> GlobalId.encode(route.kind().nodeType, row.getLong("id"));
                        case "number" -> row.getString("number");
                        case "status" -> row.getString("status");
                        case "version" -> (int) (long) row.getLong("version");
                        default -> route.kind().nodeType;
                    });
                }
                payload.put(key(field), ticket);
            }
        }
        return payload;
    }

    private static String key(Field field) {
        return field.getAlias() == null ? field.getName() : field.getAlias();
    }

    /**
     * The kind's statement. Parameters: $1 the ticket's id, $2 the caller's customer scope (null
     * for staff), $3 the expected version, $4 the target, $5 the states it may be reached from and
     * $6 their actions, $7 the resolution (when resolving), $8 the time of the change and $9 as
     * the event shows it, $10 the reason, $11 the actor, $12 the NOTIFY channel. The SET clause is
     * TicketLifecycle.transition's; the lock is only taken once the ticket's row is (see Outbox).
     */
    private static String statement(TicketTransitionRoute route) {
        LifecycleSubject<TicketStatus> subject = TicketLifecycles.subject(route.kind());
        String customer = route.owned() ? "t.customer_id" : "null::bigint";
        return """
                with old as (
                    select t.id, t.status, t.version, %s as customer_id, t.work_group_id, t.assignee_id, t.category_id,
                           t.resolution_clock, t.resolution_due_at, t.resolution_breached
                    from %s t where t.id = $1 and ($2::bigint is null or %s = $2) for update),
                moved as (
                    update %s t set status = $4, version = t.version + 1, updated_at = $8,
                        resolution = case when $4 = '%s' then $7::text else t.resolution end,
                        resolved_at = case $4::text when '%s' then $8 when '%s' then null else t.resolved_at end,
                        closed_at = case $4::text when '%s' then $8 when '%s' then null else t.closed_at end
                    from old where t.id = old.id and old.version = $3 and old.status = any($5::text[])
                    returning t.id, t.number, t.status, t.version, old.status as from_status,
                        ($6::text[])[array_position($5::text[], old.status)] as action, old.customer_id, old.work_group_id,
                        old.assignee_id, old.category_id, old.resolution_clock, old.resolution_due_at, old.resolution_breached),
                history as (
                    insert into status_change (%s, customer_id, from_status, to_status, reason, actor)
                    select m.id, m.customer_id, m.from_status, m.status, $10::text, $11::text from moved m),
                locked as (select %s from moved),
                events as (
                    insert into outbox_event (type, aggregate, aggregate_id, customer_id, payload)
                    select '%s', '%s', m.id, m.customer_id, jsonb_build_object('number', m.number, 'from', m.from_status,
                        'to', m.status, 'action', m.action, 'reason', $10::text, 'actor', $11::text, 'at', $9::text,
                        'queueBefore', %s, 'queue', %s)
                    from locked, moved m
                    returning id)
                select m.id, m.number, m.status, m.version
                from moved m, (select count(*) from events, pg_notify($12::text, events.id::text)) notified"""
                .formatted(customer, route.kind().table, customer, route.kind().table,
                        TicketStatus.RESOLVED, TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS, TicketStatus.CLOSED, TicketStatus.IN_PROGRESS,
                        subject.historyColumn(), Outbox.LOCK, subject.event(), subject.aggregate(),
                        TicketQueueState.jsonSql("m.from_status", "m"), TicketQueueState.jsonSql("m.status", "m"));
    }
}
