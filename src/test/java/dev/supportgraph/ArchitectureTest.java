package dev.supportgraph;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The package dependency rules of docs/architecture.md, on the compiled main classes (plain JUnit,
 * no Quarkus, no database). Domain rooms may use the infrastructure layers, never the other way
 * round; the upper layer ({@code subscription}) may use both and neither uses it; top-level packages have no cycles; the planner ({@code graph.compiled}) is reached only
 * from {@code graph}.
 * <p>
 * Today's violations of the first two rules are frozen (ArchUnit's {@link FreezingArchRule}): they are listed in
 * src/test/resources/archunit_store, a new one fails the test, and a fixed one leaves the store
 * when the test runs (commit the shrunken store). To record the violations anew (a new rule, or a
 * violation accepted on purpose) run {@code ./mvnw test -Dtest=ArchitectureTest -DupdateArchitecture=true}
 * and review the store's diff.
 */
@Tag("pure")
class ArchitectureTest {

    private static final String ROOT = "dev.supportgraph";

    /** Business rooms: each owns its entities, services and resolvers. */
    private static final String[] DOMAIN = {"customer", "order", "inventory", "billing", "problem", "servicetrouble",
            "resourcetrouble", "sla", "impact", "satisfaction", "agent", "ticket", "referencedata", "category", "alarm",
            "webhook", "notification"};

    /**
     * Room-like layers above the domain rooms: they may use the domain rooms and the infrastructure,
     * and no infrastructure layer uses them (the domain rooms' streams, built on {@code events}).
     */
    private static final String[] UPPER = {"subscription"};

    /** Layers the domain rooms build on; they must not name a domain room. */
    private static final String[] INFRASTRUCTURE = {"lifecycle", "graph", "events", "persistence", "security", "config",
            "observability", "health", "devdb", "bulk", "http", "error"};

    /** The bottom layers, which use no other package of the application. */
    private static final String[] GROUND_FLOOR = {"error", "http"};

    /**
     * The classes that reach framework internals by reflection, with the upstream class and version
     * they read (from the classes' comments; docs/architecture.md describes each patch). An upgrade
     * of one of these versions means checking the class; a new entry needs a note there too.
     */
    private static final Map<String, String> REFLECTIVE_ACCESS = Map.of(
            "dev.supportgraph.graph.QueryLimitsInstaller",
            "graphql-java 24.3 GraphQL.Builder#instrumentation (private field)",
            "dev.supportgraph.graph.RecordFieldAccess",
            "SmallRye GraphQL 2.17.0 FieldDataFetcher (private fields)",
            "dev.supportgraph.graph.compiled.SmallRyeFetchers",
            "SmallRye GraphQL 2.17.0 FieldDataFetcher/AbstractDataFetcher#owner, field, operation (private fields)",
            "dev.supportgraph.graph.compiled.CatalogDeriver",
            "own entity classes' fields (annotations only, no setAccessible); Hibernate ORM as in the Quarkus 3.34.1 BOM",
            "dev.supportgraph.events.LeanSubscriptionFetcher",
            "graphql-java 24.3 GraphQL.Builder#graphQLSchema, SmallRye GraphQL 2.17.0 AbstractDataFetcher (private fields)",
            "dev.supportgraph.events.GraphQLOverWebSocket",
            "Quarkus 3.34.1 QuarkusRequestWrapper#done() (private method)");

    private static final Set<String> REFLECTIVE_METHODS = Set.of("setAccessible", "trySetAccessible",
            "getDeclaredField", "getDeclaredFields", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredConstructor");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        if (Boolean.getBoolean("updateArchitecture")) {
            ArchConfiguration.get().setProperty("freeze.store.default.allowStoreCreation", "true");
            ArchConfiguration.get().setProperty("freeze.refreeze", "true");
        }
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String[] packages(String... rooms) {
        return Arrays.stream(rooms).map(room -> ROOT + "." + room + "..").toArray(String[]::new);
    }

    @Test
    void everyTopLevelPackageIsADomainRoomOrALayer() {
        classes().should().resideInAnyPackage(packages(Stream.of(UPPER, DOMAIN, INFRASTRUCTURE).flatMap(Arrays::stream)
                        .toArray(String[]::new)))
                .because("a new package is placed in ArchitectureTest and docs/architecture.md")
                .check(main);
    }

    @Test
    void infrastructureDoesNotUseDomainRooms() {
        ArchRule rule = noClasses().that().resideInAnyPackage(packages(INFRASTRUCTURE))
                .should().dependOnClassesThat().resideInAnyPackage(packages(DOMAIN))
                .as("infrastructure does not use domain rooms");
        FreezingArchRule.freeze(rule).check(main);
    }

    @Test
    void infrastructureDoesNotUseTheUpperLayers() {
        noClasses().that().resideInAnyPackage(packages(INFRASTRUCTURE))
                .should().dependOnClassesThat().resideInAnyPackage(packages(UPPER))
                .as("infrastructure does not use the layers above the domain rooms")
                .check(main);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        ArchRule rule = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .as("top-level packages are free of cycles");
        FreezingArchRule.freeze(rule).check(main);
    }

    /** {@code error} and {@code http} sit below every other package: they use none. */
    @Test
    void theGroundFloorUsesNoOtherPackage() {
        for (String floor : GROUND_FLOOR) {
            noClasses().that().resideInAPackage(ROOT + "." + floor + "..")
                    .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT + "." + floor + "..")))
                    .as(floor + " uses no other package of the application")
                    .check(main);
        }
    }

    @Test
    void thePlannerIsReachedOnlyFromGraph() {
        classes().that().resideInAPackage(ROOT + ".graph.compiled..")
                .should().onlyHaveDependentClassesThat().resideInAPackage(ROOT + ".graph..")
                .as("graph.compiled is reached only from graph")
                .check(main);
    }

    @Test
    void reflectiveAccessIsListedInOnePlace() {
        Set<String> reflective = new TreeSet<>();
        for (JavaClass type : main) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                String owner = call.getTargetOwner().getPackageName();
                if ((owner.equals("java.lang") || owner.equals("java.lang.reflect"))
                        && REFLECTIVE_METHODS.contains(call.getName())) {
                    reflective.add(type.getName().replaceFirst("\\$.*", ""));
                }
            }
        }
        assertEquals(new TreeSet<>(REFLECTIVE_ACCESS.keySet()), reflective,
                "classes reaching framework internals by reflection: list each in REFLECTIVE_ACCESS with the "
                        + "upstream class and version it reads, and describe it in docs/architecture.md");
    }

    /**
     * When a stored violation still holds (archunit.properties: {@code freeze.lineMatcher}). A cycle
     * is the same cycle whatever example dependency and count of further dependencies ArchUnit
     * prints under it (they change as classes along the cycle gain ordinary imports); other
     * violations are the same when they differ only in line numbers.
     */
    public static final class SameViolation implements ViolationLineMatcher {

        private static final String CYCLE_DETAILS = "\n  1. Dependencies of ";
        private static final Pattern LINE_NUMBER = Pattern.compile("\\.java:\\d+\\)");

        @Override
        public boolean matches(String stored, String actual) {
            return key(stored).equals(key(actual));
        }

        private static String key(String violation) {
            int details = violation.indexOf(CYCLE_DETAILS);
            String essential = violation.startsWith("Cycle detected") && details > 0
                    ? violation.substring(0, details) : violation;
            return LINE_NUMBER.matcher(essential).replaceAll(".java)");
        }
    }
}
