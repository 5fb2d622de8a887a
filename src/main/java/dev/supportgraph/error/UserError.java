package dev.supportgraph.error;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("UserError")
@Description("Why a mutation changed nothing: the input field at fault (if any), a message and a code.")
public record UserError(
        @Description("Path of the input field at fault, e.g. [\"input\", \"title\"]; null when not about one field.")
        List<@NonNull String> field,
        @Description("What is wrong, for people.") @NonNull String message,
        @Description("What is wrong, for programs.") @NonNull ErrorCode code) {

    public static UserError of(ApiException e) {
        return new UserError(e.field().isEmpty() ? null : e.field(), e.getMessage(), e.code());
    }
}
