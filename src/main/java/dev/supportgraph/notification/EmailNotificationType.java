package dev.supportgraph.notification;

import dev.supportgraph.graph.GlobalId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("EmailNotification")
@Description("An e-mail to one contact about one event (docs/notifications.md).")
public record EmailNotificationType(
        @Ignore long key,
        @NonNull @Description("The template kind, e.g. EMAIL_OUTAGE.") String kind,
        @NonNull @Description("The language it was rendered in.") String language,
        @NonNull @Description("The contact's e-mail address.") String recipient,
        @NonNull @Description("The rendered subject.") String subject,
        @NonNull @Description("PENDING, SENT or FAILED.") EmailNotificationStatus status,
        @Description("SMTP attempts since it was written or last replayed.") int attempts,
        @Description("The last SMTP failure, if any.") String lastError,
        @NonNull @Description("When it was written.") OffsetDateTime createdAt,
        @Description("When the SMTP server accepted it.") OffsetDateTime sentAt,
        @Description("When it was given up (FAILED); null otherwise.") OffsetDateTime failedAt) {

    public static final String TYPE = "EmailNotification";

    @NonNull
    @Id
    @Description("Global id.")
    public String getId() {
        return GlobalId.encode(TYPE, key);
    }

    static EmailNotificationType of(EmailNotification n) {
        return new EmailNotificationType(n.id, n.kind, n.language, n.recipient, n.subject, EmailNotificationStatus.valueOf(n.status),
                n.attempts, n.lastError, n.createdAt, n.sentAt, n.failedAt);
    }
}
