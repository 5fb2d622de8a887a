package dev.supportgraph.sla;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Inputs;
import dev.supportgraph.graph.Mutations;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import dev.supportgraph.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin changes of SLA policies. A change never edits a version: it closes the one in force and
 * inserts the next, so tickets keep the version in force when they were created (SlaSubject) and
 * the history stays readable. The version in force is locked first: of two concurrent changes the
 * second finds it replaced (STALE_OBJECT). A policy of a set of categories starts as a copy of the
 * default policy of its segment and priority, whose row is locked meanwhile, so two creations naming
 * the same category do not both pass the check that no policy in force names it already.
 */
@ApplicationScoped
@Transactional
public class SlaPolicyLifecycle {

    private static final Set<TicketStatus> PAUSABLE = Set.of(TicketStatus.PENDING, TicketStatus.HELD);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int REASON_LENGTH = 2000;

    /** Inserts a version (?1 the base row it copies segment, priority and currency from) with the given terms. */
    private static final String INSERT = """
            insert into sla_policy (segment, priority, category_ids, response_minutes, resolution_minutes, resolution_pause_states,
                                    credit_percent, credit_amount, currency, business_time_zone, business_days, business_opens,
                                    business_closes, business_holidays, version, valid_from, changed_by, change_reason)
            select segment, priority, cast(string_to_array(cast(?2 as text), ',') as bigint[]), ?3, ?4, string_to_array(?5, ','), ?6, ?7, currency, cast(?8 as text),
                   string_to_array(cast(?9 as text), ','), cast(cast(?10 as text) as time), cast(cast(?11 as text) as time),
                   cast(string_to_array(?12, ',') as date[]), ?13, now(), ?14, ?15
            from sla_policy where id = ?1 returning id""";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;


    public SlaPolicyType update(SlaPolicyUpdateInput input) {
        caller.require(Role.ADMIN);
        long id = Inputs.id(SlaPolicyType.TYPE, input.id(), "input", "id");
        List<SlaPolicyType> rows = locked("sp.id = ?1", id);
        if (rows.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "id"), "SLA policy not found: " + input.id());
        }
        SlaPolicyType current = rows.getFirst();
        if (current.validTo() != null) {
            throw ApiException.of(ErrorCode.STALE_OBJECT, List.of("input", "id"), "This version was replaced; change the version in force");
        }
        Mutations.checkVersion(current.version(), input.expectedVersion());
        Terms terms = terms(current, input);
        em.createNativeQuery("update sla_policy set valid_to = now() where id = ?1").setParameter(1, id).executeUpdate();
        return insert(current, current.categoryKeys(), current.version() + 1, terms);
    }

    /** The first version of a policy of categories, a copy of the default in force for its segment and priority with the given terms. */
    public SlaPolicyType create(SlaPolicyCreateInput input) {
        caller.require(Role.ADMIN);
        List<Long> categories = categories(input);
        List<SlaPolicyType> defaults = locked("sp.segment = ?1 and sp.priority = ?2 and sp.category_ids is null and sp.valid_to is null",
                input.segment().name(), input.priority().name());
        if (defaults.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", "priority"), "No default policy for " + input.segment() + " " + input.priority());
        }
        List<?> taken = em.createNativeQuery("""
                        select string_agg(c.code, ', ' order by c.code) from sla_policy sp join ticket_category c on c.id = any(sp.category_ids)
                        where sp.segment = ?1 and sp.priority = ?2 and sp.valid_to is null and c.id = any(cast(?3 as bigint[]))""")
                .setParameter(1, input.segment().name()).setParameter(2, input.priority().name())
                .setParameter(3, categories.toArray(Long[]::new)).getResultList();
        if (taken.getFirst() != null) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", categoryField(input)), "A policy for the segment and priority "
                    + "already names " + taken.getFirst() + "; change it with slaPolicyUpdate");
        }
        SlaPolicyType base = defaults.getFirst();
        return insert(base, categories, 1, terms(base, input));
    }

    /** The field naming the categories: categoryIds when given, else categoryId. */
    private static String categoryField(SlaPolicyCreateInput input) {
        return input.categoryIds() != null ? "categoryIds" : "categoryId";
    }

    /**
     * The keys of the active ticket categories the input names (categoryId or categoryIds, not both),
     * distinct and sorted. Read here, not through the category room, which builds on this one through
     * events: a dependency back would close a package cycle.
     */
    private List<Long> categories(SlaPolicyCreateInput input) {
        if ((input.categoryId() == null) == (input.categoryIds() == null)) {
            throw ApiException.badInput("either categoryId or categoryIds", "input", "categoryIds");
        }
        String field = categoryField(input);
        List<String> ids = input.categoryId() != null ? List.of(input.categoryId()) : input.categoryIds();
        if (ids.isEmpty() || ids.stream().anyMatch(Objects::isNull)) {
            throw ApiException.badInput("at least one category, no nulls", "input", field);
        }
        List<Long> keys = ids.stream().map(id -> Inputs.id(SlaPolicyType.CATEGORY_TYPE, id, "input", field)).distinct().sorted().toList();
        List<Object[]> found = em.createNativeQuery("select id, code, active from ticket_category where id = any(cast(?1 as bigint[]))", Object[].class)
                .setParameter(1, keys.toArray(Long[]::new)).getResultList();
        if (found.size() < keys.size()) {
            Set<Long> known = found.stream().map(r -> ((Number) r[0]).longValue()).collect(Collectors.toSet());
            String missing = keys.stream().filter(k -> !known.contains(k)).map(k -> GlobalId.encode(SlaPolicyType.CATEGORY_TYPE, k))
                    .collect(Collectors.joining(", "));
            throw ApiException.of(ErrorCode.NOT_FOUND, List.of("input", field), "Ticket category not found: " + missing);
        }
        String inactive = found.stream().filter(r -> !Boolean.TRUE.equals(r[2])).map(r -> (String) r[1]).sorted().collect(Collectors.joining(", "));
        if (!inactive.isEmpty()) {
            throw ApiException.of(ErrorCode.BUSINESS_RULE, List.of("input", field), "Deactivated ticket categories: " + inactive);
        }
        return keys;
    }

    /** Validated terms of a new version, the base version's where none are given. */
    private record Terms(int response, int resolution, List<TicketStatus> pauses, BigDecimal percent, BigDecimal amount,
                         BusinessHoursType hours, String reason) {
    }

    private static Terms terms(SlaPolicyType base, SlaTerms input) {
        int response = input.responseMinutes() != null ? input.responseMinutes() : base.responseMinutes();
        int resolution = input.resolutionMinutes() != null ? input.resolutionMinutes() : base.resolutionMinutes();
        if (response < 1) {
            throw ApiException.badInput("at least 1 minute", "input", "responseMinutes");
        }
        if (resolution < response) {
            throw ApiException.badInput("at least the response time (" + response + " minutes)", "input", "resolutionMinutes");
        }
        List<TicketStatus> pauses = input.resolutionPauseStates() != null ? input.resolutionPauseStates() : base.resolutionPauseStates();
        if (!PAUSABLE.containsAll(pauses)) {
            throw ApiException.badInput("only PENDING and HELD can pause the resolution clock", "input", "resolutionPauseStates");
        }
        BigDecimal percent = input.creditPercent() != null ? Inputs.amount(input.creditPercent(), true, "input", "creditPercent") : base.percent();
        if (percent.compareTo(HUNDRED) > 0) {
            throw ApiException.badInput("at most 100", "input", "creditPercent");
        }
        BigDecimal amount = input.creditAmount() != null ? Inputs.amount(input.creditAmount(), true, "input", "creditAmount")
                : new BigDecimal(base.creditAmount().amount());
        String reason = input.reason() == null ? null : Inputs.text(input.reason(), REASON_LENGTH, "input", "reason");
        return new Terms(response, resolution, pauses, percent, amount, hours(base, input), reason);
    }

    /** The working time of the new version: the given one (validated), none, or the base's. */
    private static BusinessHoursType hours(SlaPolicyType base, SlaTerms input) {
        BusinessHoursInput hours = input.businessHours();
        if (Boolean.TRUE.equals(input.aroundTheClock())) {
            if (hours != null) {
                throw ApiException.badInput("either businessHours or aroundTheClock", "input", "aroundTheClock");
            }
            return null;
        }
        if (hours == null) {
            return base.businessHours();
        }
        try {
            ZoneId.of(hours.timeZone());
        } catch (DateTimeException e) {
            throw ApiException.badInput("not a time zone id (e.g. Europe/Zurich): " + hours.timeZone(), "input", "businessHours", "timeZone");
        }
        if (hours.workingDays().isEmpty()) {
            throw ApiException.badInput("at least one working day", "input", "businessHours", "workingDays");
        }
        LocalTime opens = time(hours.opens(), "opens");
        LocalTime closes = time(hours.closes(), "closes");
        if (!opens.isBefore(closes)) {
            throw ApiException.badInput("after opens (" + opens + ")", "input", "businessHours", "closes");
        }
        if (hours.holidays() != null && hours.holidays().contains(null)) {
            throw ApiException.badInput("dates, not null", "input", "businessHours", "holidays");
        }
        List<LocalDate> holidays = hours.holidays() == null ? List.of() : hours.holidays().stream().distinct().sorted().toList();
        return new BusinessHoursType(hours.timeZone(), hours.workingDays().stream().map(SlaPolicyLifecycle::day).distinct().sorted()
                .map(Enum::name).toList(), opens.toString(), closes.toString(), holidays);
    }

    private static DayOfWeek day(String value) {
        try {
            return DayOfWeek.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("not a day of the week (MONDAY to SUNDAY): " + value, "input", "businessHours", "workingDays");
        }
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput("a time of day as HH:MM, e.g. 09:00", "input", "businessHours", field);
        }
    }

    private List<SlaPolicyType> locked(String where, Object... params) {
        var query = em.createNativeQuery("select " + SlaPolicyType.COLUMNS + " from sla_policy sp where " + where + " for update", Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> SlaPolicyType.of(r, 0)).toList();
    }

    /** A text parameter that may be null (typed, so PostgreSQL is not left to guess). */
    private static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }

    /** Inserts a version for {@code categories} (none: a default policy). */
    private SlaPolicyType insert(SlaPolicyType base, List<Long> categories, int version, Terms terms) {
        BusinessHoursType hours = terms.hours();
        Number next = (Number) em.createNativeQuery(INSERT)
                .setParameter(1, base.key()).setParameter(2, text(categories.isEmpty() ? null
                        : categories.stream().map(String::valueOf).collect(Collectors.joining(",")))).setParameter(3, terms.response()).setParameter(4, terms.resolution())
                .setParameter(5, terms.pauses().stream().map(Enum::name).distinct().collect(Collectors.joining(",")))
                .setParameter(6, terms.percent()).setParameter(7, terms.amount())
                .setParameter(8, text(hours == null ? null : hours.timeZone()))
                .setParameter(9, text(hours == null ? null : String.join(",", hours.workingDays())))
                .setParameter(10, text(hours == null ? null : hours.opens()))
                .setParameter(11, text(hours == null ? null : hours.closes()))
                .setParameter(12, hours == null ? "" : hours.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(",")))
                .setParameter(13, version).setParameter(14, caller.name()).setParameter(15, text(terms.reason()))
                .getSingleResult();
        return locked("sp.id = ?1", next.longValue()).getFirst();
    }
}
