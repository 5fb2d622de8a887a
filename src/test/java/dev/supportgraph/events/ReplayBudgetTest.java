package dev.supportgraph.events;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("pure")
class ReplayBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void pagesAreSpacedSoThatTheRateHoldsAcrossReplays() {
        ReplayBudget budget = new ReplayBudget(1000);
        assertEquals(0, budget.reserve(500, 0), "the first page goes at once");
        assertEquals(SECOND / 2, budget.reserve(500, 0), "the next waits for the first one's half second");
        assertEquals(SECOND / 2, budget.reserve(100, SECOND / 2), "a third one read later waits for both");
        assertEquals(0, budget.reserve(500, 2 * SECOND), "after a pause, no debt and no saved-up burst");
        assertEquals(SECOND / 2, budget.reserve(1, 2 * SECOND));
    }

    @Test
    void zeroMeansUnbounded() {
        ReplayBudget budget = new ReplayBudget(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, budget.reserve(10_000, 0));
        }
    }
}
