package dev.supportgraph.graph;

import graphql.language.EnumValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * A mutation a domain answers without the GraphQL engine ({@link PlannedMutations}), as the read
 * planner (graph.compiled) answers queries: one statement on the reactive pool for the change and its payload. It must answer exactly as the engine
 * would or not at all: whatever it does not cover (a selection, a value, a caller, a failure) is
 * the engine's to answer, which then runs the mutation's service as usual.
 */
public interface PlannedMutation {

    /** The root mutation fields this answers, e.g. {@code problemReportTransition}. */
    Set<String> fields();

    /** The GraphQL input type of their {@code input} argument, e.g. {@code TicketTransitionInput}. */
    String inputType();

    /**
     * Runs {@code field} for a caller; null when it does not apply (nothing ran). The future holds
     * the payload as the engine would write it for {@code selection}, or null when the change did
     * not happen (the engine then runs the mutation and reports why).
     */
    Future<JsonObject> run(String field, Input input, SelectionSet selection, SecurityIdentity identity);

    /** A request the planned mutation cannot answer exactly as the engine would: the engine answers it. */
    final class Declined extends RuntimeException {
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * The fields of the {@code input} argument, from the variables (JSON values) or the document
     * (literals), read with GraphQL's input coercion; a value it would refuse throws
     * {@link Declined}, so that the engine reports it.
     */
    record Input(Map<String, Object> values) {

        public Set<String> names() {
            return values.keySet();
        }

        /** An {@code ID}: a string or an integer. */
        public String id(String name) {
            return switch (values.get(name)) {
                case String s -> s;
                case Integer i -> i.toString();
                case StringValue s -> s.getValue();
                case IntValue i -> i.getValue().toString();
                case null, default -> throw Declined.INSTANCE;
            };
        }

        /** An {@code Int}. */
        public int integer(String name) {
            return switch (values.get(name)) {
                case Integer i -> i;
                case IntValue i when i.getValue().bitLength() < Integer.SIZE -> i.getValue().intValue();
                case null, default -> throw Declined.INSTANCE;
            };
        }

        /** The name of an enum value (its constant, checked by the caller). */
        public String enumName(String name) {
            return switch (values.get(name)) {
                case String s -> s;
                case EnumValue e -> e.getName();
                case null, default -> throw Declined.INSTANCE;
            };
        }

        /** A nullable {@code String}. */
        public String string(String name) {
            return switch (values.get(name)) {
                case null -> null;
                case String s -> s;
                case StringValue s -> s.getValue();
                case NullValue n -> null;
                default -> throw Declined.INSTANCE;
            };
        }
    }
}
