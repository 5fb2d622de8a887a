package dev.supportgraph.http;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The media type of a JSON answer on /graphql, as the client negotiated it (GraphQL over HTTP):
 * the GraphQL front and the token check in front of it (security) answer alike, hence below both.
 */
public final class ResponseType {

    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    private ResponseType() {
    }

    /** The media type of a JSON answer to this request. */
    public static String of(RoutingContext ctx) {
        return prefersGraphQLResponse(ctx) ? GRAPHQL_RESPONSE_JSON : "application/json";
    }

    /** True when the client's preferred response type is application/graphql-response+json. */
    public static boolean prefersGraphQLResponse(RoutingContext ctx) {
        for (MIMEHeader accept : ctx.parsedHeaders().accept()) {
            String type = accept.value();
            if (type.startsWith(GRAPHQL_RESPONSE_JSON)) {
                return true;
            }
            if (type.startsWith("application/json") || type.startsWith("application/*") || type.startsWith("*/*")) {
                return false;
            }
        }
        return false;
    }
}
