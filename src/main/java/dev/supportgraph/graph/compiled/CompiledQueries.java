package dev.supportgraph.graph.compiled;

import dev.supportgraph.config.SupportGraphConfig;
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

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers the hot read queries without the GraphQL engine: a document the engine has answered
 * once without errors (so it passed validation and the query limits) is compiled by
 * {@link QueryCompiler} into one SQL statement, and later requests with the same text run that
 * statement on the reactive pool and write PostgreSQL's JSON as the response, on the event loop.
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

    /** Plans by document text; empty: learned, but not compilable. Emptied when full (clients send few documents). */
    private final Map<String, Optional<CompiledQuery>> plans = new ConcurrentHashMap<>();

    @Inject
    CompiledQueries(CompiledQueriesConfig config, SupportGraphConfig graph, SecurityConfig security, Pool pool,
                    MeterRegistry registry) {
        this.config = config;
        this.paging = graph.paging();
        this.customerClaim = security.customerClaim();
        this.pool = pool;
        this.answered = Timer.builder("supportgraph.graphql.compiled")
                .description("GraphQL queries answered by one compiled SQL statement (they are not in mp_graphql)")
                .register(registry);
    }

    /**
     * Called when the engine has answered a query document without errors: compiles it for the
     * requests to come. Documents with variables in directives, or fields the catalog lacks, are
     * remembered as not compilable.
     */
    public void learn(String query, Document document, Map<String, Object> variables, GraphQLSchema schema) {
        if (!config.enabled() || query.length() > config.maxDocumentLength() || plans.containsKey(query)) {
            return;
        }
        if (plans.size() >= config.maxDocuments()) {
            plans.clear();
        }
        plans.put(query, QueryCompiler.compile(schema, document, variables, paging.defaultSize(), paging.maxSize()));
    }

    /**
     * Answers the request from its compiled plan, asynchronously; false when there is none or it
     * does not apply to this request, and the engine must answer.
     *
     * @param responseType the response's content type, as the engine would send it
     */
    public boolean answer(RoutingContext ctx, String query, JsonObject body, String responseType) {
        Optional<CompiledQuery> plan = plans.get(query);
        Object variables = body.getValue("variables");
        Object operationName = body.getValue("operationName");
        if (plan == null || plan.isEmpty()
                || (operationName != null && !operationName.equals(plan.get().operationName()))
                || (variables != null && !(variables instanceof JsonObject))
                || !(ctx.user() instanceof QuarkusHttpUser user)) {
            return false;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        // A system of record's reads are scoped per list (reference data only), which the plans'
        // single customer scope cannot express: the engine answers it.
        if (identity.isAnonymous() || identity.hasRole(Role.INTEGRATION)) {
            return false;
        }
        Optional<Tuple> parameters = plan.get().bind((JsonObject) variables,
                Caller.scopeOf(identity, customerClaim));
        if (parameters.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        pool.preparedQuery(plan.get().sql()).execute(parameters.get()).onComplete(result -> {
            if (result.failed()) {
                Log.debugf(result.cause(), "Compiled query failed; the GraphQL engine answers instead");
                ctx.next();
                return;
            }
            answered.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, responseType)
                    .end("{\"data\":" + result.result().iterator().next().getString(0) + "}");
        });
        return true;
    }
}
