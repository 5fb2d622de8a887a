package dev.supportgraph.graph.compiled;

import dev.supportgraph.config.SupportGraphConfig;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's SQL per document, PostGraphile style: each {@code planner-golden/*.graphql} is
 * compiled by {@link QueryCompiler} and its statement compared with the checked-in {@code .sql}
 * next to it, so that a change of the planner or of the catalog it derives shows as a diff of
 * SQL text. Regenerate with {@code -DupdateGolden=true} and review the difference.
 * <p>
 * A Quarkus test although it runs no statement: the catalog is derived from the executed schema's
 * SmallRye resolvers, Hibernate's mapping metamodel and the services' {@code ScopedReads}, which
 * only the started application has.
 */
@QuarkusTest
class PlannerGoldenTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/planner-golden");

    @Inject
    GraphQLSchema schema;

    @Inject
    CompiledQueries compiled;

    @Inject
    SupportGraphConfig config;

    @TestFactory
    Stream<DynamicTest> everyDocumentCompilesToItsGoldenSql() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            documents = files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        }
        assertTrue(documents.size() >= 8, "golden documents in " + DIRECTORY);
        return documents.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> check(path)));
    }

    private void check(Path path) throws IOException {
        Document document = Parser.parse(Files.readString(path));
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ROOT);
        assertEquals(List.of(), errors, path + " is not a valid document");
        Optional<CompiledQuery> plan = QueryCompiler.compile(compiled.catalog(schema), schema, document, placeholders(document),
                config.paging().defaultSize(), config.paging().maxSize());
        assertTrue(plan.isPresent(), path + " is not planned");
        String actual = "-- " + plan.get().parameters().size() + " parameters after $1 (the caller's customer scope)\n"
                + plan.get().sql() + "\n";
        Path golden = Path.of(path.toString().replaceFirst("\\.graphql$", ".sql"));
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(golden, actual);
        }
        assertTrue(Files.exists(golden), golden + " is missing (run with -DupdateGolden=true)");
        assertEquals(Files.readString(golden), actual, "SQL of " + path);
    }

    /**
     * A value for each required variable, which the normalizer insists on: values other than those
     * of {@code @include}/{@code @skip} do not enter the SQL (the plan binds them per request).
     */
    private static Map<String, Object> placeholders(Document document) {
        Map<String, Object> values = new HashMap<>();
        document.getDefinitionsOfType(OperationDefinition.class).forEach(operation ->
                operation.getVariableDefinitions().forEach(variable -> {
                    if (variable.getType() instanceof NonNullType required) {
                        values.put(variable.getName(), required.getType() instanceof ListType ? List.of() : "placeholder");
                    }
                }));
        return values;
    }
}
