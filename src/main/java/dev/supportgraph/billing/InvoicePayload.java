package dev.supportgraph.billing;

import dev.supportgraph.error.UserError;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Name("InvoicePayload")
public record InvoicePayload(InvoiceType invoice, @NonNull List<@NonNull UserError> userErrors) {

    static InvoicePayload ok(InvoiceType invoice) {
        return new InvoicePayload(invoice, List.of());
    }

    static InvoicePayload failed(List<UserError> errors) {
        return new InvoicePayload(null, errors);
    }
}
