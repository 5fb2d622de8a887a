package dev.supportgraph.alarm;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads of alarms: staff and systems of record (which feed them) read them all; portal users
 * none (the reads of reference data, see {@link Caller#readsReferenceData}).
 */
@ApplicationScoped
public class AlarmService implements NodeLoader {

    private final ScopedReads<Alarm, AlarmType, AlarmFilter, AlarmOrder> alarms;

    @Inject
    AlarmService(StatelessSession session, Caller caller) {
        alarms = ScopedReads.referenceData(ScopedReads.staffOnly(session, caller, Alarm.class, a -> a.id, AlarmType::of,
                AlarmService::where, AlarmOrder.NEWEST_FIRST));
    }

    public ScopedReads<Alarm, AlarmType, AlarmFilter, AlarmOrder> alarms() {
        return alarms;
    }

    public Map<Long, List<AlarmType>> byTroubles(Collection<Long> resourceTroubleKeys) {
        return alarms.byParents("e.resourceTroubleId", resourceTroubleKeys, "e.raisedTime desc, e.id desc", AlarmType::resourceTroubleKey);
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(AlarmType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return alarms.byIds(ids);
    }

    private static Where where(AlarmFilter filter) {
        Where where = new Where();
        if (filter != null) {
            where.in("e.state", filter.state());
            where.in("e.perceivedSeverity", filter.perceivedSeverity());
            where.in("e.ackState", filter.ackState());
            where.in("e.sourceSystem", filter.sourceSystem());
            where.in("e.externalAlarmId", filter.externalAlarmId());
        }
        return where;
    }
}
