package dev.supportgraph.alarm;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.referencedata.ExternalType;
import dev.supportgraph.referencedata.ReferenceDataWriter;
import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import dev.supportgraph.resourcetrouble.ResourceTroubleLifecycle;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TMF642 alarms in: raise, update, clear and acknowledge, and the resource troubles they open,
 * join and resolve (see docs/alarms.md).
 *
 * <h2>Concurrency and storms</h2>
 * Every write on an alarm first takes transaction-scoped advisory locks on its resource and on
 * the services behind it ({@link AlarmLocks}), in one statement and a fixed order: writes on one resource (and on
 * correlated resources) run one after the other, so "is there an open trouble, else open one"
 * happens once. The alarm itself is one row per (source system, external alarm id), written
 * with INSERT ... ON CONFLICT DO UPDATE: a repeated raise counts up in place. Joining an open
 * trouble writes only the alarm's link (no trouble row, history or event), so a storm of alarms
 * costs the trouble work of its first alarm per resource and of its last clear.
 *
 * <h2>Errors</h2>
 * The {@code apply} methods validate and look up everything before their first write and report
 * a wrong input as an ApiException then; so the bulk feed can report a line and go on in the
 * same transaction. They run in the caller's transaction; the mutations give them their own.
 */
@ApplicationScoped
public class AlarmLifecycle {

    private static final String OPEN = "('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING', 'HELD')";

    private static final String UPSERT = """
            insert into alarm as a (source_system, external_alarm_id, resource_id, alarm_type, perceived_severity,
                                    probable_cause, specific_problem, state, raised_time, last_seen)
            values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), cast(?7 as text), 'RAISED', ?8, ?8)
            on conflict on constraint alarm_source_key do update set
                count = a.count + 1, last_seen = excluded.last_seen, alarm_type = excluded.alarm_type,
                perceived_severity = excluded.perceived_severity,
                probable_cause = coalesce(excluded.probable_cause, a.probable_cause),
                specific_problem = coalesce(excluded.specific_problem, a.specific_problem),
                state = case when a.state = 'CLEARED' then 'RAISED' else 'UPDATED' end,
                raised_time = case when a.state = 'CLEARED' then excluded.raised_time else a.raised_time end,
                cleared_time = null, updated_at = now(), version = a.version + 1
            where a.resource_id = excluded.resource_id
            returning a.id, a.resource_trouble_id""";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ReferenceDataWriter references;

    @Inject
    ResourceTroubleLifecycle troubles;

    @Inject
    AlarmsConfig config;

    @Inject
    AlarmLocks locks;

    @Transactional
    public AlarmType raise(AlarmInputs.Raise input) {
        caller.require(Role.SRE, Role.INTEGRATION);
        return load(applyRaise(input));
    }

    @Transactional
    public AlarmType update(AlarmInputs.Update input) {
        caller.require(Role.SRE, Role.INTEGRATION);
        return load(applyUpdate(input));
    }

    @Transactional
    public AlarmType clear(AlarmInputs.Clear input) {
        caller.require(Role.SRE, Role.INTEGRATION);
        return load(applyClear(input));
    }

    @Transactional
    public AlarmType acknowledge(AlarmInputs.Acknowledge input) {
        caller.require(Role.SRE, Role.INTEGRATION);
        Alarm alarm = em.find(Alarm.class, Inputs.id(AlarmType.TYPE, input.id(), "input", "id"));
        if (alarm == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Alarm not found: " + input.id());
        }
        Mutations.checkVersion(alarm.version, input.expectedVersion());
        boolean acknowledged = Inputs.required(input.ackState(), "input", "ackState") == AckState.ACKNOWLEDGED;
        alarm.ackState = input.ackState();
        alarm.acknowledgedBy = acknowledged ? caller.name() : null;
        alarm.acknowledgedAt = acknowledged ? OffsetDateTime.now() : null;
        em.flush();
        return AlarmType.of(alarm);
    }

    /** Raises (or repeats) an alarm; its id. */
    long applyRaise(AlarmInputs.Raise input) {
        String source = Inputs.text(input.sourceSystem(), 100, "input", "sourceSystem");
        String external = Inputs.text(input.externalAlarmId(), 200, "input", "externalAlarmId");
        String type = Inputs.text(input.alarmType(), 100, "input", "alarmType");
        PerceivedSeverity severity = active(Inputs.required(input.perceivedSeverity(), "input", "perceivedSeverity"));
        String cause = optional(input.probableCause(), 200, "probableCause");
        String problem = optional(input.specificProblem(), 2000, "specificProblem");
        long resource = references.key(ExternalType.RESOURCE, input.resourceId(), input.resourceExternalId(),
                "resourceId", "resourceExternalId");
        locks.lock(resource);
        List<Object[]> upserted = em.createNativeQuery(UPSERT, Object[].class)
                .setParameter(1, source).setParameter(2, external).setParameter(3, resource).setParameter(4, type)
                .setParameter(5, severity.name()).setParameter(6, cause).setParameter(7, problem)
                .setParameter(8, input.raisedTime() == null ? OffsetDateTime.now() : input.raisedTime())
                .getResultList();
        if (upserted.isEmpty()) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "externalAlarmId"),
                    "Alarm " + external + " of " + source + " is on another resource");
        }
        long id = ((Number) upserted.getFirst()[0]).longValue();
        openOrJoin(id, resource, (Number) upserted.getFirst()[1], severity, type, cause);
        return id;
    }

    /**
     * Locks, before a feed batch's first line, the resources of all its alarms in one statement
     * ({@link AlarmLocks#lockAll}): raises name theirs, updates and clears their alarm's. An input
     * whose resource or alarm is not found locks nothing here; its apply method refuses it.
     */
    void lockResourcesOf(List<? extends AlarmInputs.Keyed> inputs) {
        Set<Long> resources = new HashSet<>();
        List<String> resourceExternalIds = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        for (AlarmInputs.Keyed input : inputs) {
            if (!(input instanceof AlarmInputs.Raise raise)) {
                sources.add(input.sourceSystem());
                externals.add(input.externalAlarmId());
            } else if (raise.resourceExternalId() != null) {
                resourceExternalIds.add(raise.resourceExternalId());
            } else if (raise.resourceId() != null) {
                try {
                    resources.add(Inputs.id("Resource", raise.resourceId(), "input", "resourceId"));
                } catch (ApiException e) {
                    // refused by applyRaise
                }
            }
        }
        resources.addAll(references.keysByExternalId(ExternalType.RESOURCE, resourceExternalIds).values());
        if (!sources.isEmpty()) {
            em.createNativeQuery("""
                            select a.resource_id from alarm a join unnest(cast(?1 as text[]), cast(?2 as text[])) k (source, external)
                            on a.source_system = k.source and a.external_alarm_id = k.external""")
                    .setParameter(1, sources.toArray(String[]::new)).setParameter(2, externals.toArray(String[]::new))
                    .getResultList().forEach(resource -> resources.add(((Number) resource).longValue()));
        }
        locks.lockAll(resources);
    }

    /** Updates an active alarm; its id. */
    long applyUpdate(AlarmInputs.Update input) {
        PerceivedSeverity severity = input.perceivedSeverity() == null ? null : active(input.perceivedSeverity());
        String type = input.alarmType() == null ? null : Inputs.text(input.alarmType(), 100, "input", "alarmType");
        String cause = optional(input.probableCause(), 200, "probableCause");
        String problem = optional(input.specificProblem(), 2000, "specificProblem");
        Object[] alarm = find(input);
        long id = ((Number) alarm[0]).longValue();
        locks.lock(((Number) alarm[1]).longValue());
        Object[] current = (Object[]) em.createNativeQuery("select version, state, perceived_severity, alarm_type, probable_cause,"
                + " resource_trouble_id from alarm where id = ?1", Object[].class).setParameter(1, id).getSingleResult();
        if (input.expectedVersion() != null) {
            Mutations.checkVersion(((Number) current[0]).longValue(), input.expectedVersion());
        }
        if (AlarmState.CLEARED.name().equals(current[1])) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "externalAlarmId"),
                    "The alarm has cleared; raise it again instead");
        }
        severity = severity == null ? PerceivedSeverity.valueOf((String) current[2]) : severity;
        type = type == null ? (String) current[3] : type;
        cause = cause == null ? (String) current[4] : cause;
        em.createNativeQuery("""
                        update alarm set perceived_severity = ?2, alarm_type = ?3, probable_cause = cast(?4 as text),
                            specific_problem = coalesce(cast(?5 as text), specific_problem), state = 'UPDATED', last_seen = now(),
                            updated_at = now(), version = version + 1
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, severity.name()).setParameter(3, type).setParameter(4, cause)
                .setParameter(5, problem).executeUpdate();
        openOrJoin(id, ((Number) alarm[1]).longValue(), (Number) current[5], severity, type, cause);
        return id;
    }

    /** Clears an alarm (again: nothing changes) and resolves its trouble when it was the trouble's last active alarm; its id. */
    long applyClear(AlarmInputs.Clear input) {
        Object[] alarm = find(input);
        long id = ((Number) alarm[0]).longValue();
        locks.lock(((Number) alarm[1]).longValue());
        List<?> cleared = em.createNativeQuery("""
                        update alarm set state = 'CLEARED', perceived_severity = 'CLEARED', cleared_time = ?2,
                            last_seen = ?2, updated_at = now(), version = version + 1
                        where id = ?1 and state <> 'CLEARED' returning coalesce(resource_trouble_id, 0)""")
                .setParameter(1, id).setParameter(2, input.clearedTime() == null ? OffsetDateTime.now() : input.clearedTime())
                .getResultList();
        long trouble = cleared.isEmpty() ? 0 : ((Number) cleared.getFirst()).longValue();
        if (trouble != 0) {
            // Lock first, then look (a statement of its own, so it sees what joiners committed while
            // this one waited); a join waits for the lock (FOR NO KEY UPDATE), then sees the trouble resolved.
            boolean lastActive = !em.createNativeQuery("select 1 from resource_trouble where id = ?1 and status in " + OPEN + " for update")
                    .setParameter(1, trouble).getResultList().isEmpty()
                    && em.createNativeQuery("select 1 from alarm where resource_trouble_id = ?1 and state <> 'CLEARED' limit 1")
                    .setParameter(1, trouble).getResultList().isEmpty();
            if (lastActive) {
                troubles.resolveCleared(trouble, "All alarms cleared",
                        "Cleared by the network: the last alarm (" + input.externalAlarmId() + " of " + input.sourceSystem() + ") cleared");
            }
        }
        return id;
    }

    /**
     * Links an alarm at or above the configured severity to a trouble, unless it is linked to an
     * open one: the open trouble of its resource, else one a correlated alarm opened within the
     * window, else a new one. A more severe alarm raises the trouble's perceived severity. The
     * trouble is row-locked (FOR NO KEY UPDATE) until this transaction ends: it stays open, and
     * joins of one trouble from resources locked apart cannot deadlock over the escalation.
     */
    private void openOrJoin(long alarm, long resource, Number linked, PerceivedSeverity severity, String type, String cause) {
        if (severity.ordinal() > config.openTroubleAt().ordinal()) {
            return;
        }
        List<Object[]> trouble = linked == null ? List.of() : em.createNativeQuery("select id, perceived_severity from resource_trouble"
                + " where id = ?1 and status in " + OPEN + " for no key update", Object[].class).setParameter(1, linked.longValue()).getResultList();
        if (trouble.isEmpty()) {
            trouble = em.createNativeQuery("select id, perceived_severity from resource_trouble where resource_id = ?1 and status in " + OPEN
                    + " order by id limit 1 for no key update", Object[].class).setParameter(1, resource).getResultList();
        }
        if (trouble.isEmpty()) {
            trouble = em.createNativeQuery("""
                            select t.id, t.perceived_severity from service_resource mine
                                join service_resource peer on peer.service_id = mine.service_id and peer.resource_id <> mine.resource_id
                                join alarm a on a.resource_id = peer.resource_id
                                join resource_trouble t on t.id = a.resource_trouble_id
                            where mine.resource_id = ?1 and t.status in %s and t.created_at >= ?2
                            order by t.id limit 1 for no key update of t""".formatted(OPEN), Object[].class)
                    .setParameter(1, resource).setParameter(2, OffsetDateTime.now().minus(config.correlationWindow()))
                    .getResultList();
        }
        long id;
        if (trouble.isEmpty()) {
            id = open(resource, severity, type, cause);
        } else {
            id = ((Number) trouble.getFirst()[0]).longValue();
            if (severity.ordinal() < PerceivedSeverity.valueOf((String) trouble.getFirst()[1]).ordinal()) {
                troubles.escalate(id, severity);
            }
        }
        if (linked == null || linked.longValue() != id) {
            em.createNativeQuery("update alarm set resource_trouble_id = ?2 where id = ?1")
                    .setParameter(1, alarm).setParameter(2, id).executeUpdate();
        }
    }

    private long open(long resource, PerceivedSeverity severity, String type, String cause) {
        String name = (String) em.createNativeQuery("select name from resource where id = ?1").setParameter(1, resource).getSingleResult();
        String title = severity + " " + type + " on " + name + (cause == null ? "" : ": " + cause);
        return troubles.openForAlarm(resource, title.length() > 200 ? title.substring(0, 200) : title, severity, cause);
    }

    /** {@code [id, resource_id]} of the alarm the input names (NOT_FOUND otherwise). */
    private Object[] find(AlarmInputs.Keyed input) {
        String source = Inputs.text(input.sourceSystem(), 100, "input", "sourceSystem");
        String external = Inputs.text(input.externalAlarmId(), 200, "input", "externalAlarmId");
        List<Object[]> rows = em.createNativeQuery("select id, resource_id from alarm where source_system = ?1 and external_alarm_id = ?2",
                Object[].class).setParameter(1, source).setParameter(2, external).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "externalAlarmId"), "No alarm " + external + " from " + source);
        }
        return rows.getFirst();
    }

    private static PerceivedSeverity active(PerceivedSeverity severity) {
        if (severity == PerceivedSeverity.CLEARED) {
            throw ApiException.badInput("must not be CLEARED (clear an alarm with alarmClear)", "input", "perceivedSeverity");
        }
        return severity;
    }

    private static String optional(String value, int maxLength, String field) {
        return value == null ? null : Inputs.text(value, maxLength, "input", field);
    }

    /** The alarm as written: its native writes bypassed the persistence context, hence the refresh. */
    private AlarmType load(long id) {
        Alarm alarm = em.find(Alarm.class, id);
        em.refresh(alarm);
        return AlarmType.of(alarm);
    }
}
