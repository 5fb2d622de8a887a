package dev.supportgraph.graph;

import io.smallrye.graphql.api.Context;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** What the client selected on the current field, to skip work nobody asked for. */
public final class Selection {

    private Selection() {
    }

    /** True when the current connection field selects {@code totalCount} (a COUNT(*) otherwise skipped). */
    public static boolean wantsTotalCount(Context context) {
        for (JsonValue field : context.getSelectedFields()) {
            if (field instanceof JsonString name && name.getString().equals("totalCount")) {
                return true;
            }
        }
        return false;
    }
}
