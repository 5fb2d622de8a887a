package dev.supportgraph.graph;

import dev.supportgraph.security.Caller;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The reads every list of the graph offers (top-level connection, one connection per customer,
 * by id, by parent), always within the caller's scope. Customer-owned rows: a portal user's
 * queries get {@code customerPath = their customer}, so they never see another customer's rows.
 * Staff-only rows ({@link #staffOnly}: troubles, resources): a portal user gets nothing (empty
 * lists and connections, no statement), as if they did not exist.
 * <p>
 * Resolvers read through the injected {@link StatelessSession}: outside a transaction (the
 * queries of a GraphQL request) it is request-scoped, so a batch level costs no BEGIN/COMMIT, and
 * it keeps no persistence context, so rows come back detached (no snapshots, no dirty checking,
 * nothing cached across the events of a long-lived subscription). Called inside a mutation's
 * transaction it joins it, but does not see changes the mutation's session has not flushed yet.
 *
 * @param <E> the entity, aliased {@code e}
 * @param <T> its GraphQL record
 * @param <F> the list's filter input (null: no filter)
 * @param <O> the list's orderBy input (null: {@code defaultOrder})
 */
public final class ScopedReads<E, T extends Node, F, O extends Ordering<? super E>> {

    private final StatelessSession session;
    private final Caller caller;
    private final Class<E> entity;
    private final String customerPath;
    private final ToLongFunction<? super E> idOf;
    private final ToLongFunction<? super E> customerOf;
    private final Function<E, T> toType;
    private final Function<F, Where> filter;
    private final O defaultOrder;
    /** Reference data: systems of record read it across customers too (see {@link Caller#readsReferenceData}). */
    private final boolean referenceData;

    /**
     * The reads of every entity, as the services declared them: the query planner
     * ({@code graph.compiled}) derives its row scope, filters and orderings from them, so they
     * have one description only.
     */
    private static final Map<Class<?>, ScopedReads<?, ?, ?, ?>> DECLARED = new ConcurrentHashMap<>();

    /** The {@code customerPath} of the customers' own reads: a customer row is its own customer. */
    public static final String CUSTOMER_ITSELF = "e.id";

    /**
     * Rows owned by one customer each.
     *
     * @param customerPath HQL path of the owning customer's id on {@code e} ({@link #CUSTOMER_ITSELF} for customers)
     * @param filter       the filter's conditions (the scope is added to them); called with null too
     */
    public ScopedReads(StatelessSession session, Caller caller, Class<E> entity, String customerPath,
                       ToLongFunction<? super E> idOf, ToLongFunction<? super E> customerOf,
                       Function<E, T> toType, Function<F, Where> filter, O defaultOrder) {
        this(session, caller, entity, customerPath, idOf, customerOf, toType, filter, defaultOrder, false);
    }

    private ScopedReads(StatelessSession session, Caller caller, Class<E> entity, String customerPath,
                        ToLongFunction<? super E> idOf, ToLongFunction<? super E> customerOf,
                        Function<E, T> toType, Function<F, Where> filter, O defaultOrder, boolean referenceData) {
        this.referenceData = referenceData;
        this.session = session;
        this.caller = caller;
        this.entity = entity;
        this.customerPath = customerPath;
        this.idOf = idOf;
        this.customerOf = customerOf;
        this.toType = toType;
        this.filter = filter;
        this.defaultOrder = defaultOrder;
        DECLARED.put(entity, this);
    }

    /** The reads a service declared for {@code entity} (once the service exists). */
    public static ScopedReads<?, ?, ?, ?> declared(Class<?> entity) {
        return DECLARED.get(entity);
    }

    /** HQL path of the owning customer's id on {@code e}; null for staff-only rows. */
    public String customerPath() {
        return customerPath;
    }

    /** Whether these are the customers' own reads (the planner finds the customer type by them). */
    public boolean readsCustomers() {
        return CUSTOMER_ITSELF.equals(customerPath);
    }

    /** The filter input's conditions, without the scope. */
    public Function<F, Where> filter() {
        return filter;
    }

    /** The order of the list without an {@code orderBy}. */
    public O defaultOrder() {
        return defaultOrder;
    }

    /** Rows only staff may see; {@code customerPath} and {@code customerOf} have no use then. */
    public static <E, T extends Node, F, O extends Ordering<? super E>> ScopedReads<E, T, F, O> staffOnly(
            StatelessSession session, Caller caller, Class<E> entity, ToLongFunction<? super E> idOf,
            Function<E, T> toType, Function<F, Where> filter, O defaultOrder) {
        return new ScopedReads<>(session, caller, entity, null, idOf, null, toType, filter, defaultOrder);
    }

    /** {@code reads} of reference data: a system of record sees every row as staff does. */
    public static <E, T extends Node, F, O extends Ordering<? super E>> ScopedReads<E, T, F, O> referenceData(
            ScopedReads<E, T, F, O> reads) {
        return new ScopedReads<>(reads.session, reads.caller, reads.entity, reads.customerPath, reads.idOf, reads.customerOf,
                reads.toType, reads.filter, reads.defaultOrder, true);
    }

    /** {@code where} confined to the caller's customer scope (customer-owned rows). */
    public Where scoped(Where where) {
        scope().ifPresent(scope -> where.eq(customerPath, scope));
        return where;
    }

    private OptionalLong scope() {
        return referenceData && caller.readsReferenceData() ? OptionalLong.empty() : caller.customerScope();
    }

    /** Staff-only rows and a portal user: nothing to read. */
    private boolean hidden() {
        return customerPath == null && scope().isPresent();
    }

    public Page<T> page(PageRequest request, F filterInput, O order) {
        if (hidden()) {
            return Page.empty();
        }
        O effective = order == null ? defaultOrder : order;
        return Keyset.page(session, entity, where(filterInput), effective.sortKey(), effective.descending(), request, idOf)
                .map(toType);
    }

    public long count(F filterInput) {
        return hidden() ? 0 : Keyset.count(session, entity, where(filterInput));
    }

    /** The top-level connection, with its total when {@code withTotal} (the client selected totalCount). */
    public <X> X connection(PageRequest request, F filterInput, O order, boolean withTotal,
                            BiFunction<Page<T>, Integer, X> connection) {
        return connection.apply(page(request, filterInput, order), withTotal ? (int) count(filterInput) : null);
    }

    /** A page of each customer's rows (all customers in one statement), keyed by customer id; customer-owned rows. */
    public Map<Long, Page<T>> pagesPerCustomer(Collection<Long> customerIds, PageRequest request, F filterInput, O order) {
        O effective = order == null ? defaultOrder : order;
        return Page.mapEach(Keyset.pagesPerParent(session, entity, customerPath, customerIds, where(filterInput),
                effective.sortKey(), effective.descending(), request, idOf, customerOf), toType);
    }

    /** How many rows each customer has under the filter (one grouped statement); absent = 0. */
    public Map<Long, Long> countPerCustomer(Collection<Long> customerIds, F filterInput) {
        return Keyset.countPerParent(session, entity, customerPath, customerIds, where(filterInput));
    }

    /** The connection of each of {@code customers}: one statement for the pages, one for the totals if wanted. */
    public <P, X> List<X> connectionsPerCustomer(List<P> customers, Function<P, Long> keyOf, PageRequest request,
                                                 F filterInput, O order, boolean withTotals,
                                                 BiFunction<Page<T>, Integer, X> connection) {
        return Batch.connections(customers, keyOf, keys -> pagesPerCustomer(keys, request, filterInput, order),
                withTotals ? keys -> countPerCustomer(keys, filterInput) : null, connection);
    }

    /** The visible rows with these ids, in no particular order. */
    public List<T> byIds(Collection<Long> ids) {
        return byKeys("e.id", ids, "e.id");
    }

    public Map<Long, T> mapByIds(Collection<Long> ids) {
        return Batch.byKey(byIds(ids));
    }

    /** The visible rows whose {@code path} is one of {@code keys}, in {@code orderBy} order; no statement without keys. */
    public List<T> byKeys(String path, Collection<Long> keys, String orderBy) {
        return keys.isEmpty() || hidden() ? List.of() : list(new Where().keyIn(path, keys), orderBy);
    }

    /** {@link #byKeys} grouped by each row's parent (a to-many relation), keeping {@code orderBy} within a parent. */
    public Map<Long, List<T>> byParents(String path, Collection<Long> keys, String orderBy, Function<T, Long> parentOf) {
        return byKeys(path, keys, orderBy).stream().collect(Collectors.groupingBy(parentOf));
    }

    /**
     * The visible rows a link table ({@code link}, aliased {@code l}) pairs with each of {@code keys},
     * keyed by them, in {@code orderBy} order: what a resolver's {@link JoinedBy} with {@code through}
     * declares, given the same paths ({@code parentKey}, {@code childKey} on {@code l}, {@code condition}
     * on {@code e}, blank: none); one statement, none without keys.
     */
    public Map<Long, List<T>> byLinks(Class<?> link, String parentKey, String childKey, String condition,
                                      Collection<Long> keys, String orderBy) {
        if (keys.isEmpty() || hidden()) {
            return Map.of();
        }
        Where where = new Where().keyIn(parentKey, keys);
        Where scopedWhere = customerPath == null ? where : scoped(where);
        var query = session.createQuery("select " + parentKey + ", e from " + entity.getSimpleName() + " e join "
                + link.getSimpleName() + " l on " + childKey + " = e.id where " + scopedWhere.hql()
                + (condition.isBlank() ? "" : " and " + condition) + " order by " + orderBy, Object[].class);
        scopedWhere.params().forEach(query::setParameter);
        return query.getResultList().stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
                Collectors.mapping(row -> toType.apply(entity.cast(row[1])), Collectors.toList())));
    }

    /** The visible rows matching {@code where}, in {@code orderBy} order (HQL on {@code e}). */
    private List<T> list(Where where, String orderBy) {
        Where scopedWhere = customerPath == null ? where : scoped(where);
        var query = session.createQuery("select e from " + entity.getSimpleName() + " e where " + scopedWhere.hql()
                + " order by " + orderBy, entity);
        scopedWhere.params().forEach(query::setParameter);
        return query.getResultList().stream().map(toType).toList();
    }

    private Where where(F filterInput) {
        Where where = filter.apply(filterInput);
        return customerPath == null ? where : scoped(where);
    }
}
