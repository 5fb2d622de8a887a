package dev.supportgraph.category;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.Idempotency;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.regex.Pattern;

/** Changes of the category taxonomy: admins and systems of record (integration). */
@ApplicationScoped
@Transactional
public class TicketCategoryLifecycle {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final int NAME_LENGTH = 100;
    private static final int DESCRIPTION_LENGTH = 2000;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    public TicketCategoryType create(TicketCategoryInputs.Create input) {
        caller.require(Role.ADMIN, Role.INTEGRATION);
        long id = idempotency.once("ticketCategoryCreate", input.idempotencyKey(), input, () -> {
            String code = Inputs.required(input.code(), "input", "code").strip();
            if (!CODE.matcher(code).matches()) {
                throw ApiException.badInput("code: upper-case letters, digits and underscores, starting with a letter, at most 50", "input", "code");
            }
            if (!em.createNativeQuery("select 1 from ticket_category where code = ?1").setParameter(1, code).getResultList().isEmpty()) {
                throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "code"), "A ticket category with this code exists");
            }
            TicketCategory category = new TicketCategory();
            category.code = code;
            category.name = Inputs.text(input.name(), NAME_LENGTH, "input", "name");
            category.description = input.description() == null ? "" : Inputs.text(input.description(), DESCRIPTION_LENGTH, "input", "description");
            category.active = true;
            em.persist(category);
            em.flush();
            return category.id;
        }, Idempotency.STAFF_ONLY);
        return TicketCategoryType.of(em.find(TicketCategory.class, id));
    }

    public TicketCategoryType update(TicketCategoryInputs.Update input) {
        TicketCategory category = load(input.id(), input.expectedVersion());
        if (input.name() != null) {
            category.name = Inputs.text(input.name(), NAME_LENGTH, "input", "name");
        }
        if (input.description() != null) {
            category.description = Inputs.text(input.description(), DESCRIPTION_LENGTH, "input", "description");
        }
        em.flush();
        return TicketCategoryType.of(category);
    }

    public TicketCategoryType deactivate(TicketCategoryInputs.Deactivate input) {
        TicketCategory category = load(input.id(), input.expectedVersion());
        if (!category.active) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", "id"), "The ticket category is already deactivated");
        }
        category.active = false;
        em.flush();
        return TicketCategoryType.of(category);
    }

    private TicketCategory load(String id, int expectedVersion) {
        caller.require(Role.ADMIN, Role.INTEGRATION);
        TicketCategory category = em.find(TicketCategory.class, Inputs.id(TicketCategoryType.TYPE, id, "input", "id"));
        if (category == null) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "Ticket category not found: " + id);
        }
        Mutations.checkVersion(category.version, expectedVersion);
        return category;
    }
}
