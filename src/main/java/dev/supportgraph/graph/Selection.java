package dev.supportgraph.graph;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

import java.util.Map;

/** What the client selected on the current field, to skip work nobody asked for. */
public final class Selection {

    private Selection() {
    }

    /**
     * True when the current connection field selects {@code totalCount} (a COUNT(*) otherwise skipped).
     * Reads the field's own selections in the query document: {@code Context.getSelectedFields()}
     * renders the whole selected subtree as JSON, which cost about a tenth of the CPU of the nested
     * customer -> orders -> items query in the benchmark (bench/RESULTS.md).
     */
    public static boolean wantsTotalCount(Context context) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
        return env.getMergedField().getFields().stream()
                .anyMatch(field -> selects(field.getSelectionSet(), "totalCount", fragments));
    }

    private static boolean selects(SelectionSet set, String name, Map<String, FragmentDefinition> fragments) {
        if (set == null) {
            return false;
        }
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            boolean found = switch (selection) {
                case Field field -> field.getName().equals(name);
                case InlineFragment fragment -> selects(fragment.getSelectionSet(), name, fragments);
                case FragmentSpread spread -> fragments.containsKey(spread.getName())
                        && selects(fragments.get(spread.getName()).getSelectionSet(), name, fragments);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }
}
