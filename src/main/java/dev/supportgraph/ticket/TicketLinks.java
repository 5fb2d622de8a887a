package dev.supportgraph.ticket;

import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Where;
import org.hibernate.SharedSessionContract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tickets reached through a many-to-many link table, for all parents in one statement. */
public final class TicketLinks {

    /** The order of linked tickets, HQL on {@code e}; resolvers name it in their {@code JoinedBy}. */
    public static final String NEWEST_FIRST = "e.createdAt desc, e.id desc";

    private TicketLinks() {
    }

    /**
     * {@code [parentId, ticket]} pairs, newest tickets first.
     *
     * @param ticket  the ticket entity, aliased {@code e}
     * @param link    the mapped link table, aliased {@code l}
     * @param own     the link's column naming the ticket
     * @param parent  the link's column naming the parent
     * @param where   further conditions on {@code e} (e.g. the caller's scope), possibly none
     */
    public static List<Object[]> linked(SharedSessionContract session, Class<? extends TicketEntity> ticket, Class<?> link,
                                        String own, String parent, Collection<Long> parentIds, Where where) {
        var query = session.createQuery("select l." + parent + ", e from " + ticket.getSimpleName() + " e join "
                + link.getSimpleName() + " l on l." + own + " = e.id where " + KeyList.condition("l." + parent, "parentIds")
                + (where.hql().isBlank() ? "" : " and " + where.hql())
                + " order by " + NEWEST_FIRST, Object[].class);
        query.setParameter("parentIds", KeyList.of(parentIds));
        where.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Groups the pairs of {@link #linked} by parent id, keeping their order, mapping each ticket. */
    public static <E, T> Map<Long, List<T>> byParent(List<Object[]> pairs, Class<E> ticket, Function<E, T> mapper) {
        return pairs.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).longValue(),
                Collectors.mapping(r -> mapper.apply(ticket.cast(r[1])), Collectors.toList())));
    }
}
