package dev.timeline.engine;

import dev.timeline.engine.state.Partitioner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues tweet ids (see {@link TweetIds}): each larger than every id issued or recovered before,
 * at least the first id of the current millisecond, and naming the issuing partition (see
 * {@link Partitioner#ofTweet}). Thread-safe: the partitions of an engine share one clock, which is
 * what keeps ids in real-time order across them.
 */
final class IdClock
{
    private final AtomicLong last = new AtomicLong();
    private final Partitioner partitioner;

    IdClock(final Partitioner partitioner)
    {
        this.partitioner = partitioner;
    }

    /**
     * Issues {@code count} new ids for tweets of {@code partition} with one compare-and-set: the
     * returned id and the {@code count - 1} ids after it that name the partition, each the partition
     * count apart.
     */
    long issue(final long nowMillis, final int partition, final int count)
    {
        final long floor = TweetIds.firstIdAt(nowMillis);
        final long span = (long)(count - 1) * partitioner.count();
        while (true)
        {
            final long previous = last.get();
            final long first = partitioner.alignUp(Math.max(previous + 1, floor), partition);
            if (last.compareAndSet(previous, first + span))
            {
                return first;
            }
        }
    }

    /** The largest id issued or advanced to so far; every later id is above it. */
    long current()
    {
        return last.get();
    }

    /** Never issue {@code id} or anything below it. */
    void advanceTo(final long id)
    {
        last.accumulateAndGet(id, Math::max);
    }
}
