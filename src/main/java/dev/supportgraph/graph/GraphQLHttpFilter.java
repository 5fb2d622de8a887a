package dev.supportgraph.graph;

import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.compiled.CompiledQueries;
import dev.supportgraph.config.SupportGraphConfig;
import graphql.GraphQLContext;
import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import dev.supportgraph.http.ResponseType;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL over HTTP in front of SmallRye's handler on /graphql (docs/http.md): rejects what is not a
 * GraphQL request with a 4xx and a code (wrong method with {@code Allow}, wrong content type 415,
 * unparsable JSON, ill-typed parameters, batches), refuses too long or unparsable documents before
 * SmallRye sees them (with the syntax error's location), allows GET for queries only (405 otherwise),
 * sends subscriptions to the WebSocket, resolves persisted queries (Apollo's APQ, trusted documents),
 * and gives clients that accept {@code application/graphql-response+json} HTTP 400 for every
 * response without data (request, syntax, validation and limit errors). Clients asking for
 * {@code application/json}, or for nothing in particular, keep the legacy 200 for those.
 */
@ApplicationScoped
public class GraphQLHttpFilter {

    private static final String REQUEST_ERROR = GraphQLHttpFilter.class.getName() + ".requestError";

    @Inject
    QueryLimits limits;

    @Inject
    IntrospectionAccess introspection;

    @Inject
    CompiledQueries compiled;

    @Inject
    PersistedQueries persisted;

    @Inject
    PlannedMutations mutations;

    @Inject
    PublishedSchema schema;

    /** The schema the engine executes (the one {@link CompiledQueries} plans against). */
    @Inject
    Instance<GraphQLSchema> executableSchema;

    private QueryCost.Limits costLimits;
    private InputCheck.Limits inputLimits;
    private static final Validator VALIDATOR = new Validator();

    @Inject
    void limits(SupportGraphConfig config) {
        costLimits = QueryLimitsInstaller.costLimits(limits, config.paging());
        inputLimits = QueryLimitsInstaller.inputLimits(limits);
    }

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String path;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.smallrye-graphql.http.get.enabled", defaultValue = "false")
    boolean getEnabled;

    @ConfigProperty(name = "quarkus.http.compress-media-types", defaultValue = "text/plain")
    Set<String> compressMediaTypes;

    /**
     * Extension routes without an explicit order are numbered from 0 as they are registered, so
     * this filter takes -1: after Quarkus' security filters (negative orders by priority), before SmallRye.
     */
    private static final int ORDER = -1;

    void register(@Observes Router router) {
        router.get(path + "/schema.graphql").order(ORDER).handler(ctx -> {
            if (introspection.allows(ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null)) {
                ctx.addHeadersEndHandler(ignored -> allowCompression(ctx));
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(schema.sdl());
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

    /** What the HTTP layer needs to know of a parsed document: its operations' types by name ("" when unnamed). */
    private record Operations(Document document, Map<String, OperationDefinition.Operation> byName, boolean queriesOnly) {

        static Operations of(Document document) {
            Map<String, OperationDefinition.Operation> byName = new HashMap<>();
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                byName.put(operation.getName() == null ? "" : operation.getName(), operation.getOperation());
            }
            return new Operations(document, byName, byName.values().stream().allMatch(op -> op == OperationDefinition.Operation.QUERY));
        }

        /** The type of the operation the request selects, or null when the selection is invalid (the engine reports it). */
        OperationDefinition.Operation selected(String operationName) {
            if (operationName != null) {
                return byName.get(operationName);
            }
            return byName.size() == 1 ? byName.values().iterator().next() : null;
        }
    }

    /**
     * Documents that passed the checks above, with their operations. Clients send the
     * same few documents with different variables; parsing each on every request cost 6% of the CPU
     * of the benchmark's ticket-by-id request (bench/RESULTS.md). Bounded: only documents up to
     * {@link #CHECKED_MAX_LENGTH} characters, and emptied when {@link #CHECKED_MAX_ENTRIES} is reached.
     */
    private final Map<String, Operations> checked = new ConcurrentHashMap<>();
    private static final int CHECKED_MAX_ENTRIES = 1000;
    private static final int CHECKED_MAX_LENGTH = 8192;

    /** Planned mutations' documents the engine's validation found valid (validated once, not per request). */
    private final Set<String> valid = ConcurrentHashMap.newKeySet();

    private void remember(String query, Operations operations) {
        if (query.length() > CHECKED_MAX_LENGTH) {
            return;
        }
        if (checked.size() >= CHECKED_MAX_ENTRIES) {
            checked.clear();
        }
        checked.put(query, operations);
    }

    private void filter(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        boolean get = method == HttpMethod.GET;
        if (method == HttpMethod.OPTIONS || ctx.request().headers().contains(HttpHeaders.UPGRADE)) {
            ctx.next();
            return;
        }
        boolean modern = ResponseType.prefersGraphQLResponse(ctx);
        ctx.addHeadersEndHandler(ignored -> {
            adjustStatus(ctx, modern);
            allowCompression(ctx);
        });
        if ((method != HttpMethod.POST && !get) || (get && !getEnabled)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, getEnabled ? "GET, POST" : "POST");
            reject(ctx, 405, ErrorCode.BAD_REQUEST, "GraphQL requests are " + (getEnabled ? "GET (queries) or POST" : "POST")
                    + " requests", null, null);
            return;
        }
        Request request;
        try {
            request = get ? Request.fromQueryParameters(ctx) : Request.fromBody(ctx);
        } catch (MalformedRequest e) {
            reject(ctx, e.status, ErrorCode.BAD_REQUEST, e.getMessage(), null, null);
            return;
        }
        String query = request.query;
        if (request.persistedHash != null) {
            query = resolvePersisted(ctx, request);
            if (query == null) {
                return;
            }
        } else if (persisted.trustedOnly() && query != null && !persisted.isTrusted(query)) {
            reject(ctx, 400, ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, "Only trusted documents run on this server", null, null);
            return;
        }
        if (query == null || query.isBlank()) {
            reject(ctx, 400, ErrorCode.BAD_REQUEST, "The request has no query", null, null);
            return;
        }
        if (query.length() > limits.maxQueryLength()) {
            reject(ctx, ErrorCode.QUERY_TOO_COMPLEX, "The query has " + query.length() + " characters; at most "
                    + limits.maxQueryLength() + " are allowed", "length", null);
            return;
        }
        Operations operations = checked.get(query);
        if (operations == null) {
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
            operations = Operations.of(document);
            remember(query, operations);
        }
        OperationDefinition.Operation selected = operations.selected(request.operationName);
        if (get && (selected == null ? !operations.queriesOnly() : selected != OperationDefinition.Operation.QUERY)) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            reject(ctx, 405, ErrorCode.BAD_REQUEST, "Mutations and subscriptions are only accepted over POST", null, null);
            return;
        }
        if (selected == OperationDefinition.Operation.SUBSCRIPTION) {
            reject(ctx, 400, ErrorCode.BAD_REQUEST, "Subscriptions are served over WebSocket on " + path
                    + " (graphql-transport-ws), not over HTTP", null, null);
            return;
        }
        request.forward(ctx, query);
        if (selected == OperationDefinition.Operation.MUTATION && compiled.applies(ctx) && mutations.covers(operations.document())
                && passesEngineChecks(query, operations.document(), request.variables == null ? null : request.variables.getMap())
                && mutations.answer(ctx, operations.document(), request.operationName, request.variables, ResponseType.of(ctx))) {
            return;
        }
        if (!operations.queriesOnly() || !compiled.applies(ctx)) {
            ctx.next();
            return;
        }
        Map<String, Object> variables = request.variables == null ? null : request.variables.getMap();
        if (compiled.knows(query, variables)) {
            answerOrPass(ctx, query, request);
            return;
        }
        // Vetting and planning a new document take up to milliseconds of CPU: on a worker, so that the
        // requests queued on this event loop do not wait for someone's new (or hostile) document.
        String text = query;
        Document document = operations.document();
        ctx.vertx().executeBlocking(() -> {
            planOnFirstSight(text, document, variables);
            return null;
        }, false).onComplete(planned -> {
            if (planned.failed()) {
                Log.error("Planning a new document failed; the engine answers it", planned.cause());
            }
            answerOrPass(ctx, text, request);
        });
    }

    /** Answers by the plan when there is one; else the engine answers. */
    private void answerOrPass(RoutingContext ctx, String query, Request request) {
        // Labelled as SmallRye labels its answers (no charset parameter; JSON is UTF-8).
        if (!compiled.answer(ctx, query, request.operationName, request.variables, ResponseType.of(ctx))) {
            ctx.next();
        }
    }

    /**
     * Plans a document the first time it is seen, so that its first request is answered by SQL too:
     * only when it passes what the engine would check first (the cost and inputs of {@link QueryGuard},
     * graphql-java's validation, the variables' types). Whatever fails here is the engine's to answer
     * with its error, and is not remembered: the same document with valid variables plans later.
     * A document the planner does not cover is compiled again on its next requests, until the
     * engine has answered it once without errors.
     */
    private void planOnFirstSight(String query, Document document, Map<String, Object> variables) {
        if (passesEngineChecks(null, document, variables)) {
            compiled.learnVetted(query, document, variables, executableSchema.get());
        }
    }

    /**
     * Whether the request passes what the engine checks before it runs anything. A document's
     * validity does not depend on the variables: with {@code query} given, it is validated once.
     */
    private boolean passesEngineChecks(String query, Document document, Map<String, Object> variables) {
        GraphQLSchema schema = executableSchema.get();
        try {
            QueryCost.check(schema, document, variables, costLimits);
            InputCheck.check(schema, document, variables, inputLimits);
            if (!(query != null && valid.contains(query))) {
                if (!VALIDATOR.validateDocument(schema, document, Locale.ENGLISH).isEmpty()) {
                    return false;
                }
                if (query != null && query.length() <= CHECKED_MAX_LENGTH) {
                    if (valid.size() >= CHECKED_MAX_ENTRIES) {
                        valid.clear();
                    }
                    valid.add(query);
                }
            }
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                        RawVariables.of(variables == null ? Map.of() : variables), GraphQLContext.getDefault(), Locale.ENGLISH);
            }
        } catch (GraphQLException e) {
            return false;
        }
        return true;
    }

    /**
     * Apollo's Automatic Persisted Queries: a hash alone runs the document registered under it (or
     * answers PersistedQueryNotFound, HTTP 200, so that the client sends hash and document); a hash
     * with its document registers it. Null when the request was answered here.
     */
    private String resolvePersisted(RoutingContext ctx, Request request) {
        if (!persisted.enabled()) {
            reject(ctx, 200, ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, "PersistedQueryNotSupported", null, null);
            return null;
        }
        if (request.query == null) {
            String document = persisted.find(request.persistedHash);
            if (document == null) {
                reject(ctx, 200, ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", null, null);
            }
            return document;
        }
        if (!PersistedQueries.sha256(request.query).equals(request.persistedHash)) {
            reject(ctx, 400, ErrorCode.BAD_REQUEST, "provided sha does not match query", null, null);
            return null;
        }
        if (persisted.trustedOnly()) {
            if (persisted.find(request.persistedHash) == null) {
                reject(ctx, 400, ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, "Only trusted documents run on this server", null, null);
                return null;
            }
        } else if (request.query.length() <= limits.maxQueryLength()) {
            persisted.register(request.persistedHash, request.query);
        }
        return request.query;
    }

    /** The named operation of a (checked) document with the fragments it uses, as a document of its own. */
    private static String selectedOperation(String document, String operationName) {
        Document parsed = Parser.parse(document);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        Map<String, Definition<?>> kept = new LinkedHashMap<>();
        parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName.equals(operation.getName()))
                .forEach(operation -> {
                    kept.put("", operation);
                    keepFragments(operation, fragments, kept);
                });
        return AstPrinter.printAst(parsed.transform(builder -> builder.definitions(List.copyOf(kept.values()))));
    }

    private static void keepFragments(Node<?> node, Map<String, FragmentDefinition> fragments, Map<String, Definition<?>> kept) {
        if (node instanceof FragmentSpread spread && fragments.get(spread.getName()) instanceof FragmentDefinition fragment
                && kept.putIfAbsent(fragment.getName(), fragment) == null) {
            keepFragments(fragment, fragments, kept);
        }
        for (Node<?> child : node.getChildren()) {
            keepFragments(child, fragments, kept);
        }
    }

    /** A request the HTTP layer refuses before reading it as GraphQL. */
    private static final class MalformedRequest extends Exception {
        final int status;

        MalformedRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The GraphQL-over-HTTP parameters of one request, type-checked. */
    private static final class Request {
        final String query;
        final String operationName;
        final String persistedHash;
        final JsonObject variables;
        /** The POST body (null for GET), rewritten when the query came from the persisted documents. */
        final JsonObject body;

        private Request(String query, String operationName, JsonObject variables, JsonObject extensions, JsonObject body)
                throws MalformedRequest {
            this.query = query;
            this.operationName = operationName;
            this.variables = variables;
            this.body = body;
            Object persistedQuery = extensions == null ? null : extensions.getValue("persistedQuery");
            if (persistedQuery == null) {
                persistedHash = null;
            } else if (persistedQuery instanceof JsonObject apq && Integer.valueOf(1).equals(apq.getValue("version"))
                    && apq.getValue("sha256Hash") instanceof String hash && !hash.isBlank()) {
                persistedHash = hash.toLowerCase(Locale.ROOT);
            } else {
                throw new MalformedRequest(400, "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": \"...\"}");
            }
        }

        static Request fromBody(RoutingContext ctx) throws MalformedRequest {
            String contentType = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
            if (contentType.startsWith("application/graphql") && !contentType.startsWith(ResponseType.GRAPHQL_RESPONSE_JSON)) {
                return new Request(ctx.body().asString(), null, null, null, null);
            }
            if (!contentType.startsWith("application/json")) {
                throw new MalformedRequest(415, "The request's Content-Type must be application/json");
            }
            Object body;
            try {
                body = Json.decodeValue(ctx.body().buffer());
            } catch (DecodeException | NullPointerException e) {
                throw new MalformedRequest(400, "The request body is not JSON");
            }
            if (body instanceof JsonArray) {
                throw new MalformedRequest(400, "Batched requests (a JSON array) are not supported: send one operation per request");
            }
            if (!(body instanceof JsonObject object)) {
                throw new MalformedRequest(400, "The request body is not a JSON object");
            }
            return new Request(typed(object.getValue("query"), String.class, "query"),
                    typed(object.getValue("operationName"), String.class, "operationName"),
                    typed(object.getValue("variables"), JsonObject.class, "variables"),
                    typed(object.getValue("extensions"), JsonObject.class, "extensions"), object);
        }

        static Request fromQueryParameters(RoutingContext ctx) throws MalformedRequest {
            MultiMap parameters = ctx.queryParams();
            return new Request(parameters.get("query"), parameters.get("operationName"),
                    parseObject(parameters.get("variables"), "variables"),
                    parseObject(parameters.get("extensions"), "extensions"), null);
        }

        private static JsonObject parseObject(String text, String name) throws MalformedRequest {
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                return typed(Json.decodeValue(text), JsonObject.class, name);
            } catch (DecodeException e) {
                throw new MalformedRequest(400, "The " + name + " parameter is not JSON");
            }
        }

        private static <T> T typed(Object value, Class<T> type, String name) throws MalformedRequest {
            if (value == null || type.isInstance(value)) {
                return type.cast(value);
            }
            throw new MalformedRequest(400, "The request's " + name + " must be "
                    + (type == String.class ? "a string" : "a JSON object") + " or null");
        }

        /**
         * Hands the request on to SmallRye with the document that runs: a persisted document is put
         * where SmallRye reads the query. SmallRye URL-decodes GET parameters a second time, so they
         * are handed on encoded once more (a '%' or '+' in a string argument stays what it was).
         */
        void forward(RoutingContext ctx, String document) {
            if (body == null && ctx.request().method() == HttpMethod.GET) {
                MultiMap parameters = ctx.queryParams();
                // SmallRye 2.17 hands GET's query text on as the operationName: send only the selected operation.
                parameters.set("query", operationName == null ? document : selectedOperation(document, operationName));
                parameters.remove("operationName");
                for (String name : List.of("query", "operationName", "variables", "extensions")) {
                    String value = parameters.get(name);
                    if (value != null) {
                        parameters.set(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
            } else if (body != null && !document.equals(query)) {
                body.put("query", document);
                ctx.setBody(body.toBuffer());
            }
        }
    }


    /**
     * With quarkus.http.enable-compression, Quarkus marks every response {@code Content-Encoding: identity}
     * and only its own route kinds lift that; these routes lift it for the compressible media types.
     */
    private void allowCompression(RoutingContext ctx) {
        var headers = ctx.response().headers();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && "identity".equals(headers.get(HttpHeaders.CONTENT_ENCODING))
                && compressMediaTypes.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
    }

    /** Runs just before the headers go out, whoever wrote the response. */
    private static void adjustStatus(RoutingContext ctx, boolean modern) {
        var response = ctx.response();
        if (modern) {
            if (response.getStatusCode() == 200 && Boolean.TRUE.equals(ctx.get(REQUEST_ERROR))) {
                response.setStatusCode(400);
            }
        } else if (String.valueOf(response.headers().get(HttpHeaders.CONTENT_TYPE)).startsWith(ResponseType.GRAPHQL_RESPONSE_JSON)) {
            // SmallRye labels responses to Accept: */* (or none) with the new type; they get legacy semantics.
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
        }
    }

    /** A response without data for a well-formed GraphQL request: 400 when the client accepts graphql-response+json. */
    private static void reject(RoutingContext ctx, ErrorCode code, String message, String limit, SourceLocation location) {
        ctx.put(REQUEST_ERROR, Boolean.TRUE);
        reject(ctx, 200, code, message, limit, location);
    }

    /** A response with this status whatever the client accepts (a malformed request, an APQ answer). */
    private static void reject(RoutingContext ctx, int status, ErrorCode code, String message, String limit,
                               SourceLocation location) {
        JsonObject extensions = new JsonObject().put("code", code.name());
        if (limit != null) {
            extensions.put("limit", limit);
        }
        JsonObject error = new JsonObject().put("message", message);
        if (location != null) {
            error.put("locations", new JsonArray().add(Map.of("line", location.getLine(), "column", location.getColumn())));
        }
        error.put("extensions", extensions);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ResponseType.of(ctx) + "; charset=UTF-8");
        ctx.response().end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
