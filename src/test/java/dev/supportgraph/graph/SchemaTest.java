package dev.supportgraph.graph;

import dev.supportgraph.testing.GraphQLClient;
import dev.supportgraph.testing.Tokens;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published SDL (src/main/resources/published-schema.graphql) is the contract with clients:
 * this test fails when the served schema drifts from it. After an intended change, regenerate
 * it with {@code ./mvnw test -Dtest=SchemaTest -DupdateSchema=true} and commit
 * the diff, so every schema change is visible in review. The SDL must also stand on its own for
 * schema-first tools: it builds with graphql-java, declares its scalars with {@code @specifiedBy},
 * and describes every type, field, argument, enum value and input field.
 */
@QuarkusTest
class SchemaTest {

    private static final Path PUBLISHED = Path.of("src/main/resources/published-schema.graphql");

    private static String served() {
        return given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    private static GraphQLSchema build(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    @Test
    void servedSchemaMatchesThePublishedOne() throws IOException {
        String served = served();
        if (Boolean.getBoolean("updateSchema")) {
            Files.writeString(PUBLISHED, served);
        }
        assertEquals(Files.readString(PUBLISHED), served,
                "The schema changed: review it and regenerate " + PUBLISHED + " (see SchemaTest)");
    }

    @Test
    void theSdlIsACompleteSchemaWithSpecifiedScalars() {
        GraphQLSchema schema = build(served());
        assertEquals("Query", schema.getQueryType().getName());
        for (String name : List.of("DateTime", "Date")) {
            GraphQLScalarType scalar = (GraphQLScalarType) schema.getType(name);
            assertNotNull(scalar, name + " is declared");
            assertNotNull(scalar.getSpecifiedByUrl(), name + " has @specifiedBy");
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLScalarType scalar && !ScalarInfo.isGraphqlSpecifiedScalar(scalar)) {
                assertNotNull(scalar.getSpecifiedByUrl(), scalar.getName() + " has @specifiedBy");
            }
        }
    }

    @Test
    void everyElementIsDescribed() {
        assertDescribed(build(served()));
    }

    /** Introspection (GraphiQL, Apollo Studio, codegen) reads the executed schema: described as well. */
    @Test
    void introspectionDescribesEveryElement() throws IOException {
        String query;
        try (InputStream in = getClass().getResourceAsStream("/graphiql-introspection.graphql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> data = GraphQLClient.query(Tokens.agent(), query).getMap("data");
        Document document = new IntrospectionResultToSchema().createSchemaDefinition(data);
        assertDescribed(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document)));
    }

    private static void assertDescribed(GraphQLSchema schema) {
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (Introspection.isIntrospectionTypes(type)
                    || (type instanceof GraphQLScalarType scalar && ScalarInfo.isGraphqlSpecifiedScalar(scalar))) {
                continue;
            }
            check(undescribed, type.getName(), type.getDescription());
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String path = type.getName() + "." + field.getName();
                    check(undescribed, path, field.getDescription());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check(undescribed, path + "(" + argument.getName() + ":)", argument.getDescription());
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(undescribed, type.getName() + "." + field.getName(), field.getDescription());
                }
            } else if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(undescribed, type.getName() + "." + value.getName(), value.getDescription());
                }
            }
        }
        assertEquals(List.of(), undescribed, "Schema elements without a description: add a @Description");
    }

    private static void check(List<String> undescribed, String path, String description) {
        if (description == null || description.isBlank()) {
            undescribed.add(path);
        }
    }

    /** Every global id a client sends or reads is an {@code ID} (Relay, typed clients); ids of other systems are strings. */
    @Test
    void globalIdsAreIds() {
        List<String> wrong = new ArrayList<>();
        for (GraphQLNamedType type : build(served()).getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String path = type.getName() + "." + field.getName();
                    checkId(wrong, path, field.getName(), field.getType());
                    for (GraphQLArgument argument : field.getArguments()) {
                        checkId(wrong, path + "(" + argument.getName() + ":)", argument.getName(), argument.getType());
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    checkId(wrong, type.getName() + "." + field.getName(), field.getName(), field.getType());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void checkId(List<String> wrong, String path, String name, GraphQLType type) {
        boolean globalId = (name.equals("id") || name.equals("ids") || name.endsWith("Id") || name.endsWith("Ids"))
                && !name.toLowerCase(Locale.ROOT).contains("external");
        if (globalId && !GraphQLTypeUtil.unwrapAll(type).getName().equals("ID")) {
            wrong.add(path + " is a global id but typed " + GraphQLTypeUtil.simplePrint(type));
        }
    }

    @Test
    void deferIsNotAdvertised() {
        given().contentType("application/json").body("{\"query\": \"{ __schema { directives { name } } }\"}")
                .post("/graphql").then().statusCode(200)
                .body("data.__schema.directives.name", hasItem("skip"))
                .body("data.__schema.directives.name", not(hasItem("defer")));
        assertTrue(!served().contains("@defer"), "the SDL does not declare @defer");
    }
}
