package dev.supportgraph.ticket;

import dev.supportgraph.graph.Where;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;

/** Tickets reached through a many-to-many link table, for all parents in one statement. */
public final class TicketLinks {

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
    public static List<Object[]> linked(EntityManager em, Class<? extends TicketEntity> ticket, Class<?> link,
                                        String own, String parent, Collection<Long> parentIds, Where where) {
        var query = em.createQuery("select l." + parent + ", e from " + ticket.getSimpleName() + " e join "
                + link.getSimpleName() + " l on l." + own + " = e.id where l." + parent + " in :parentIds"
                + (where.hql().isBlank() ? "" : " and " + where.hql())
                + " order by e.createdAt desc, e.id desc", Object[].class);
        query.setParameter("parentIds", parentIds);
        where.params().forEach(query::setParameter);
        return query.getResultList();
    }
}
