package dev.supportgraph.security;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.testing.Fixtures;
import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens that verify but that this service cannot act on are refused like invalid ones: issued
 * for another audience (or none), naming no subject, or carrying none of the known roles.
 */
@QuarkusTest
class TokenClaimsTest {

    private static final String CREATE = "mutation { problemReportCreate(input: { title: \"t\", priority: MEDIUM, "
            + "severity: MINOR }) { problemReport { id } userErrors { code } } }";

    @Inject
    DataSource dataSource;

    @Test
    void aTokenForAnotherAudienceOrNoneIsRejected() {
        assertRejected(Jwt.issuer(Tokens.ISSUER).audience("another-service").upn("agent@supportgraph.dev")
                .groups(Set.of(Role.AGENT)).sign(), "{ customers(first: 1) { totalCount } }");
        assertRejected(Jwt.issuer(Tokens.ISSUER).upn("agent@supportgraph.dev").groups(Set.of(Role.AGENT)).sign(),
                "{ customers(first: 1) { totalCount } }");
    }

    @Test
    void aTokenWithoutSubjectIsRejectedRatherThanFailingTheWrite() {
        assertRejected(Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).groups(Set.of(Role.AGENT)).sign(), CREATE);
    }

    @Test
    void anUnknownRoleSeesNothingEvenWithACustomerClaim() {
        long customer = Fixtures.customer(dataSource, 700);
        String id = GlobalId.encode("Customer", customer);
        String query = "{ customer(id: \"" + id + "\") { name } }";
        GraphQLClient.post(Tokens.customer(customer), query).statusCode(200).body("data.customer.name", equalTo("Lifecycle Test Ltd"));
        assertRejected(Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn("visitor@example.com")
                .groups(Set.of("visitor")).claim("customer_id", String.valueOf(customer)).sign(), query);
    }

    private static void assertRejected(String token, String query) {
        GraphQLClient.post(token, query)
                .statusCode(401)
                .body("data", equalTo(null))
                .body("errors[0].extensions.code", equalTo("unauthorized"));
    }
}
