package dev.supportgraph.ticket;

import dev.supportgraph.graph.CustomerSees;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.OffsetDateTime;

/** A note on a ticket; notes are never edited, so no version. Portal customers read PUBLIC notes only. */
@Entity
@CustomerSees(TicketNote.PUBLIC)
@Table(name = "ticket_note")
public class TicketNote extends TicketOwned {

    static final String PUBLIC = "e.visibility = dev.supportgraph.ticket.NoteVisibility.PUBLIC";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoteVisibility visibility;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String body;

    /** Written by staff (a PUBLIC one is a first response, see SlaTimeline), not by the customer or the system. */
    @Column(name = "by_staff", nullable = false)
    public boolean byStaff;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
