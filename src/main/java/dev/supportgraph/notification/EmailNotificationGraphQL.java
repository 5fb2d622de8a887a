package dev.supportgraph.notification;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.Selection;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** E-mail notifications for admins (docs/notifications.md). */
@GraphQLApi
@Authenticated
public class EmailNotificationGraphQL {

    @Inject
    EmailNotificationService service;

    @Inject
    SupportGraphConfig config;

    @Inject
    Context context;

    @Query
    @Description("E-mail notifications, oldest first (admin; FORBIDDEN for other roles).")
    public @NonNull EmailNotificationConnection emailNotifications(Integer first, String after, Integer last, String before,
                                                                   EmailNotificationInputs.Filter filter) {
        return service.connection(PageRequest.of(first, after, last, before, config.paging()), filter,
                Selection.wantsTotalCount(context));
    }

    @Mutation
    @Description("Puts FAILED e-mails back to PENDING with their attempts reset (admin); each failure is replayed once.")
    public @NonNull EmailNotificationReplayPayload emailNotificationReplay(@NonNull EmailNotificationInputs.Replay input) {
        return Mutations.run(() -> service.replay(input), EmailNotificationReplayPayload::failed);
    }
}
