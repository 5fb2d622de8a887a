package dev.supportgraph.notification;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EmailNotificationStatus")
@Description("Where an e-mail notification stands.")
public enum EmailNotificationStatus {
    @Description("Waiting to be sent, or to be retried after an SMTP failure.")
    PENDING,
    @Description("Accepted by the SMTP server.")
    SENT,
    @Description("Given up after the configured attempts; an admin can replay it (emailNotificationReplay).")
    FAILED
}
