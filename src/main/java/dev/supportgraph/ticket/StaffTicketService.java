package dev.supportgraph.ticket;

import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.NodeLoader;
import dev.supportgraph.graph.ScopedReads;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads every staff-only ticket kind has (service and resource troubles, see {@link StaffOnly}):
 * the list and by id through {@link ScopedReads} with the common ticket filter
 * ({@link TicketCriteria}) plus the kind's own conditions, nodes by global id, and tickets
 * through a link table. A kind's service extends it and calls {@link #reads} from its constructor.
 *
 * @param <E> the kind's entity
 * @param <T> the kind's GraphQL type record
 * @param <F> the kind's filter input
 */
public abstract class StaffTicketService<E extends TicketEntity, T extends Node, F extends TicketCriteria>
        implements NodeLoader {

    // Set by reads(...) from the kind's constructor: CDI's proxy needs a constructor without arguments here.
    private ScopedReads<E, T, F, TicketOrder> tickets;
    private Caller caller;
    private TicketKind kind;
    private Class<E> entity;
    private Function<E, T> type;

    /**
     * @param sla  the SLA window the queue filter's SLA states are computed in, read per request
     * @param own  adds the kind's own filter conditions (the filter is not null)
     */
    protected final void reads(StatelessSession session, Caller caller, Supplier<SlaWindow> sla, TicketKind kind,
                               Class<E> entity, Function<E, T> type, BiConsumer<Where, F> own) {
        this.caller = caller;
        this.kind = kind;
        this.entity = entity;
        this.type = type;
        this.tickets = ScopedReads.staffOnly(session, caller, entity, e -> e.id, type, filter -> {
            Where where = TicketCriteria.where(filter, caller, sla.get());
            if (filter != null) {
                own.accept(where, filter);
            }
            return where;
        }, TicketOrder.orDefault(null));
    }

    /** The kind's tickets: the top-level list and by id. */
    public ScopedReads<E, T, F, TicketOrder> troubles() {
        return tickets;
    }

    /** The tickets of each parent through a link table ({@code pairs}: {@link TicketLinks#linked}), for staff. */
    protected Map<Long, List<T>> linked(Collection<Long> parentKeys, Function<Collection<Long>, List<Object[]>> pairs) {
        return StaffOnly.batch(caller, parentKeys, () -> TicketLinks.byParent(pairs.apply(parentKeys), entity, type));
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of(kind.nodeType);
    }

    @Override
    public List<? extends Node> loadNodes(String type, Collection<Long> ids) {
        return tickets.byIds(ids);
    }
}
