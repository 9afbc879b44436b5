package dev.timeline.engine.status;

import java.util.concurrent.atomic.LongAdder;

/**
 * Reads counted by caller threads, striped so that readers on many threads do not contend on one
 * cache line. A {@link PartitionCounters} publishes their sums to the counters file. Any thread.
 */
public final class CallerCounts
{
    private final LongAdder homeReads = new LongAdder();
    private final LongAdder tweetReads = new LongAdder();

    /** Counts a read of a home timeline. */
    public void homeRead()
    {
        homeReads.increment();
    }

    /** Counts a read of a user's own tweets. */
    public void tweetRead()
    {
        tweetReads.increment();
    }

    long homeReads()
    {
        return homeReads.sum();
    }

    long tweetReads()
    {
        return tweetReads.sum();
    }
}
