package dev.supportgraph.graph;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.SharedSessionContract;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

import java.util.Collection;
import java.util.List;

/**
 * Key lists as one array parameter: HQL {@code key_in(e.id, :keys)} is SQL {@code e.id = any(?)}
 * with a {@code bigint[]}. Unlike {@code in (:keys)}, whose SQL has one placeholder per key, the
 * statement text is the same for any number of keys, so Hibernate translates it once and
 * PostgreSQL keeps one plan; {@code = any} still uses the column's index.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class KeyList implements FunctionContributor {

    static final String FUNCTION = "key_in";

    /** The HQL condition that {@code path} is one of the keys bound to {@code parameter}. */
    public static String condition(String path, String parameter) {
        return FUNCTION + "(" + path + ", :" + parameter + ")";
    }

    /** The value to bind for a key list parameter. */
    public static Long[] of(Collection<Long> keys) {
        return keys.toArray(Long[]::new);
    }

    /**
     * The rows of {@code entity} (alias {@code e}) whose {@code path} is one of {@code keys}, in
     * {@code orderBy} order (HQL on {@code e}); no statement when there are no keys.
     */
    public static <E> List<E> load(SharedSessionContract session, Class<E> entity, String path, Collection<Long> keys,
                                   String orderBy) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return session.createQuery("select e from " + entity.getSimpleName() + " e where " + condition(path, "keys")
                + " order by " + orderBy, entity).setParameter("keys", of(keys)).getResultList();
    }

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        contributions.getFunctionRegistry().patternDescriptorBuilder(FUNCTION, "(?1 = any(?2))")
                .setInvariantType(contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN))
                .setExactArgumentCount(2)
                .register();
    }
}
