package dev.supportgraph.graph;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.compiled.CompiledQueries;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL over HTTP in front of SmallRye's handler on /graphql: rejects what is not a GraphQL
 * request, too long or unparsable before SmallRye sees it (with a code and the syntax error's
 * location), refuses mutations over GET, and gives clients that accept
 * {@code application/graphql-response+json} HTTP 400 for every response without data (request,
 * syntax, validation and limit errors). Clients asking for {@code application/json}, or for
 * nothing in particular, keep the legacy 200 with errors.
 */
@ApplicationScoped
public class GraphQLHttpFilter {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final String REQUEST_ERROR = GraphQLHttpFilter.class.getName() + ".requestError";

    @Inject
    QueryLimits limits;

    @Inject
    SupportGraphConfig config;

    @Inject
    CompiledQueries compiled;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String path;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.smallrye-graphql.http.get.enabled", defaultValue = "false")
    boolean getEnabled;

    /**
     * Extension routes without an explicit order are numbered from 0 as they are registered, so
     * this filter takes -1: after Quarkus' security filters (negative orders by priority), before SmallRye.
     */
    private static final int ORDER = -1;

    void register(@Observes Router router) {
        router.get(path + "/schema.graphql").order(ORDER).handler(ctx -> {
            if (config.introspection()) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(404).end();
            }
        });
        router.route(path).order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .handler(this::filter);
    }

    /**
     * Marks the current HTTP request as answered without data (called by {@link QueryGuard} while
     * the request is validated, which happens on the request's own thread and context).
     */
    static void markRequestError() {
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            RoutingContext ctx = container.instance(CurrentVertxRequest.class).get().getCurrent();
            if (ctx != null) {
                ctx.put(REQUEST_ERROR, Boolean.TRUE);
            }
        }
    }

    /**
     * Documents that passed the checks above, with whether they hold only queries. Clients send the
     * same few documents with different variables; parsing each on every request cost 6% of the CPU
     * of the benchmark's ticket-by-id request (bench/RESULTS.md). Bounded: only documents up to
     * {@link #CHECKED_MAX_LENGTH} characters, and emptied when {@link #CHECKED_MAX_ENTRIES} is reached.
     */
    private final Map<String, Boolean> checked = new ConcurrentHashMap<>();
    private static final int CHECKED_MAX_ENTRIES = 1000;
    private static final int CHECKED_MAX_LENGTH = 8192;

    private void remember(String query, boolean queriesOnly) {
        if (query.length() > CHECKED_MAX_LENGTH) {
            return;
        }
        if (checked.size() >= CHECKED_MAX_ENTRIES) {
            checked.clear();
        }
        checked.put(query, queriesOnly);
    }

    private void filter(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        boolean get = method == HttpMethod.GET;
        if ((method != HttpMethod.POST && !get) || ctx.request().headers().contains(HttpHeaders.UPGRADE)
                || (get && !getEnabled)) {
            ctx.next();
            return;
        }
        boolean modern = prefersGraphQLResponse(ctx);
        ctx.addHeadersEndHandler(ignored -> adjustStatus(ctx, modern));
        String query;
        JsonObject body = null;
        if (get) {
            query = ctx.queryParams().get("query");
        } else if (String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).startsWith("application/graphql")) {
            query = ctx.body().asString();
        } else {
            try {
                body = ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                reject(ctx, ErrorCode.BAD_REQUEST, "The request body is not a JSON object", null, null);
                return;
            }
            query = body == null || !(body.getValue("query") instanceof String text) ? null : text;
        }
        if (query == null || query.isBlank()) {
            reject(ctx, ErrorCode.BAD_REQUEST, "The request has no query", null, null);
            return;
        }
        if (query.length() > limits.maxQueryLength()) {
            reject(ctx, ErrorCode.QUERY_TOO_COMPLEX, "The query has " + query.length() + " characters; at most "
                    + limits.maxQueryLength() + " are allowed", "length", null);
            return;
        }
        Boolean queriesOnly = checked.get(query);
        if (queriesOnly == null) {
            Document document;
            try {
                document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                        .parserOptions(ParserOptions.getDefaultOperationParserOptions()
                                .transform(options -> options.maxTokens(limits.maxTokens()))).build());
            } catch (ParseCancelledException e) {
                reject(ctx, ErrorCode.QUERY_TOO_COMPLEX, "The query has more than " + limits.maxTokens() + " tokens",
                        "tokens", null);
                return;
            } catch (InvalidSyntaxException e) {
                reject(ctx, ErrorCode.GRAPHQL_PARSE_FAILED, e.getMessage(), null, e.getLocation());
                return;
            }
            queriesOnly = document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
            remember(query, queriesOnly);
        }
        if (get && !queriesOnly) {
            ctx.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST");
            reject(ctx, ErrorCode.BAD_REQUEST, "Mutations and subscriptions are only accepted over POST", null, null);
            return;
        }
        // Labelled as SmallRye labels its answers (no charset parameter; JSON is UTF-8).
        if (body != null && queriesOnly
                && compiled.answer(ctx, query, body, modern ? GRAPHQL_RESPONSE_JSON : "application/json")) {
            return;
        }
        ctx.next();
    }

    /** True when the client's preferred response type is application/graphql-response+json. */
    private static boolean prefersGraphQLResponse(RoutingContext ctx) {
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

    /** Runs just before the headers go out, whoever wrote the response. */
    private static void adjustStatus(RoutingContext ctx, boolean modern) {
        var response = ctx.response();
        if (modern) {
            if (response.getStatusCode() == 200 && Boolean.TRUE.equals(ctx.get(REQUEST_ERROR))) {
                response.setStatusCode(400);
            }
        } else if (String.valueOf(response.headers().get(HttpHeaders.CONTENT_TYPE)).startsWith(GRAPHQL_RESPONSE_JSON)) {
            // SmallRye labels responses to Accept: */* (or none) with the new type; they get legacy semantics.
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
        }
    }

    private static void reject(RoutingContext ctx, ErrorCode code, String message, String limit, SourceLocation location) {
        JsonObject extensions = new JsonObject().put("code", code.name());
        if (limit != null) {
            extensions.put("limit", limit);
        }
        JsonObject error = new JsonObject().put("message", message);
        if (location != null) {
            error.put("locations", new JsonArray().add(Map.of("line", location.getLine(), "column", location.getColumn())));
        }
        error.put("extensions", extensions);
        ctx.put(REQUEST_ERROR, Boolean.TRUE);
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, (prefersGraphQLResponse(ctx) ? GRAPHQL_RESPONSE_JSON
                : "application/json") + "; charset=UTF-8");
        ctx.response().end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
