package dev.supportgraph.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A business-hours calendar: working days, the same opening hours on each, holidays, all in one
 * time zone. Days are walked in local time and each day's hours turned into instants through the
 * zone, so a daylight-saving change moves the instants, never the local hours (a 09:00-17:00 day
 * is eight hours on either side of it; on the change day itself it is what the clock on the wall
 * says). Pure arithmetic: no database, no clock.
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes, Set<LocalDate> holidays)
        implements WorkingTime {

    /** How far {@link #plus} looks for working time (ten years) before it calls the calendar empty. */
    private static final int HORIZON_DAYS = 3653;

    public BusinessHours {
        if (workingDays.isEmpty() || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("a calendar needs a working day and opening hours that open before they close");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate day = date(from); !day.isAfter(date(to)); day = day.plusDays(1)) {
            if (working(day)) {
                Instant start = latest(open(day), from);
                Instant end = earliest(close(day), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        boolean forward = !amount.isNegative();
        Duration left = amount.abs();
        LocalDate day = date(from);
        for (int i = 0; i < HORIZON_DAYS; i++, day = forward ? day.plusDays(1) : day.minusDays(1)) {
            if (!working(day)) {
                continue;
            }
            Instant start = forward ? latest(open(day), from) : open(day);
            Instant end = forward ? close(day) : earliest(close(day), from);
            if (end.isAfter(start)) {
                Duration available = Duration.between(start, end);
                if (available.compareTo(left) >= 0) {
                    return forward ? start.plus(left) : end.minus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + HORIZON_DAYS + " days of " + from);
    }

    boolean working(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Opening on {@code day}; an opening hour skipped by a daylight-saving gap becomes the first hour after it. */
    private Instant open(LocalDate day) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    private Instant close(LocalDate day) {
        return ZonedDateTime.of(day, closes, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
