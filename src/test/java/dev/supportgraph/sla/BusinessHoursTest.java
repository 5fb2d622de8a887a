package dev.supportgraph.sla;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Business-time arithmetic without a database: weekends, holidays and a daylight-saving change (Zurich, 31 March 2030). */
@Tag("pure")
class BusinessHoursTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final BusinessHours OFFICE = new BusinessHours(ZURICH, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    private static Instant at(String local) {
        return OffsetDateTime.parse(local).toInstant();
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 15:00 CET + 4 h: 2 h on Friday, 2 h on Monday (a week before the change).
        assertEquals(at("2030-03-25T11:00+01:00"), OFFICE.plus(at("2030-03-22T15:00+01:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(4), OFFICE.between(at("2030-03-22T15:00+01:00"), at("2030-03-25T11:00+01:00")));
        assertEquals(Duration.ZERO, OFFICE.between(at("2030-03-23T10:00+01:00"), at("2030-03-24T16:00+01:00")), "a whole weekend");
    }

    @Test
    void outsideHoursTheClockWaitsForTheNextOpening() {
        assertEquals(at("2030-03-26T10:30+01:00"), OFFICE.plus(at("2030-03-25T20:00+01:00"), Duration.ofMinutes(90)));
        assertEquals(Duration.ofHours(8), OFFICE.between(at("2030-03-26T06:00+01:00"), at("2030-03-26T23:00+01:00")));
    }

    @Test
    void theDaylightSavingChangeMovesTheInstantsNotTheLocalHours() {
        // Friday 16:00 CET + 4 h: 1 h on Friday, 3 h on Monday, which opens at 09:00 CEST (07:00 UTC, not 08:00).
        Instant due = OFFICE.plus(at("2030-03-29T16:00+01:00"), Duration.ofHours(4));
        assertEquals(at("2030-04-01T12:00+02:00"), due);
        assertEquals(Instant.parse("2030-04-01T10:00:00Z"), due);
        assertEquals(Duration.ofHours(4), OFFICE.between(at("2030-03-29T16:00+01:00"), due));
        // Hours that span the change on the day itself last what the wall clock says: 01:00-04:00 is two hours.
        BusinessHours night = new BusinessHours(ZURICH, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(4, 0), Set.of());
        assertEquals(Duration.ofHours(2), night.between(at("2030-03-31T00:00+01:00"), at("2030-03-31T12:00+02:00")));
    }

    @Test
    void aHolidayIsSkippedLikeAWeekend() {
        BusinessHours easter = new BusinessHours(ZURICH, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(LocalDate.of(2030, 4, 1)));
        assertEquals(at("2030-04-02T12:00+02:00"), easter.plus(at("2030-03-29T16:00+01:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(1), easter.between(at("2030-03-29T16:00+01:00"), at("2030-04-02T09:00+02:00")));
    }

    @Test
    void goingBackFindsWhenTheWorkingTimeBegan() {
        assertEquals(at("2030-03-29T16:00+01:00"), OFFICE.plus(at("2030-04-01T12:00+02:00"), Duration.ofHours(-4)));
        assertEquals(at("2030-03-26T10:00+01:00"), OFFICE.plus(at("2030-03-26T10:00+01:00"), Duration.ZERO));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(ZURICH, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(ZURICH, WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()));
    }
}
