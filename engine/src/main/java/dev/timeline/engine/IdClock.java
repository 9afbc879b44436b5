package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues tweet ids (see {@link TweetIds}): each larger than every id issued or recovered before,
 * and at least the first id of the current millisecond. Thread-safe, so partitions can share one
 * clock and keep real-time order across them.
 */
final class IdClock
{
    private final AtomicLong last = new AtomicLong();

    long next(final long nowMillis)
    {
        final long floor = TweetIds.firstIdAt(nowMillis);
        while (true)
        {
            final long previous = last.get();
            final long id = Math.max(previous + 1, floor);
            if (last.compareAndSet(previous, id))
            {
                return id;
            }
        }
    }

    /** Never issue {@code id} or anything below it. */
    void advanceTo(final long id)
    {
        last.accumulateAndGet(id, Math::max);
    }
}
