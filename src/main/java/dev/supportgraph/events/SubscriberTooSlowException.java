package dev.supportgraph.events;

import io.smallrye.graphql.api.ErrorCode;
import org.eclipse.microprofile.graphql.GraphQLException;

/** Ends a subscription whose client does not read fast enough (its message is shown as is). */
@ErrorCode("SUBSCRIBER_TOO_SLOW")
public class SubscriberTooSlowException extends GraphQLException {

    SubscriberTooSlowException(int buffered) {
        super("The subscriber did not keep up (" + buffered + " events buffered); resubscribe with after: the last eventId received");
    }
}
