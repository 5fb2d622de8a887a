package dev.supportgraph.category;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.KeyList;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of ticket categories (reference data every caller may read), and the check a ticket's category passes. */
@ApplicationScoped
public class TicketCategoryService implements NodeLoader {

    /** Read-only, see {@link dev.supportgraph.graph.ScopedReads}. */
    @Inject
    StatelessSession session;

    @Inject
    EntityManager em;

    /** The categories by code; the deactivated ones only when asked for. */
    public List<TicketCategoryType> categories(boolean includeInactive) {
        return session.createQuery("select e from TicketCategory e" + (includeInactive ? "" : " where e.active = true")
                + " order by e.code", TicketCategory.class).getResultList().stream().map(TicketCategoryType::of).toList();
    }

    public Map<Long, TicketCategoryType> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : KeyList.load(session, TicketCategory.class, "e.id", ids, "e.id").stream()
                .map(TicketCategoryType::of).collect(Collectors.toMap(TicketCategoryType::key, Function.identity()));
    }

    /**
     * The id of an active category to set on a ticket (in the caller's transaction), null for null;
     * NOT_FOUND or BUSINESS_RULE (deactivated) on {@code field} otherwise.
     */
    public Long chosen(String globalId, String... field) {
        if (globalId == null) {
            return null;
        }
        TicketCategory category = em.find(TicketCategory.class, Inputs.id(TicketCategoryType.TYPE, globalId, field));
        if (category == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of(field), "Ticket category not found: " + globalId);
        }
        if (!category.active) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of(field), "The ticket category " + category.code + " is deactivated");
        }
        return category.id;
    }

    /** A category's code as the field history shows it; null for null. */
    public String code(Long id) {
        return id == null ? null : em.find(TicketCategory.class, id).code;
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(TicketCategoryType.TYPE);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return List.copyOf(byIds(ids).values());
    }
}
