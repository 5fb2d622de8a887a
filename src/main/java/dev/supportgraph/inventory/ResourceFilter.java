package dev.supportgraph.inventory;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("ResourceFilter")
@Description("Narrows a list of resources; all given conditions must hold.")
public record ResourceFilter(
        @Description("Any of these categories, e.g. OLT or ROUTER.") List<String> category,
        List<OperationalState> operationalState,
        @Description("Case-insensitive substring of the name or location.") String search) {
}
