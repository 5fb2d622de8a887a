package dev.supportgraph.graph;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.SmallRyeGraphQLServerLogging;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads the plain fields of the GraphQL record types straight from the record instead of through
 * SmallRye's {@link FieldDataFetcher}. For every field it reads, SmallRye 2.17's fetcher fills its
 * request {@code Context}: it clones it, renders the result path and renders the field's selected
 * sub-fields as JSON, a fifth of the CPU of the nested and N+1 queries (bench/NOTES.md, cause 1).
 * Nothing reads that per-field context: resolvers (operations and {@code @Source} batches) run
 * through SmallRye's other fetchers, which fill the context themselves before calling them, and
 * every field of it that differs per field is set again there.
 * <p>
 * Everything else SmallRye's fetcher does is kept: the same accessor method of the record, the same
 * {@link FieldHelper} for the fields it would transform (dates and times formatted as the published
 * SDL says, collections copied), and its handling of a failed transformation. Fields that adapters
 * may serve (user code that could read the context), map fields (adapted with the field's arguments)
 * and types that are not records keep SmallRye's fetcher. The choice is made once per fetcher.
 */
@ApplicationScoped
@RegisterForReflection(targets = FieldDataFetcher.class, fields = true, methods = false)
public class RecordFieldAccess implements Instrumentation {

    /** How a field is read. */
    public enum Access {
        /** The record's accessor, nothing else: SmallRye's transformation would return the value unchanged. */
        ACCESSOR,
        /** The record's accessor, then SmallRye's own transformation of the field (dates, collections). */
        ACCESSOR_AND_TRANSFORMATION,
        /** SmallRye's fetcher, context and all. */
        SMALLRYE
    }

    /** Scalars that SmallRye's transformation converts even without a wrapper or a format. */
    private static final Set<String> CONVERTED_OPTIONALS = Set.of(
            OptionalInt.class.getName(), OptionalLong.class.getName(), OptionalDouble.class.getName());

    private final java.lang.reflect.Field fieldOfFetcher = fetcherField("field");
    private final java.lang.reflect.Field ownerOfFetcher = fetcherField("owner");
    private final java.lang.reflect.Field helperOfFetcher = fetcherField("fieldHelper");

    private final Map<DataFetcher<?>, DataFetcher<?>> replacements = new ConcurrentHashMap<>();
    private final Map<String, Access> accessByCoordinates = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(dataFetcher instanceof FieldDataFetcher<?> smallRyes)) {
            return dataFetcher;
        }
        DataFetcher<?> replacement = replacements.get(smallRyes);
        return replacement != null ? replacement : replacements.computeIfAbsent(smallRyes, this::replacement);
    }

    /** How {@code Type.field} is read, once a query has read it (empty before). */
    public Optional<Access> access(String type, String field) {
        return Optional.ofNullable(accessByCoordinates.get(type + "." + field));
    }

    private DataFetcher<?> replacement(DataFetcher<?> smallRyes) {
        Field field = read(fieldOfFetcher, smallRyes, Field.class);
        Reference owner = read(ownerOfFetcher, smallRyes, Reference.class);
        FieldHelper helper = read(helperOfFetcher, smallRyes, FieldHelper.class);
        Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
        MethodHandle accessor = type.isRecord() && !adapted(field) ? accessor(type, field.getMethodName()) : null;
        Access access = accessor == null ? Access.SMALLRYE
                : transformed(field) ? Access.ACCESSOR_AND_TRANSFORMATION : Access.ACCESSOR;
        accessByCoordinates.put(owner.getName() + "." + field.getName(), access);
        Log.debugf("GraphQL field %s.%s: %s", owner.getName(), field.getName(), access);
        return switch (access) {
            case SMALLRYE -> smallRyes;
            case ACCESSOR -> new RecordFieldFetcher(type, accessor, null, smallRyes);
            case ACCESSOR_AND_TRANSFORMATION -> new RecordFieldFetcher(type, accessor, helper, smallRyes);
        };
    }

    /** SmallRye's AbstractHelper.shouldAdapt, and any adapter declared at all. */
    private static boolean adapted(Field field) {
        return field.isAdaptingWith() || field.isAdaptingTo() || field.getReference().isAdaptingWith()
                || field.getReference().isAdaptingTo() || field.hasWrapper() && field.getWrapper().isMap();
    }

    /** Whether SmallRye's FieldHelper.transformOrAdaptResponse could return anything but its input. */
    private static boolean transformed(Field field) {
        Reference reference = field.getReference();
        return field.hasWrapper() || field.hasTransformation() || CONVERTED_OPTIONALS.contains(reference.getClassName())
                || reference.getType() == ReferenceType.SCALAR && !reference.getClassName().equals(reference.getGraphQLClassName());
    }

    /** The method SmallRye's fetcher calls (a public no-argument method of the record), or null. */
    private static MethodHandle accessor(Class<?> type, String methodName) {
        if (methodName == null) {
            return null;
        }
        try {
            Method method = type.getMethod(methodName);
            return MethodHandles.publicLookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static <T> T read(java.lang.reflect.Field field, Object fetcher, Class<T> type) {
        try {
            return type.cast(field.get(fetcher));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read SmallRye's FieldDataFetcher." + field.getName(), e);
        }
    }

    private static java.lang.reflect.Field fetcherField(String name) {
        try {
            java.lang.reflect.Field field = FieldDataFetcher.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("SmallRye's FieldDataFetcher has no field " + name
                    + " (SmallRye GraphQL upgraded?): RecordFieldAccess needs to be checked against it", e);
        }
    }

    /**
     * SmallRye's FieldDataFetcher.get without the context: a {@link LightDataFetcher}, so graphql-java
     * does not even build the DataFetchingEnvironment unless a transformation needs it.
     */
    private static final class RecordFieldFetcher implements LightDataFetcher<Object> {

        private final Class<?> type;
        private final MethodHandle accessor;
        private final FieldHelper transformation;
        private final DataFetcher<?> smallRyes;

        RecordFieldFetcher(Class<?> type, MethodHandle accessor, FieldHelper transformation, DataFetcher<?> smallRyes) {
            this.type = type;
            this.accessor = accessor;
            this.transformation = transformation;
            this.smallRyes = smallRyes;
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            if (source == null || source.getClass() != type) {
                return smallRyes.get(environment.get());
            }
            Object value;
            try {
                value = (Object) accessor.invokeExact(source);
            } catch (Throwable failure) {
                // What SmallRye's reflective call throws, so errors read as before.
                throw new InvocationTargetException(failure);
            }
            if (transformation == null) {
                return value;
            }
            try {
                return transformation.transformOrAdaptResponse(value, environment.get());
            } catch (AbstractDataFetcherException e) {
                // As SmallRye's fetcher: logged, and the value is answered untransformed.
                SmallRyeGraphQLServerLogging.log.transformError(e);
                return value;
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }
}
