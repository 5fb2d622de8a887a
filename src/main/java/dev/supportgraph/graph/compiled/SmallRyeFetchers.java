package dev.supportgraph.graph.compiled;

import graphql.schema.DataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;

/**
 * What SmallRye's data fetchers resolve, read from their (private) model fields: the record and
 * accessor of a plain field, the class and method of a resolver. SmallRye offers no public
 * accessor; a SmallRye upgrade that renames them makes every field a fallback, and the planner
 * coverage test fails.
 */
final class SmallRyeFetchers {

    private SmallRyeFetchers() {
    }

    /** The record a plain field is read from. */
    static Reference owner(FieldDataFetcher<?> fetcher) {
        return read(fetcher, "owner", Reference.class);
    }

    /** The plain field's model (its accessor method). */
    static Field field(FieldDataFetcher<?> fetcher) {
        return read(fetcher, "field", Field.class);
    }

    /** The resolver behind a fetcher of an operation or a {@code @Source} batch, or null. */
    static Operation operation(DataFetcher<?> fetcher) {
        return fetcher == null ? null : read(fetcher, "operation", Operation.class);
    }

    private static <T> T read(Object fetcher, String name, Class<T> type) {
        for (Class<?> c = fetcher.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                Object value = field.get(fetcher);
                return type.isInstance(value) ? type.cast(value) : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
