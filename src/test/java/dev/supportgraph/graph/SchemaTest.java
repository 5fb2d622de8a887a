package dev.supportgraph.graph;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The published SDL (src/main/resources/published-schema.graphql) is the contract with clients:
 * this test fails when the served schema drifts from it. After an intended change, regenerate
 * it with {@code ./mvnw test -Dtest=SchemaTest -DupdateSchema=true} and commit
 * the diff, so every schema change is visible in review.
 */
@QuarkusTest
class SchemaTest {

    private static final Path PUBLISHED = Path.of("src/main/resources/published-schema.graphql");

    @Test
    void servedSchemaMatchesThePublishedOne() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("updateSchema")) {
            Files.writeString(PUBLISHED, served);
        }
        assertEquals(Files.readString(PUBLISHED), served,
                "The schema changed: review it and regenerate " + PUBLISHED + " (see SchemaTest)");
    }
}
