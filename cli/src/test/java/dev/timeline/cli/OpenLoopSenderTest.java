package dev.timeline.cli;

import dev.timeline.engine.RejectedException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule and the latencies of one sending thread, on a clock the test moves. */
class OpenLoopSenderTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final FakeClock clock = new FakeClock();
    private final PostOutcomes posts = new PostOutcomes(clock);

    @Test
    void aStalledReadDoesNotReduceTheRequestsSentAndEveryRequestItHeldUpCountsTheDelay()
    {
        final FakeRequests requests = new FakeRequests().stallOnRead(10, 100 * MS);
        final OpenLoopSender sender = sender(1000, new RequestMix(1, 0), requests, new LoadWindow(0, SECOND, 2 * SECOND));

        sender.run();

        assertEquals(1000, requests.reads, "one request a millisecond for a second, stall or not");
        assertEquals(1000, sender.measured());
        assertEquals(0, sender.unsent());
        final Histogram latency = sender.intervalReadLatency();
        assertEquals(1000, latency.getTotalCount());
        assertEquals(100 * MS, latency.getMaxValue(), latency.getMaxValue() / 1000.0, "the stalled read itself");
        assertEquals(100, latency.getCountBetweenValues(MS / 2, 101 * MS),
            "read 10 and the 99 due during its stall, which went out when it ended");
        assertEquals(5050 * MS / 1000.0, latency.getMean(), latency.getMean() / 500,
            "their delays, 100 + 99 + ... + 1 ms, over the 1,000 reads");
        assertEquals(99 * MS, sender.maxLagNanos(), "read 11 went out 99 ms late");
        assertEquals(0, sender.lagAtEndNanos(), "caught up by the end");
        final SenderTime time = sender.time();
        assertEquals(1000, time.requests());
        assertEquals(100 * MS, time.requestNanos(), "the stall was the request's, not the generator's");
        assertEquals(0, time.ownNanos(), "the generator's own work took no time on this clock");
        assertEquals(999 * MS, time.runningNanos(), "from the first request, due at 0, to the last, due at 999 ms");
    }

    @Test
    void aPostIsTimedFromItsScheduledTimeToItsAcknowledgement()
    {
        final FakeRequests requests = new FakeRequests();
        final OpenLoopSender sender = sender(1000, new RequestMix(0, 1), requests, new LoadWindow(0, 3 * MS, SECOND));

        sender.run();
        assertEquals(3, requests.posts.size(), "posts due at 0, 1 and 2 ms, sent without waiting for acknowledgements");
        assertEquals(2 * MS, clock.nanoTime());
        clock.advance(5 * MS);
        requests.posts.forEach(post -> post.complete(null));

        final Histogram latency = posts.intervalLatency();
        assertEquals(3, latency.getTotalCount());
        assertEquals(7 * MS, latency.getMaxValue(), 7 * MS / 1000.0, "the first, due at 0, acknowledged at 7 ms");
        assertEquals(5 * MS, latency.getMinValue(), 5 * MS / 1000.0, "the last, due at 2 ms");
        assertTrue(posts.allSettled());
        assertEquals(7 * MS, posts.lastAcknowledgedNanos());
    }

    @Test
    void aRejectedPostIsCountedAndNotTimed()
    {
        final FakeRequests requests = new FakeRequests();
        final OpenLoopSender sender = sender(1000, new RequestMix(0, 1), requests, new LoadWindow(0, 2 * MS, SECOND));

        sender.run();
        requests.posts.get(0).complete(null);
        requests.posts.get(1).completeExceptionally(new RejectedException("inbox full"));

        assertEquals(1, posts.intervalLatency().getTotalCount());
        assertEquals(1, posts.rejected());
        assertTrue(posts.allSettled());
        assertEquals(null, posts.failure());
    }

    @Test
    void requestsDueInTheWarmUpAreSentButNotMeasured()
    {
        final FakeRequests requests = new FakeRequests();
        final OpenLoopSender sender = sender(1000, new RequestMix(3, 1), requests, new LoadWindow(SECOND, 2 * SECOND, 3 * SECOND));

        sender.run();
        requests.posts.forEach(post -> post.complete(null));

        assertEquals(2000, requests.reads + requests.posts.size(), "two seconds' worth sent");
        assertEquals(1000, sender.measured());
        assertEquals(750, sender.intervalReadLatency().getTotalCount(), "the second second's reads only");
        assertEquals(250, posts.intervalLatency().getTotalCount(), "the second second's posts only");
    }

    @Test
    void aSenderStillBehindAtTheGiveUpTimeCountsWhatItDidNotSend()
    {
        final FakeRequests requests = new FakeRequests().stallOnRead(500, 2 * SECOND);
        final OpenLoopSender sender = sender(1000, new RequestMix(1, 0), requests, new LoadWindow(0, SECOND, 2 * SECOND));

        sender.run();

        assertEquals(501, requests.reads, "reads 0 to 500; then the clock was past the give-up time");
        assertEquals(499, sender.unsent());
        assertEquals(1000, sender.measured());
        assertEquals(2 * SECOND + 500 * MS - 501 * MS, sender.lagAtEndNanos(), "read 501 was due at 501 ms");
    }

    @Test
    void senderThreadsInterleavedShareTheRate()
    {
        final Schedule whole = new Schedule(0, 3000);
        final Schedule first = new Schedule(0, 1000);
        final Schedule second = new Schedule(whole.intendedNanos(1), 1000);
        final Schedule third = new Schedule(whole.intendedNanos(2), 1000);
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(whole.intendedNanos(3 * i), first.intendedNanos(i), 1);
            assertEquals(whole.intendedNanos(3 * i + 1), second.intendedNanos(i), 1);
            assertEquals(whole.intendedNanos(3 * i + 2), third.intendedNanos(i), 1);
        }
        assertEquals(3000, whole.countBefore(SECOND));
        assertEquals(3001, whole.countBefore(SECOND + 1));
        assertEquals(0, whole.countBefore(0));
    }

    private OpenLoopSender sender(
        final long perSecond, final RequestMix mix, final FakeRequests requests, final LoadWindow window)
    {
        return new OpenLoopSender(clock, new Schedule(0, perSecond), mix, requests, posts, window);
    }

    /** Reads that take no time but for one stall, and posts acknowledged when the test says. */
    private final class FakeRequests implements LoadRequests
    {
        final List<CompletableFuture<Object>> posts = new ArrayList<>();
        int reads;
        private int stalledRead = -1;
        private long stallNanos;

        FakeRequests stallOnRead(final int read, final long nanos)
        {
            stalledRead = read;
            stallNanos = nanos;
            return this;
        }

        @Override
        public void read()
        {
            if (reads++ == stalledRead)
            {
                clock.advance(stallNanos);
            }
        }

        @Override
        public CompletableFuture<?> post()
        {
            final CompletableFuture<Object> post = new CompletableFuture<>();
            posts.add(post);
            return post;
        }
    }
}
