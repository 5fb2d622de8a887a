package dev.supportgraph.graph;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;

import java.util.Collection;
import java.util.OptionalInt;

/**
 * Estimated cost of a query, computed from the document before anything runs: every field costs 1,
 * and what a list selects is multiplied by the number of elements it may return. The page of a
 * connection ({@code edges}) counts as many elements as its connection's {@code first}/{@code last}
 * asks for (the default page size when neither is given); {@code nodes(ids:)} as many as the ids;
 * other lists {@code assumedListSize}. Nested pages therefore multiply: 100 x 100 x 100.
 * Introspection lists are bounded by the schema, not by data, and are not multiplied.
 */
final class QueryCost implements FieldComplexityCalculator {

    private final int defaultPageSize;
    private final int assumedListSize;

    QueryCost(int defaultPageSize, int assumedListSize) {
        this.defaultPageSize = defaultPageSize;
        this.assumedListSize = assumedListSize;
    }

    @Override
    public int calculate(FieldComplexityEnvironment env, int childCost) {
        long cost = 1 + (long) elements(env) * childCost;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }

    private int elements(FieldComplexityEnvironment env) {
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()));
        if (!list || env.getParentType().getName().startsWith("__")) {
            return 1;
        }
        FieldComplexityEnvironment connection = env.getParentEnvironment();
        OptionalInt page = connection == null ? OptionalInt.empty() : pageSize(connection);
        if (page.isPresent()) {
            return page.getAsInt();
        }
        if (env.getArguments().get("ids") instanceof Collection<?> ids) {
            return Math.max(1, ids.size());
        }
        return assumedListSize;
    }

    /** The page a connection field asks for, or empty when the field is not paged. */
    private OptionalInt pageSize(FieldComplexityEnvironment field) {
        GraphQLFieldDefinition definition = field.getFieldDefinition();
        if (definition.getArgument("first") == null && definition.getArgument("last") == null) {
            return OptionalInt.empty();
        }
        Object first = field.getArguments().get("first");
        Object size = first != null ? first : field.getArguments().get("last");
        return OptionalInt.of(size instanceof Number n ? Math.max(1, n.intValue()) : defaultPageSize);
    }
}
