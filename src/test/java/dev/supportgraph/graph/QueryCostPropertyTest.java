package dev.supportgraph.graph;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.validation.Validator;
import net.jqwik.api.Tag;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost model against generated hostile documents (no Quarkus): it always finishes in bounded
 * time without expanding anything, gives the same verdict twice, and what it accepts really is
 * small: expanding an accepted document naively yields no more fields than its cost, no deeper
 * than the limit, and graphql-java validates it quickly.
 */
@Tag("pure")
class QueryCostPropertyTest {

    private static final Set<String> CODES = Set.of("QUERY_TOO_COMPLEX", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT");
    private static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions()
            .transform(options -> options.maxTokens(5000));

    @Property(tries = 200, seed = "18")
    void hostileDocumentsAreCostedQuicklyAndAcceptedOnlyWhenSmall(@ForAll long seed) {
        HostileDocuments.Hostile hostile = HostileDocuments.generate(PublishedSdl.get(), new Random(seed));
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(hostile.query()).parserOptions(PARSER).build());
        } catch (InvalidSyntaxException tooLong) {
            return; // beyond the token limit (ParseCancelledException): refused before any analysis
        }
        long start = System.nanoTime();
        String verdict = verdict(document, hostile.variables());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 200, () -> "analysed in " + millis + " ms: " + hostile.shape());
        assertEquals(verdict, verdict(document, hostile.variables()), "the same verdict twice");
        Statistics.collect(verdict);
        if (!verdict.equals("accepted")) {
            assertTrue(CODES.contains(verdict), verdict);
            return;
        }
        QueryCost.Estimate estimate = QueryCost.estimate(PublishedSdl.get(), document, hostile.variables(), QueryCostTest.LIMITS);
        Map<String, FragmentDefinition> fragments = document.getDefinitions().stream()
                .filter(d -> d instanceof FragmentDefinition).map(d -> (FragmentDefinition) d)
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
        long[] expanded = {0, 0};
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                expand(operation.getSelectionSet(), fragments, 0, expanded);
            }
        }
        assertTrue(expanded[0] <= estimate.cost(), () -> expanded[0] + " fields expanded, cost " + estimate + ": " + hostile.shape());
        assertTrue(expanded[1] <= QueryCostTest.LIMITS.maxDepth(), () -> "depth " + expanded[1] + ": " + hostile.shape());
        long validation = System.nanoTime();
        new Validator().validateDocument(PublishedSdl.get(), document, Locale.ROOT);
        long validationMillis = (System.nanoTime() - validation) / 1_000_000;
        assertTrue(validationMillis < 2_000, () -> "validated in " + validationMillis + " ms: " + hostile.shape());
    }

    private static String verdict(Document document, Map<String, Object> variables) {
        try {
            QueryCost.check(PublishedSdl.get(), document, variables, QueryCostTest.LIMITS);
            InputCheck.check(PublishedSdl.get(), document, variables, InputCheckTest.LIMITS);
            return "accepted";
        } catch (QueryRefused refused) {
            return (String) refused.getExtensions().get("code");
        }
    }

    /** Naive expansion (what the model avoids), only for accepted documents: {fields, depth}. */
    private static void expand(SelectionSet set, Map<String, FragmentDefinition> fragments, int depth, long[] expanded) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> {
                    expanded[0]++;
                    expanded[1] = Math.max(expanded[1], depth + 1);
                    expand(field.getSelectionSet(), fragments, depth + 1, expanded);
                }
                case InlineFragment inline -> expand(inline.getSelectionSet(), fragments, depth, expanded);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        expand(fragment.getSelectionSet(), fragments, depth, expanded);
                    }
                }
                default -> {
                }
            }
        }
    }
}
