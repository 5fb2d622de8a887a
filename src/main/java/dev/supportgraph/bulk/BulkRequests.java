package dev.supportgraph.bulk;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP side of a bulk endpoint (the import, the alarm feed): checks the bearer's roles and
 * the content type, then streams the body line by line ({@link RequestBodyStream}) to the work on
 * a worker thread and answers its result as JSON. The work runs in a request context with the
 * caller's identity, so the services it calls see the caller as a GraphQL request would.
 */
public final class BulkRequests {

    /**
     * Route order: after Quarkus' authentication (-200) and authorization (-100), before its upload
     * limit (-2): a bulk body is streamed, so the limit for GraphQL requests does not apply to it.
     */
    public static final int ORDER = -3;
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    /** What a bulk endpoint does with the lines of a body; its result is answered as JSON. */
    @FunctionalInterface
    public interface Work {
        Object run(BufferedReader lines, String mediaType, SecurityIdentity caller) throws IOException;
    }

    private BulkRequests() {
    }

    /**
     * Answers 401 without a bearer token, 403 without one of {@code roles}, 415 for another
     * content type than {@code mediaTypes}; otherwise runs {@code work} on the streamed body.
     */
    public static void stream(RoutingContext ctx, String name, List<String> roles, List<String> mediaTypes, Work work) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            answer(ctx, 401, "A bearer token is required");
            return;
        }
        if (roles.stream().noneMatch(identity::hasRole)) {
            answer(ctx, 403, "This endpoint needs one of the roles " + String.join(", ", roles));
            return;
        }
        String contentType = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
        String mediaType = mediaTypes.stream().filter(contentType::startsWith).findFirst().orElse(null);
        if (mediaType == null) {
            answer(ctx, 415, "Send " + String.join(" or ", mediaTypes));
            return;
        }
        ctx.request().pause();
        Context context = Vertx.currentContext();
        RequestBodyStream body = new RequestBodyStream(ctx.request(), context);
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
                Object result = work.run(lines, mediaType, identity);
                context.runOnContext(v -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(JsonObject.mapFrom(result).encode()));
            } catch (Exception e) {
                Log.errorf(e, "Bulk request %s failed", name);
                context.runOnContext(v -> answer(ctx, 500, "The request failed (see the server log); rows of committed batches stay"));
            } finally {
                request.terminate();
            }
        });
        context.runOnContext(v -> ctx.request().resume());
    }

    public static void answer(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", message).encode());
        }
    }
}
