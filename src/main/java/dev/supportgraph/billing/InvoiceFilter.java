package dev.supportgraph.billing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.time.LocalDate;
import java.util.List;

@Input("InvoiceFilter")
@Description("Narrows a list of invoices; all given conditions must hold.")
public record InvoiceFilter(
        List<InvoiceState> state,
        @Id @Description("Only this customer's invoices (a Customer id).") String customerId,
        @Description("Billed on or after this date.") LocalDate billDateFrom,
        @Description("Billed before this date.") LocalDate billDateTo,
        @Description("Case-insensitive substring of the number.") String search) {
}
