package dev.supportgraph.inventory;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("ServiceFilter")
@Description("Narrows a list of services; all given conditions must hold.")
public record ServiceFilter(
        List<ServiceState> state,
        @Id @Description("Only this customer's services (a Customer id).") String customerId,
        @Description("Any of these categories, e.g. FIBRE_ACCESS.") List<String> category,
        @Description("Case-insensitive substring of the name.") String search) {
}
