package dev.supportgraph.billing;

import jakarta.enterprise.context.ApplicationScoped;
import dev.supportgraph.graph.CurrencyOf;
import jakarta.inject.Inject;
import dev.supportgraph.graph.KeyList;
import org.hibernate.StatelessSession;

import java.util.Collection;
import java.util.List;

/**
 * Lines, payments and adjustments, each with its invoice's currency (they have none of their
 * own, {@link CurrencyOf}): one joined statement per call, read-only (see {@link dev.supportgraph.graph.ScopedReads}).
 */
@ApplicationScoped
public class InvoicePartRepository {

    @Inject
    StatelessSession session;

    /** The parts of {@code type} whose {@code field} (invoiceId, orderId, id) is one of {@code ids}. */
    public <P extends InvoicePart> List<Priced<P>> where(Class<P> type, String field, Collection<Long> ids) {
        CurrencyOf priced = type.getAnnotation(CurrencyOf.class);
        return session.createQuery("select p, i.currency from " + type.getSimpleName() + " p join "
                        + priced.value().getSimpleName() + " i on i.id = p." + priced.key() + " where " + KeyList.condition("p." + field, "ids") + " order by p.invoiceId, p.id", Object[].class)
                .setParameter("ids", KeyList.of(ids))
                .getResultList().stream()
                .map(row -> new Priced<>(type.cast(row[0]), (String) row[1]))
                .toList();
    }

    public record Priced<P>(P part, String currency) {
    }
}
