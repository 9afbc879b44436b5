package dev.timeline.cli;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a load counts as having held its rate, and what it says when it did not. */
class LoadResultTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final LoadPlan PLAN = new LoadPlan(1000, new RequestMix(1, 0), 1, 0, 1, 100 * MS);

    @Test
    void heldWhenEveryRequestWentOutInTime()
    {
        final LoadResult result = result(0, 0, 100 * MS, 0);
        assertTrue(result.held());
        assertEquals("", result.shortfall());
    }

    @Test
    void notHeldWhenARequestWentOutTooLateEvenIfTheScheduleCaughtUp()
    {
        final LoadResult result = result(0, 0, 334 * MS, 0);
        assertFalse(result.held());
        assertEquals("requests went out up to 334 ms late (allowed 100 ms), the last one 0.0 µs late", result.shortfall());
    }

    @Test
    void notHeldWhenRequestsWereGivenUpOrPostsTurnedAway()
    {
        final LoadResult result = result(12, 3, 2000 * MS, 1500 * MS);
        assertFalse(result.held());
        assertEquals("12 of 1,000 requests were still unsent a run's length after the end, and were given up; " +
            "requests went out up to 2,000 ms late (allowed 100 ms), the last one 1,500 ms late; " +
            "3 posts were turned away by a full inbox", result.shortfall());
    }

    @Test
    void notHeldWhenTheLoadGeneratorsOwnWorkCannotKeepUp()
    {
        final SenderTime slow = new SenderTime(1000, 1000 * 2 * MS, 0, 2 * TimeUnit.SECONDS.toNanos(1));
        final LoadResult result = new LoadResult(PLAN, new Histogram(3), new Histogram(3), 1000, 0, 0, 0, 0,
            TimeUnit.SECONDS.toNanos(1), slow);
        assertFalse(result.generatorKeptUp());
        assertFalse(result.held());
        assertEquals("the load generator fell behind by itself: its own work takes 2,000 µs a request, for at most " +
            "500 requests/s a thread; add --threads", result.shortfall());
    }

    private static LoadResult result(final long unsent, final long rejected, final long maxLag, final long lagAtEnd)
    {
        return new LoadResult(PLAN, new Histogram(3), new Histogram(3), 1000, unsent, rejected, maxLag, lagAtEnd,
            TimeUnit.SECONDS.toNanos(1), new SenderTime(1000, 1000 * 200, 0, TimeUnit.SECONDS.toNanos(1)));
    }
}
