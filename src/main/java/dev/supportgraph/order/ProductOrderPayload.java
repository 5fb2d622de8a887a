package dev.supportgraph.order;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("ProductOrderPayload")
public record ProductOrderPayload(ProductOrderType productOrder, @NonNull List<@NonNull UserError> userErrors) {

    static ProductOrderPayload failed(List<UserError> errors) {
        return new ProductOrderPayload(null, errors);
    }
}
