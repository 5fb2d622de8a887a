package dev.supportgraph.notification;

import dev.supportgraph.graph.PageInfo;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public record EmailNotificationConnection(@NonNull List<@NonNull EmailNotificationEdge> edges, @NonNull PageInfo pageInfo,
                                          Integer totalCount) {

    public record EmailNotificationEdge(@NonNull String cursor, @NonNull EmailNotificationType node) {
    }
}
