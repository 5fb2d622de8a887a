package dev.supportgraph.security;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Error responses carry a code and a safe message, never class names, SQL or stack traces. */
@QuarkusTest
class ErrorHygieneTest {

    @Test
    void aNulByteIsAClientErrorNotADatabaseFailure() {
        // PostgreSQL refuses NUL bytes in text: refused before the search reaches the driver.
        String body = GraphQLClient.post(Tokens.agent(),
                        "query($s: String) { customers(first: 1, filter: { search: $s }) { totalCount } }",
                        Map.of("s", "a\u0000b"))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.exception", equalTo(null))
                .extract().asString();
        assertClean(body);
    }

    @Test
    void aMalformedIdIsAClientErrorWithoutInternals() {
        String body = GraphQLClient.post(Tokens.agent(), "{ node(id: \"%%%not-an-id\") { id } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("INVALID_ID"))
                .body("errors[0].extensions.exception", equalTo(null))
                .extract().asString();
        assertClean(body);
    }

    @Test
    void securityErrorsKeepTheirCodeWithoutClassNames() {
        String body = GraphQLClient.post(null, "{ customers(first: 1) { totalCount } }")
                .body("errors[0].extensions.code", equalTo("unauthorized"))
                .extract().asString();
        assertClean(body);
    }

    private static void assertClean(String body) {
        // "DataFetchingException" is the GraphQL error classification, not a Java class name.
        for (String leak : new String[] {"java.", "org.", "io.", "dev.supportgraph", "SQL", "select ", "\"exception\"", "\tat "}) {
            assertThat(body, not(containsString(leak)));
        }
    }
}
