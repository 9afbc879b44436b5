package dev.timeline.engine.status;

import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.DirectMemory;
import dev.timeline.engine.state.PartitionState;

/**
 * One partition's share of the counters file, kept by the thread that applies its commands (an
 * embedded writer, or a cluster member's service): its own counts, added to the shared counters as
 * the change since it last published, so the writers of every partition publish without talking to
 * each other. The engine-wide figures (reads, rejections, direct memory, the journal index and the
 * heartbeat) come from the first partition's. Applying thread only.
 */
public final class PartitionCounters
{
    private long posts;
    private long follows;
    private long unfollows;
    private long deletes;
    private long memoryRefusals;
    private long diskRefusals;

    private final EngineCounters counters;
    private final CallerCounts callerCounts;
    private final CommandGate gate;
    private final boolean reportsEngine;
    private final long[] published = new long[Counter.values().length];

    /**
     * @param callerCounts the reads of the engine or node this partition belongs to.
     * @param gate         the gate its callers pass, which counts their rejections.
     */
    public PartitionCounters(
        final EngineCounters counters, final CallerCounts callerCounts, final CommandGate gate, final int partition)
    {
        this.counters = counters;
        this.callerCounts = callerCounts;
        this.gate = gate;
        reportsEngine = partition == 0;
    }

    public void post()
    {
        posts++;
    }

    public void follow()
    {
        follows++;
    }

    public void unfollow()
    {
        unfollows++;
    }

    public void delete()
    {
        deletes++;
    }

    /** Counts a write refused for lack of memory. */
    public void memoryRefusal()
    {
        memoryRefusals++;
    }

    /** Counts a write refused for lack of disk. */
    public void diskRefusal()
    {
        diskRefusals++;
    }

    /**
     * Publishes the counts and {@code state}'s figures.
     *
     * @param journalIndex the journal index of the last event appended, or -1 where there is no journal.
     * @param now          the time, in milliseconds since the epoch: the heartbeat.
     */
    public void publish(
        final PartitionState state, final int inboxDepth, final long journalIndex, final long now)
    {
        share(Counter.POSTS, posts);
        share(Counter.FOLLOWS, follows);
        share(Counter.UNFOLLOWS, unfollows);
        share(Counter.DELETES, deletes);
        share(Counter.DELIVERIES, state.deliveries());
        share(Counter.INBOX_DEPTH, inboxDepth);
        share(Counter.USERS, state.homeUsers());
        share(Counter.LIVE_TWEETS, state.liveTweets());
        share(Counter.REJECTED_MEMORY, memoryRefusals);
        share(Counter.REJECTED_DISK, diskRefusals);
        share(Counter.TIMELINES_SHORTENED, state.timelinesShortened());
        share(Counter.OFF_HEAP, state.offHeapBytes());
        if (reportsEngine)
        {
            counters.set(Counter.HOME_READS, callerCounts.homeReads());
            counters.set(Counter.TWEET_READS, callerCounts.tweetReads());
            counters.set(Counter.REJECTED_INBOX_FULL, gate.inboxFull());
            counters.set(Counter.REJECTED_IN_FLIGHT, gate.inFlight());
            counters.set(Counter.DIRECT_MEMORY, DirectMemory.used());
            counters.set(Counter.DIRECT_MEMORY_LIMIT, DirectMemory.limit());
            counters.set(Counter.JOURNAL_INDEX, journalIndex);
            counters.set(Counter.HEARTBEAT, now);
        }
    }

    /** Notes a snapshot written at {@code time}, in milliseconds since the epoch. */
    public void snapshotWritten(final long time)
    {
        counters.set(Counter.LAST_SNAPSHOT, time);
    }

    private void share(final Counter counter, final long value)
    {
        counters.add(counter, value - published[counter.ordinal()]);
        published[counter.ordinal()] = value;
    }
}
