package dev.supportgraph.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An e-mail to one contact for one event; read here, written by {@link EmailFanOut} and {@link EmailSender} in SQL. */
@Entity
@Table(name = "email_notification")
public class EmailNotification {

    @Id
    public Long id;

    @Column(name = "contact_id")
    public long contactId;

    public String kind;

    public String language;

    public String recipient;

    public String subject;

    public String status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "failed_at")
    public OffsetDateTime failedAt;
}
