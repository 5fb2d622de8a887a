package dev.supportgraph.notification;

import dev.supportgraph.config.SupportGraphConfig;
import dev.supportgraph.error.ApiException;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Keyset;
import dev.supportgraph.graph.Page;
import dev.supportgraph.graph.PageRequest;
import dev.supportgraph.graph.SortKey;
import dev.supportgraph.graph.Where;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.StatelessSession;

import java.util.List;

/** The admin's view of e-mail notifications: the list by status, and the replay of FAILED ones. */
@ApplicationScoped
@Transactional
public class EmailNotificationService {

    /** Oldest first (ids grow with writing); {@code last} pages from the newest. */
    private static final SortKey<EmailNotification> OLDEST_FIRST = new SortKey<>("ID", "e.id", n -> n.id, Long::valueOf);

    /** The guard on status makes a replay happen once: a second one of the same rows finds them PENDING or SENT. */
    private static final String REPLAY = """
            with replayed as (
                update email_notification set status = 'PENDING', attempts = 0, next_attempt_at = now(), failed_at = null
                where status = 'FAILED' and %s returning id)
            select id from replayed order by id""";

    @Inject
    EntityManager em;

    @Inject
    StatelessSession session;

    @Inject
    Caller caller;

    @Inject
    SupportGraphConfig config;

    public EmailNotificationConnection connection(PageRequest request, EmailNotificationInputs.Filter filter, boolean withTotal) {
        caller.require(Role.ADMIN);
        Where where = new Where();
        if (filter != null) {
            where.in("e.status", filter.status() == null ? null : filter.status().stream().map(Enum::name).toList());
            where.between("e.failedAt", filter.failedSince(), null);
        }
        Page<EmailNotificationType> page = Keyset.page(session, EmailNotification.class, where, OLDEST_FIRST, false, request, n -> n.id)
                .map(EmailNotificationType::of);
        return new EmailNotificationConnection(page.edges(EmailNotificationConnection.EmailNotificationEdge::new), page.pageInfo(),
                withTotal ? (int) Keyset.count(session, EmailNotification.class, where) : null);
    }

    /** Admin: the named FAILED e-mails become PENDING with their attempts reset, and are sent by the next round. */
    public EmailNotificationReplayPayload replay(EmailNotificationInputs.Replay input) {
        caller.require(Role.ADMIN);
        if ((input.ids() == null) == (input.failedSince() == null)) {
            throw ApiException.badInput("Name the notifications either by ids or by failedSince", "input");
        }
        List<?> ids;
        if (input.ids() != null) {
            if (input.ids().contains(null)) {
                throw ApiException.badInput("An id cannot be null", "input", "ids");
            }
            if (input.ids().size() > config.paging().maxSize()) {
                throw ApiException.badInput("At most " + config.paging().maxSize() + " ids at once", "input", "ids");
            }
            Long[] keys = input.ids().stream().map(id -> Inputs.id(EmailNotificationType.TYPE, id, "input", "ids")).toArray(Long[]::new);
            ids = em.createNativeQuery(REPLAY.formatted("id = any(?1)")).setParameter(1, keys).getResultList();
        } else {
            ids = em.createNativeQuery(REPLAY.formatted("failed_at >= ?1")).setParameter(1, input.failedSince()).getResultList();
        }
        List<Long> keys = ids.stream().map(id -> ((Number) id).longValue()).toList();
        List<EmailNotificationType> replayed = keys.isEmpty() ? List.of() : em.createQuery(
                        "select e from EmailNotification e where e.id in :ids order by e.id", EmailNotification.class)
                .setParameter("ids", keys).getResultList().stream().map(EmailNotificationType::of).toList();
        return new EmailNotificationReplayPayload(replayed, List.of());
    }
}
