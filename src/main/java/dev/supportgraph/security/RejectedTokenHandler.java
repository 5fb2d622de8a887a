package dev.supportgraph.security;

import dev.supportgraph.http.ResponseType;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bearer token that is present but unacceptable (expired, wrongly signed, another issuer,
 * malformed) fails authentication before any GraphQL runs, and Quarkus answers 401 with an empty
 * body. On /graphql the 401 keeps its Bearer challenge and gains a GraphQL error body with the same
 * {@code unauthorized} code an anonymous caller gets, so clients handle both in one place.
 */
@ApplicationScoped
public class RejectedTokenHandler {

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String path;

    void register(@Observes Router router) {
        router.route(path).failureHandler(ctx -> {
            if (!(ctx.failure() instanceof AuthenticationFailedException) || ctx.response().ended()) {
                ctx.next();
                return;
            }
            JsonObject error = new JsonObject().put("message", "The bearer token is invalid or expired")
                    .put("extensions", new JsonObject().put("code", "unauthorized"));
            ctx.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, ResponseType.of(ctx) + "; charset=UTF-8")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        });
    }
}
