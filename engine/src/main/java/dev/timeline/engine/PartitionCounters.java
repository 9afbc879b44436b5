package dev.timeline.engine;

import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.DirectMemory;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.EngineCounters;

/**
 * One writer's share of the engine's counters file: its own counts, added to the shared counters as
 * the change since it last published, so the writers of every partition publish without talking to
 * each other. The engine-wide figures (reads, rejections, errors, the journal index and the
 * heartbeat) come from the first partition's writer. Writer only.
 */
final class PartitionCounters
{
    long posts;
    long follows;
    long unfollows;
    long deletes;
    long memoryRefusals;
    long diskRefusals;

    private final EngineCounters counters;
    private final CallerCounts callerCounts;
    private final CommandGate gate;
    private final boolean reportsEngine;
    private final long[] published = new long[Counter.values().length];

    PartitionCounters(
        final EngineCounters counters, final CallerCounts callerCounts, final CommandGate gate, final int partition)
    {
        this.counters = counters;
        this.callerCounts = callerCounts;
        this.gate = gate;
        reportsEngine = partition == 0;
    }

    void publish(
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
            counters.set(Counter.HOME_READS, callerCounts.homeReads.sum());
            counters.set(Counter.TWEET_READS, callerCounts.tweetReads.sum());
            counters.set(Counter.REJECTED_INBOX_FULL, gate.inboxFull());
            counters.set(Counter.REJECTED_IN_FLIGHT, gate.inFlight());
            counters.set(Counter.DIRECT_MEMORY, DirectMemory.used());
            counters.set(Counter.DIRECT_MEMORY_LIMIT, DirectMemory.limit());
            counters.set(Counter.JOURNAL_INDEX, journalIndex);
            counters.set(Counter.HEARTBEAT, now);
        }
    }

    void snapshotWritten(final long time)
    {
        counters.set(Counter.LAST_SNAPSHOT, time);
    }

    private void share(final Counter counter, final long value)
    {
        counters.add(counter, value - published[counter.ordinal()]);
        published[counter.ordinal()] = value;
    }
}
