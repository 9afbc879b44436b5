package dev.timeline.cli;

import dev.timeline.engine.RejectedException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the posts of a load, as their futures complete on whichever thread completes them:
 * the latency of each measured post from its scheduled time to its acknowledgement, the measured posts
 * a full inbox turned away, and the first other failure. Thread-safe.
 */
final class PostOutcomes
{
    private final PacingClock clock;
    private final Recorder latency = new Recorder(3);
    private final LongAdder submitted = new LongAdder();
    private final LongAdder settled = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong lastAcknowledgedNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    PostOutcomes(final PacingClock clock)
    {
        this.clock = clock;
    }

    /**
     * Follows a post submitted for {@code intendedNanos}.
     *
     * @param measured whether its latency counts, or it is part of the warm-up.
     */
    void track(final CompletableFuture<?> post, final long intendedNanos, final boolean measured)
    {
        submitted.increment();
        post.whenComplete((ignore, failure) -> settle(intendedNanos, measured, failure));
    }

    /** Whether every post tracked has been acknowledged or has failed. */
    boolean allSettled()
    {
        return settled.sum() == submitted.sum();
    }

    /** The latencies recorded since the last call, in nanoseconds. */
    Histogram intervalLatency()
    {
        return latency.getIntervalHistogram();
    }

    /** Measured posts turned away by a full inbox. */
    long rejected()
    {
        return rejected.sum();
    }

    /** When the last measured post was acknowledged, {@link Long#MIN_VALUE} before any was. */
    long lastAcknowledgedNanos()
    {
        return lastAcknowledgedNanos.get();
    }

    /** The first failure other than a rejection, or null. */
    Throwable failure()
    {
        return failure.get();
    }

    private void settle(final long intendedNanos, final boolean measured, final Throwable failure)
    {
        if (null == failure)
        {
            if (measured)
            {
                final long now = clock.nanoTime();
                latency.recordValue(now - intendedNanos);
                lastAcknowledgedNanos.accumulateAndGet(now, Math::max);
            }
        }
        else if (failure instanceof RejectedException)
        {
            if (measured)
            {
                rejected.increment();
            }
        }
        else
        {
            this.failure.compareAndSet(null, failure);
        }
        settled.increment();
    }
}
