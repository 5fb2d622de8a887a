package dev.supportgraph.alarm;

import dev.supportgraph.persistence.TrackedEntity;
import dev.supportgraph.resourcetrouble.PerceivedSeverity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;

/** An alarm from the network (TMF642), one row per alarm of a source system; see {@link AlarmLifecycle}. */
@Entity
public class Alarm extends TrackedEntity {

    @Column(name = "source_system", nullable = false)
    public String sourceSystem;

    @Column(name = "external_alarm_id", nullable = false)
    public String externalAlarmId;

    @Column(name = "resource_id", nullable = false)
    public long resourceId;

    @Column(name = "alarm_type", nullable = false)
    public String alarmType;

    @Enumerated(EnumType.STRING)
    @Column(name = "perceived_severity", nullable = false)
    public PerceivedSeverity perceivedSeverity;

    @Column(name = "probable_cause")
    public String probableCause;

    @Column(name = "specific_problem")
    public String specificProblem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlarmState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "ack_state", nullable = false)
    public AckState ackState;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "raised_time", nullable = false)
    public OffsetDateTime raisedTime;

    @Column(name = "last_seen", nullable = false)
    public OffsetDateTime lastSeen;

    @Column(nullable = false)
    public int count;

    @Column(name = "cleared_time")
    public OffsetDateTime clearedTime;

    @Column(name = "resource_trouble_id")
    public Long resourceTroubleId;
}
