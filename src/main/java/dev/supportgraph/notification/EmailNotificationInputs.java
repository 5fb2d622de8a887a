package dev.supportgraph.notification;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.time.OffsetDateTime;
import java.util.List;

/** Inputs of the e-mail notification list and replay. */
public final class EmailNotificationInputs {

    private EmailNotificationInputs() {
    }

    @Input("EmailNotificationFilter")
    @Description("Narrows the e-mail notifications list; all given conditions must hold.")
    public record Filter(
            @Description("Notifications in one of these states.") List<EmailNotificationStatus> status,
            @Description("Notifications given up (FAILED) at or after this time.") OffsetDateTime failedSince) {
    }

    @Input("EmailNotificationReplayInput")
    @Description("Which FAILED e-mails to send again: either ids or failedSince.")
    public record Replay(
            @Id @Description("Global ids of these notifications (at most the page size limit); those not FAILED are left alone.") List<String> ids,
            @Description("Every notification given up at or after this time.") OffsetDateTime failedSince) {
    }
}
