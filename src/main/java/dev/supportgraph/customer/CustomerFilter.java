package dev.supportgraph.customer;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.OffsetDateTime;
import java.util.List;

@Input("CustomerFilter")
@Description("Narrows the customers list; all given conditions must hold.")
public record CustomerFilter(
        List<CustomerStatus> status,
        List<CustomerSegment> segment,
        @Description("Case-insensitive substring of the name or account number.") String search,
        @Description("Created at or after this time.") OffsetDateTime createdFrom,
        @Description("Created before this time.") OffsetDateTime createdTo) {
}
