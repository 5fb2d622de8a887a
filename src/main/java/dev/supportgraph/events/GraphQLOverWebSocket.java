package dev.supportgraph.events;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import dev.supportgraph.observability.OperationSpans;
import dev.supportgraph.security.TokenCache;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.impl.ContextInternal;
import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.smallrye.graphql.JsonProviderHolder.JSON_PROVIDER;

/**
 * GraphQL over WebSocket on /graphql: the graphql-transport-ws protocol, and the legacy graphql-ws
 * (subscriptions-transport-ws) one, in front of SmallRye's own handler, which keeps per socket the
 * upgrade request, copies of its headers, a keep-alive stream and an expiry timer with their
 * context captures. Here a socket keeps its identity (without the upgrade request), one request
 * context for its operations and its open operations; keep-alive pings, the connection_init
 * timeout and the end of the token's validity are served for all sockets by one timer. Every
 * operation is executed by SmallRye's engine as over HTTP (the same limits, authorization and
 * errors); an event rendered once for many subscribers is also turned into text once
 * ({@link RenderedEvent}).
 */
@ApplicationScoped
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
public class GraphQLOverWebSocket {

    private static final Logger LOG = Logger.getLogger(GraphQLOverWebSocket.class);

    /**
     * Before SmallRye's WebSocket handler (order -99), after Quarkus' authentication (-200) and with
     * its authorization filter (-100): of routes with the same order, the extensions' were added
     * first and run first.
     */
    private static final int ORDER = -SecurityHandlerPriorities.AUTHORIZATION;
    /** A close frame's reason holds at most this many bytes (UTF-8). */
    private static final int MAX_REASON_BYTES = 123;
    /** The attribute OIDC sets on an identity: when its token expires (epoch seconds). */
    private static final String EXPIRE_TIME = "quarkus.identity.expire-time";
    /**
     * Quarkus counts a request as in flight until its response ends, which an upgraded one never
     * does: a graceful shutdown would wait its whole timeout once any WebSocket had been opened.
     * Its request-done signal is package-private, hence the reflection (checked at start).
     */
    private static final Method REQUEST_DONE = requestDone();
    /** Context-local key: the subscribing socket's channel (EventDispatcher holds events back while it is full). */
    static final String CHANNEL = GraphQLOverWebSocket.class.getName() + ".channel";

    @Inject
    Vertx vertx;

    @Inject
    EventsConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    OperationSpans operationSpans;

    @Inject
    TokenCache tokens;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path")
    String path;

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private ExecutionService executionService;
    private long sweeper = -1;

    void register(@Observes Router router) {
        router.route(path).order(ORDER).handler(this::upgrade);
        long sweep = config.webSocket().sweepInterval().toMillis();
        sweeper = vertx.setPeriodic(sweep, sweep, id -> sweep());
    }

    /** The sockets themselves are closed (1000) by the HTTP server as it stops, before this event. */
    void stop(@Observes ShutdownEvent event) {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    private static Method requestDone() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot reach QuarkusRequestWrapper.done() (Quarkus upgraded?): "
                    + "GraphQLOverWebSocket needs to be checked", e);
        }
    }

    /** The upgrade request is over for Quarkus's request accounting (graceful shutdown, see REQUEST_DONE). */
    private static void requestDone(RoutingContext ctx) {
        try {
            REQUEST_DONE.invoke(QuarkusRequestWrapper.get(ctx.request()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("QuarkusRequestWrapper.done() failed", e);
        }
    }

    private ExecutionService executionService() {
        if (executionService == null) {
            executionService = Arc.container().instance(ExecutionService.class).get();
        }
        return executionService;
    }

    private void upgrade(RoutingContext ctx) {
        if (!ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true) || ctx.request().isEnded()) {
            ctx.next();
            return;
        }
        // Proactive authentication has checked an Authorization header already (a bad one never gets here).
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        ctx.request().toWebSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                LOG.debugf("WebSocket upgrade failed: %s", upgraded.cause().getMessage());
                return;
            }
            requestDone(ctx);
            ServerWebSocket socket = upgraded.result();
            Protocol protocol = Protocol.of(socket.subProtocol());
            if (protocol == null) {
                socket.close((short) 1002, "Unsupported subprotocol: " + socket.subProtocol());
                return;
            }
            // Vert.x keeps the upgrade request, and so its headers, for the socket's life: a few hundred
            // bytes per idle subscription that nothing reads once the socket is open.
            ctx.request().headers().clear();
            Connection connection = new Connection(socket, protocol, ctx, identity == null ? null : tokens.toKeep(identity));
            if (connection.channel != null && connection.channel.pipeline().get(IdleStateHandler.class) != null) {
                // The HTTP idle timeout cannot fire on a socket that the keep-alive writes to every few
                // seconds: its handler and timer would only take memory for the socket's life.
                connection.channel.pipeline().remove(IdleStateHandler.class);
            }
            connections.add(connection);
            socket.closeHandler(v -> connection.closed());
            socket.exceptionHandler(failure -> LOG.debugf("WebSocket failed: %s", failure.getMessage()));
            socket.textMessageHandler(text -> connection.context.dispatch(text, connection::onMessage));
            socket.binaryMessageHandler(binary -> connection.close((short) 4400, "Binary messages are not supported"));
        });
    }

    /**
     * Keep-alives, connection_init timeouts and expired tokens, for all sockets at once. A socket is
     * pinged once it has been silent for the keep-alive interval: a fan-out that writes to all of
     * them anyway is not followed by thousands of pings.
     */
    private void sweep() {
        long now = System.currentTimeMillis();
        long keepAliveDue = now - config.webSocket().keepAlive().toMillis();
        long initDeadline = now - config.webSocket().connectionInitTimeout().toMillis();
        for (Connection connection : connections) {
            if (!connection.initialised && connection.openedAt < initDeadline) {
                connection.close((short) 4408, "Connection initialisation timeout");
            } else if (connection.expiresAt != 0 && now >= connection.expiresAt) {
                // 4403, not 1008 or 4401: graphql-ws clients retry it, with a fresh token from their
                // connectionParams, and resume with after: (docs/subscriptions.md).
                connection.close((short) 4403, "Authentication expired");
            } else if (connection.lastKeptAlive() <= keepAliveDue) {
                connection.keepAlive(now);
            }
        }
    }

    /** The two protocols' message names and codes. */
    enum Protocol {
        TRANSPORT_WS("graphql-transport-ws", "subscribe", "complete", "next", "{\"type\":\"ping\"}", true, (short) 4401, "Unauthorized"),
        LEGACY_WS("graphql-ws", "start", "stop", "data", "{\"type\":\"ka\"}", false, (short) 4429, "Connection not initialized");

        final String name;
        final String start;
        final String stop;
        final String next;
        final String ping;
        /**
         * Whether any message keeps the socket alive: a graphql-transport-ws socket that was just
         * written to needs no ping, while graphql-ws clients time out without their "ka" messages.
         */
        final boolean anyMessageKeepsAlive;
        final short notInitialised;
        final String notInitialisedReason;

        Protocol(String name, String start, String stop, String next, String ping, boolean anyMessageKeepsAlive,
                 short notInitialised, String notInitialisedReason) {
            this.name = name;
            this.start = start;
            this.stop = stop;
            this.next = next;
            this.ping = ping;
            this.anyMessageKeepsAlive = anyMessageKeepsAlive;
            this.notInitialised = notInitialised;
            this.notInitialisedReason = notInitialisedReason;
        }

        static Protocol of(String name) {
            for (Protocol protocol : values()) {
                if (protocol.name.equals(name)) {
                    return protocol;
                }
            }
            return null;
        }

        /** An error message: graphql-transport-ws carries the errors, graphql-ws only the first. */
        String error(String id, JsonObject result) {
            JsonValue errors = result.getJsonArray("errors");
            JsonValue payload = this == TRANSPORT_WS ? errors : result.getJsonArray("errors").get(0);
            return "{\"id\":" + quoted(id) + ",\"type\":\"error\",\"payload\":" + payload + "}";
        }
    }

    /** The text as a JSON string; ids are mostly plain ASCII (a counter, a UUID), which need no escaping. */
    private static String quoted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                return JSON_PROVIDER.createValue(text).toString();
            }
        }
        return '"' + text + '"';
    }

    /** One socket. Its messages and its operations' results are handled on its own (duplicated) context. */
    private final class Connection {

        final ServerWebSocket socket;
        final Protocol protocol;
        final ContextInternal context;
        final Channel channel;
        final long openedAt = System.currentTimeMillis();
        /** When a message was last written (epoch ms; written on the socket's event loop, read by the sweep). */
        volatile long lastSent = openedAt;
        /** When the last keep-alive was sent (epoch ms; touched only by the sweep). */
        long lastKeepAlive = openedAt;
        /** Until connection_init is handled: the upgrade request, to authenticate its payload as a header. */
        RoutingContext upgrade;
        SecurityIdentity identity;
        volatile boolean initialised;
        /** When the identity's token expires (epoch ms), 0 for never. */
        volatile long expiresAt;
        final Map<String, Operation> operations = new ConcurrentHashMap<>(2);

        Connection(ServerWebSocket socket, Protocol protocol, RoutingContext upgrade, SecurityIdentity identity) {
            this.socket = socket;
            this.protocol = protocol;
            this.upgrade = upgrade;
            this.identity = identity;
            this.context = (ContextInternal) Vertx.currentContext();
            this.channel = upgrade.request().connection() instanceof ConnectionBase connection ? connection.channel() : null;
        }

        void onMessage(String text) {
            JsonObject message;
            String type;
            try {
                message = JSON_PROVIDER.createReader(new StringReader(text)).readObject();
                type = message.getString("type");
            } catch (JsonException | ClassCastException | NullPointerException e) {
                close((short) 4400, "Invalid message: a JSON object with a type is expected");
                return;
            }
            if (type.equals("connection_init")) {
                init(message);
            } else if (type.equals(protocol.start)) {
                start(message);
            } else if (type.equals(protocol.stop)) {
                String id = id(message);
                Operation operation = id == null ? null : operations.remove(id);
                if (operation != null) {
                    operation.cancel();
                }
            } else if (type.equals("ping") && protocol == Protocol.TRANSPORT_WS) {
                send("{\"type\":\"pong\"}");
            } else if (type.equals("connection_terminate") && protocol == Protocol.LEGACY_WS) {
                close((short) 1000, "");
            } else if (!type.equals("pong")) {
                close((short) 4400, "Unknown message type: " + type);
            }
        }

        private void init(JsonObject message) {
            if (upgrade == null) {
                close((short) 4429, "Too many initialisation requests");
                return;
            }
            RoutingContext ctx = upgrade;
            upgrade = null;
            JsonValue payload = message.get("payload");
            JsonValue authorization = payload instanceof JsonObject object ? object.get(config.webSocket().initPayloadAuthorization()) : null;
            if (!(authorization instanceof JsonString header)) {
                acknowledge();
                return;
            }
            if (identity != null && !identity.isAnonymous()) {
                close((short) 4400, "Authorization specified in multiple locations");
                return;
            }
            // The payload's token is checked as an Authorization header would be (OIDC, the token cache).
            ctx.request().headers().set(HttpHeaders.AUTHORIZATION, header.getString());
            HttpAuthenticator authenticator = ctx.get(HttpAuthenticator.class.getName());
            authenticator.attemptAuthentication(ctx)
                    .eventually(() -> ctx.request().headers().remove(HttpHeaders.AUTHORIZATION)) // kept by Vert.x, as above
                    .subscribe().with(
                            authenticated -> context.runOnContext(v -> {
                                if (authenticated == null) {
                                    close((short) 4403, "Forbidden");
                                } else {
                                    identity = tokens.toKeep(authenticated);
                                    acknowledge();
                                }
                            }),
                            failure -> context.runOnContext(v -> close((short) 4403, "Forbidden")));
        }

        private void acknowledge() {
            SecurityIdentity caller = identity != null ? identity : QuarkusSecurityIdentity.builder().setAnonymous(true).build();
            identity = caller;
            Long expiry = caller.getAttribute(EXPIRE_TIME);
            expiresAt = expiry == null ? 0 : expiry * 1000;
            initialised = true;
            send("{\"type\":\"connection_ack\"}");
        }

        private String id(JsonObject message) {
            JsonValue id = message.get("id");
            if (id instanceof JsonString string && !string.getString().isEmpty()) {
                return string.getString();
            }
            close((short) 4400, "Invalid message: an operation needs an id");
            return null;
        }

        private void start(JsonObject message) {
            if (!initialised) {
                close(protocol.notInitialised, protocol.notInitialisedReason);
                return;
            }
            String id = id(message);
            if (id == null) {
                return;
            }
            JsonValue payload = message.get("payload");
            if (!(payload instanceof JsonObject request) || !(request.get("query") instanceof JsonString)) {
                close((short) 4400, "Invalid message: the payload needs a query");
                return;
            }
            if (operations.size() >= config.webSocket().maxOperations()) {
                sendError(id, "At most " + config.webSocket().maxOperations() + " operations may run on one socket",
                        "TOO_MANY_OPERATIONS");
                return;
            }
            if (operations.containsKey(id)) {
                close((short) 4409, "Subscriber for " + id + " already exists");
                return;
            }
            // Each operation runs in a request context and on a Vert.x context of its own, both left
            // behind with its first answer: a subscription's events are handed over on the socket's
            // event loop and rendered in request contexts of their own (SharedEventRendering).
            ContextInternal operationContext = context.duplicate();
            if (channel != null) {
                operationContext.putLocal(CHANNEL, channel);
            }
            operationContext.dispatch(v -> execute(id, request, operationContext));
        }

        private void execute(String id, JsonObject request, ContextInternal operationContext) {
            ManagedContext requests = Arc.container().requestContext();
            requests.activate();
            // No HTTP span around it: the operation's own span is the trace's root, current in the
            // operation's Vert.x context until the first answer (the engine's span and the SQL of
            // the resolvers, on worker threads of that context, are below it).
            Span span = operationSpans.overWebSocket(request.getString("query"),
                    request.get("operationName") instanceof JsonString name ? name.getString() : null);
            Scope scope = OperationSpans.makeCurrent(span);
            try {
                identities.setIdentity(identity);
                Operation operation = new Operation(this, id, requests.getState(), operationContext, span, scope);
                operations.put(id, operation);
                Map<String, Object> metaData = new HashMap<>();
                metaData.put("runBlocking", false);
                metaData.put(SharedEventRendering.REQUEST_STATE, operation.requestState);
                executionService().executeAsync(request, metaData, operation);
            } finally {
                requests.deactivate();
                // SmallRye leaves the execution's context on the thread, where the next execution's
                // context captures would find it (and keep it, with everything it references).
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        }

        void send(String text) {
            if (!socket.isClosed()) {
                lastSent = System.currentTimeMillis();
                socket.writeTextMessage(text);
            }
        }

        long lastKeptAlive() {
            return protocol.anyMessageKeepsAlive ? lastSent : lastKeepAlive;
        }

        void keepAlive(long now) {
            lastKeepAlive = now;
            send(protocol.ping);
        }

        void sendError(String id, String message, String code) {
            ExecutionResult failed = ExecutionResultImpl.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message(message).extensions(Map.of("code", code)).build()).build();
            send(protocol.error(id, new ExecutionResponse(failed).getExecutionResultAsJsonObject()));
        }

        /** Closes with a reason cut to what a close frame holds (123 bytes; it may quote the client's input). */
        void close(short code, String reason) {
            if (!socket.isClosed()) {
                String cut = reason.length() > MAX_REASON_BYTES ? reason.substring(0, MAX_REASON_BYTES) : reason;
                while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
                    cut = cut.substring(0, cut.length() - 1);
                }
                socket.close(code, cut);
            }
        }

        /** The socket is gone: its operations end and its request context is destroyed. */
        void closed() {
            connections.remove(this);
            operations.values().forEach(Operation::cancel);
            operations.clear();
            upgrade = null;
        }
    }

    /** One operation of a socket: its single result, or its stream of events, written as messages. */
    private static final class Operation implements ExecutionResponseWriter, Subscriber<ExecutionResult> {

        private final Connection connection;
        private final String id;
        /** The request context of the execution, until its first answer. */
        private volatile InjectableContext.ContextState requestState;
        /** The Vert.x context of the execution, until its first answer. */
        private volatile ContextInternal executionContext;
        private volatile Subscription events;
        private volatile boolean cancelled;
        /** The operation's span and its scope, until its first answer. */
        private volatile Span span;
        private volatile Scope scope;

        Operation(Connection connection, String id, InjectableContext.ContextState requestState, ContextInternal executionContext,
                  Span span, Scope scope) {
            this.connection = connection;
            this.id = id;
            this.requestState = requestState;
            this.executionContext = executionContext;
            this.span = span;
            this.scope = scope;
        }

        // --- the execution's first answer ------------------------------------------------------

        /** The execution has answered: its request context ends (after the call that answered). */
        void answered() {
            InjectableContext.ContextState state = requestState;
            ContextInternal context = executionContext;
            Span started = span;
            Scope current = scope;
            requestState = null;
            executionContext = null;
            span = null;
            scope = null;
            if (started != null) {
                current.close();
                started.end();
            }
            if (state != null) {
                context.runOnContext(v -> Arc.container().requestContext().destroy(state));
            }
        }

        @Override
        public void write(ExecutionResponse response) {
            answered();
            ExecutionResult result = response.getExecutionResult();
            Object data = result.isDataPresent() ? result.getData() : null;
            if (data instanceof Publisher<?> stream) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) stream;
                results.subscribe(this);
            } else if (data instanceof Map<?, ?>) {
                // A query or mutation: its result, then complete, unless the client stopped it meanwhile.
                if (connection.operations.remove(id, this)) {
                    connection.send(result(response.getExecutionResultAsJsonObject()));
                    connection.send(complete());
                }
            } else {
                // Validation errors, or a subscription whose resolver failed.
                connection.operations.remove(id, this);
                connection.send(connection.protocol.error(id, response.getExecutionResultAsJsonObject()));
            }
        }

        @Override
        public void fail(Throwable failure) {
            answered();
            LOG.warn("Cannot execute a GraphQL operation over WebSocket", failure);
            connection.operations.remove(id, this);
            connection.sendError(id, "Internal server error", "INTERNAL");
        }

        // --- a subscription's events -------------------------------------------------------------

        @Override
        public void onSubscribe(Subscription subscription) {
            events = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(ExecutionResult result) {
            if (cancelled) {
                return;
            }
            connection.send(result(RenderedEvent.payloadOf(result)));
            events.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            // The fetcher turns the stream's failures into its last result; anything else is a bug.
            LOG.warn("A subscription's stream failed", failure);
            if (connection.operations.remove(id, this)) {
                connection.sendError(id, "Internal server error", "INTERNAL");
            }
        }

        @Override
        public void onComplete() {
            if (connection.operations.remove(id, this)) {
                connection.send(complete());
            }
        }

        void cancel() {
            cancelled = true;
            Subscription subscription = events;
            if (subscription != null) {
                subscription.cancel();
            }
        }

        /**
         * A result message. Built per message rather than kept per operation: an idle subscription
         * would keep about 100 bytes for it.
         */
        private String result(Object payload) {
            return "{\"id\":" + quoted(id) + ",\"type\":\"" + connection.protocol.next + "\",\"payload\":" + payload + "}";
        }

        private String complete() {
            return "{\"id\":" + quoted(id) + ",\"type\":\"complete\"}";
        }
    }
}
