package dev.supportgraph.impact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer notices from the notice_template table (kind x language, data rather than code):
 * the customer's language when there is a template for it, English otherwise.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NoticeTemplates {

    static final String FALLBACK = "en";

    @Inject
    EntityManager em;

    public record Notice(String language, String title, String body) {
    }

    /** Renders {@code kind} in {@code language} (a BCP 47 tag; only its language part counts), filling {placeholders}. */
    public Notice render(String kind, String language, Map<String, String> values) {
        String wanted = language == null ? FALLBACK : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        List<Object[]> rows = em.createNativeQuery("""
                        select language, title, body from notice_template where kind = ?1 and language in (?2, ?3)
                        order by language = ?2 desc""", Object[].class)
                .setParameter(1, kind).setParameter(2, wanted).setParameter(3, FALLBACK).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no " + kind + " notice template in " + wanted + " or " + FALLBACK);
        }
        Object[] row = rows.getFirst();
        return new Notice((String) row[0], fill((String) row[1], values), fill((String) row[2], values));
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
