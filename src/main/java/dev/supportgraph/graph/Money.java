package dev.supportgraph.graph;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in one currency; the amount is a string so no client loses cents to floating point. */
@Name("Money")
@Description("An amount of money in one currency.")
public record Money(
        @NonNull @Description("Decimal amount with two fraction digits, e.g. \"1234.50\".") String amount,
        @NonNull @Description("ISO 4217 currency code, e.g. EUR.") String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
    }
}
