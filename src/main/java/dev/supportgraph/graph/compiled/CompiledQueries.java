package dev.supportgraph.graph.compiled;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.QueryLimits;
import dev.supportgraph.graph.QueryRefused;
import dev.supportgraph.graph.RequestDeadline;
import io.vertx.core.json.JsonArray;
import io.vertx.pgclient.PgException;
import dev.supportgraph.observability.OperationSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.security.SecurityConfig;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers read queries without the GraphQL engine: a document is compiled by {@link QueryCompiler}
 * into one SQL statement when it is first seen and passes the engine's checks (the HTTP filter
 * vets it), or else once the engine has answered it without errors (so it passed validation and
 * the query limits); its requests run that statement on the reactive pool and write PostgreSQL's
 * JSON as the response, on the event loop.
 * <p>
 * Whatever the plan cannot answer exactly as the engine would (no plan, an anonymous caller, a
 * variable that is not of the expected type, another operationName, a database failure) goes to
 * the engine, which gives the usual answer or error. The customer scope comes from the same rule as the services'
 * ({@link Caller#scopeOf}).
 */
@ApplicationScoped
public class CompiledQueries {

    private final CompiledQueriesConfig config;
    private final SupportGraphConfig.Paging paging;
    private final String customerClaim;
    private final Pool pool;
    private final Timer answered;
    private final Duration timeout;

    private final OperationSpans spans;

    /**
     * Plans by document text and the values of its plan variables ({@code @include}/{@code @skip}, {@code orderBy}); empty:
     * learned, but not planned. Emptied when full (clients send few documents).
     */
    private final Map<String, Plans> plans = new ConcurrentHashMap<>();

    private final EntityManagerFactory entities;

    /** The catalog, derived from the schema the engine runs (once; again if the schema changes). */
    private volatile Catalog catalog;
    private volatile GraphQLSchema catalogSchema;

    /** The plans of one document: one per value of the variables its statement's text depends on. */
    private record Plans(List<String> planVariables, Map<List<Object>, Optional<CompiledQuery>> byValues) {

        List<Object> key(Map<String, ?> variables) {
            List<Object> key = new ArrayList<>(planVariables.size());
            planVariables.forEach(name -> key.add(variables == null ? null : canonical(variables.get(name))));
            return key;
        }

        /** An input object as the same key whichever way it was decoded (JSON object or map, any field order). */
        private static Object canonical(Object value) {
            if (value instanceof JsonObject object) {
                return canonical(object.getMap());
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((name, field) -> sorted.put(String.valueOf(name), canonical(field)));
                return sorted;
            }
            return value;
        }
    }

    @Inject
    CompiledQueries(CompiledQueriesConfig config, SupportGraphConfig graph, SecurityConfig security, Pool pool,
                    MeterRegistry registry, EntityManagerFactory entities, QueryLimits limits, OperationSpans spans) {
        this.config = config;
        this.timeout = limits.timeout();
        this.spans = spans;
        this.entities = entities;
        this.paging = graph.paging();
        this.customerClaim = security.customerClaim();
        this.pool = pool;
        this.answered = Timer.builder("supportgraph.graphql.compiled")
                .description("GraphQL queries answered by one compiled SQL statement (they are not in mp_graphql)")
                .register(registry);
    }

    /**
     * Called when the engine has answered a query document without errors (so it is valid and
     * within the query limits): plans it for the requests to come. Documents the catalog does not
     * cover are remembered as not planned.
     */
    public void learn(String query, Document document, Map<String, Object> variables, GraphQLSchema schema) {
        plan(query, document, variables, schema, true);
    }

    /**
     * Plans a document on first sight, vetted by the HTTP filter as the engine would check it. A
     * document that does not plan is not remembered here: a value the vetting let through may still
     * fail in the engine, and only the engine's errorless answer marks a document as not planned.
     */
    public void learnVetted(String query, Document document, Map<String, Object> variables, GraphQLSchema schema) {
        plan(query, document, variables, schema, false);
    }

    private void plan(String query, Document document, Map<String, Object> variables, GraphQLSchema schema,
                      boolean rememberUnplanned) {
        if (!config.enabled() || query.length() > config.maxDocumentLength() || knows(query, variables)) {
            return;
        }
        Optional<CompiledQuery> plan = QueryCompiler.compile(catalog(schema), schema, document, variables,
                paging.defaultSize(), paging.maxSize());
        if (plan.isEmpty() && !rememberUnplanned) {
            return;
        }
        if (plans.size() >= config.maxDocuments()) {
            plans.clear();
        }
        Plans forDocument = plans.computeIfAbsent(query, q -> new Plans(
                List.copyOf(QueryCompiler.planVariables(document)), new ConcurrentHashMap<>()));
        forDocument.byValues().put(forDocument.key(variables), plan);
    }

    /** The catalog of {@code schema}, derived on first use. */
    Catalog catalog(GraphQLSchema schema) {
        if (catalogSchema != schema) {
            // The planner reads each entity's ScopedReads, which exist once their service does.
            Arc.container().select(NodeLoader.class).forEach(NodeLoader::nodeTypes);
            catalog = CatalogDeriver.derive(schema,
                    entities.unwrap(SessionFactoryImplementor.class).getMappingMetamodel());
            catalogSchema = schema;
        }
        return catalog;
    }

    /** The request header that asks for the engine's answer when {@link CompiledQueriesConfig#referenceHeader()} allows it. */
    public static final String REFERENCE_HEADER = "SupportGraph-Engine";

    /** Whether this request may be answered by a plan (false when it asks for the engine as the reference). */
    public boolean applies(RoutingContext ctx) {
        return config.enabled() && !(config.referenceHeader() && "reference".equals(ctx.request().getHeader(REFERENCE_HEADER)));
    }

    /** Whether {@code query} was planned (or found not to plan) for these values of its plan variables. */
    public boolean knows(String query, Map<String, Object> variables) {
        Plans known = plans.get(query);
        return known != null && known.byValues().containsKey(known.key(variables));
    }

    /**
     * Answers the request from its compiled plan, asynchronously; false when there is none or it
     * does not apply to this request, and the engine must answer.
     *
     * @param responseType the response's content type, as the engine would send it
     */
    public boolean answer(RoutingContext ctx, String query, String operationName, JsonObject variables,
                          String responseType) {
        Plans known = plans.get(query);
        Optional<CompiledQuery> plan = known == null ? null
                : known.byValues().get(known.key(variables == null ? null : variables.getMap()));
        if (plan == null || plan.isEmpty()
                || (operationName != null && !operationName.equals(plan.get().operationName()))
                || !(ctx.user() instanceof QuarkusHttpUser user)) {
            return false;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        // A system of record's reads are scoped per list (reference data only), which the plans'
        // single customer scope cannot express: the engine answers it.
        if (identity.isAnonymous() || identity.hasRole(Role.INTEGRATION)) {
            return false;
        }
        Optional<Tuple> parameters = plan.get().bind(variables,
                Caller.scopeOf(identity, customerClaim));
        if (parameters.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        // The operation's span, current (in the request's Vert.x context) until the statement has
        // answered: the reactive client opens its SQL span once it has a connection, below it, and
        // log lines meanwhile carry its trace id.
        Span span = spans.planned(plan.get().operationName());
        Scope scope = OperationSpans.makeCurrent(span);
        pool.preparedQuery(plan.get().sql()).execute(parameters.get()).onComplete(result -> {
            scope.close();
            if (result.failed() && result.cause() instanceof PgException pg && RequestDeadline.QUERY_CANCELED.equals(pg.getSqlState())) {
                // Cut off at the request timeout (the pool's statement_timeout): the engine would only run as long again.
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType).end(new JsonObject()
                        .put("errors", new JsonArray().add(QueryRefused.timedOut(timeout).toSpecification()))
                        .putNull("data").encode());
                span.setStatus(StatusCode.ERROR, "timeout").end();
                return;
            }
            if (result.failed()) {
                Log.debugf(result.cause(), "Compiled query failed; the GraphQL engine answers instead");
                span.recordException(result.cause()).setStatus(StatusCode.ERROR).end();
                ctx.next();
                return;
            }
            answered.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType)
                    .end("{\"data\":" + result.result().iterator().next().getString(0) + "}");
            span.end();
        });
        return true;
    }
}
