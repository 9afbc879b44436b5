package dev.timeline.engine;

import dev.timeline.journal.Journal;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;

import static dev.timeline.engine.CommandLayout.DELETE;
import static dev.timeline.engine.CommandLayout.FIRST_OFFSET;
import static dev.timeline.engine.CommandLayout.FOLLOW;
import static dev.timeline.engine.CommandLayout.POST;
import static dev.timeline.engine.CommandLayout.SECOND_OFFSET;
import static dev.timeline.engine.CommandLayout.SLOT_OFFSET;
import static dev.timeline.engine.CommandLayout.TEXT_OFFSET;
import static dev.timeline.engine.CommandLayout.UNFOLLOW;

/**
 * The single writer of a partition, run as an agent duty cycle: drain a batch of commands from the
 * inbox; for each, check it against the state, append it to the journal and apply it; then, once
 * per batch, sync the journal if configured, publish the watermark, and acknowledge every command
 * of the batch (group commit). Nothing is acknowledged before it is in the journal.
 */
final class PartitionWriter implements Agent, MessageHandler
{
    private static final int BATCH_LIMIT = 256;

    private final RingBuffer inbox;
    private final Journal journal;
    private final EngineState state;
    private final Watermark watermark;
    private final AckSlots acks;
    private final IdClock idClock;
    private final EpochClock epochClock;
    private final ErrorLog errorLog;
    private final boolean syncEachBatch;
    private final EngineCounters counters;
    private final CallerCounts callerCounts;
    private final Snapshots snapshots;
    private final long snapshotInterval;
    private final String roleName;

    private final int[] pendingSlots = new int[BATCH_LIMIT];
    private final int[] pendingOutcomes = new int[BATCH_LIMIT];
    private final long[] pendingValues = new long[BATCH_LIMIT];
    private int pending;
    private long now;
    private long countersPublishedAt;
    private long posts;
    private long follows;
    private long unfollows;
    private long deletes;
    private long journalIndex;
    private long journalEvents;
    private long snapshotIndex;
    private long snapshotEventsAt;
    private long snapshotTime;

    PartitionWriter(
        final int partition,
        final RingBuffer inbox,
        final Journal journal,
        final EngineState state,
        final Watermark watermark,
        final AckSlots acks,
        final IdClock idClock,
        final EpochClock epochClock,
        final ErrorLog errorLog,
        final boolean syncEachBatch,
        final EngineCounters counters,
        final CallerCounts callerCounts,
        final Snapshots snapshots,
        final long snapshotInterval,
        final Recovery recovery)
    {
        this.inbox = inbox;
        this.journal = journal;
        this.state = state;
        this.watermark = watermark;
        this.acks = acks;
        this.idClock = idClock;
        this.epochClock = epochClock;
        this.errorLog = errorLog;
        this.syncEachBatch = syncEachBatch;
        this.counters = counters;
        this.callerCounts = callerCounts;
        this.snapshots = snapshots;
        this.snapshotInterval = snapshotInterval;
        journalIndex = recovery.lastIndex();
        journalEvents = recovery.journalEvents();
        snapshotIndex = recovery.lastIndex();
        snapshotEventsAt = journalEvents;
        roleName = "timeline-writer-" + partition;
    }

    @Override
    public void onStart()
    {
        state.takeOwnership();
    }

    @Override
    public int doWork()
    {
        now = epochClock.time();
        final int commands = inbox.read(this, BATCH_LIMIT);
        if (commands > 0)
        {
            finishBatch();
        }
        if (snapshotInterval > 0 && journalEvents - snapshotEventsAt >= snapshotInterval)
        {
            snapshot();
        }
        if (now != countersPublishedAt)
        {
            publishCounters();
        }
        return commands;
    }

    /**
     * On the closing thread, after the duty cycle stopped: applies and acknowledges what is left,
     * writes a snapshot if anything changed since the last, and publishes the final counters.
     */
    void finish()
    {
        state.takeOwnership();
        while (doWork() > 0)
        {
            Thread.onSpinWait();
        }
        snapshot();
        publishCounters();
    }

    /** Writes a snapshot if anything was journaled since the last one; on the owning thread. */
    private void snapshot()
    {
        if (journalIndex == snapshotIndex)
        {
            return;
        }
        try
        {
            snapshots.write(state, journalIndex, journalEvents);
            snapshotTime = epochClock.time();
        }
        catch (final IOException | RuntimeException error)
        {
            errorLog.record(error);
        }
        snapshotIndex = journalIndex;
        snapshotEventsAt = journalEvents;
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int slot = buffer.getInt(index + SLOT_OFFSET);
        try
        {
            switch (type)
            {
                case FOLLOW -> follow(buffer.getLong(index + FIRST_OFFSET), buffer.getLong(index + SECOND_OFFSET), slot);
                case UNFOLLOW -> unfollow(
                    buffer.getLong(index + FIRST_OFFSET), buffer.getLong(index + SECOND_OFFSET), slot);
                case POST -> post(buffer, index, length, slot);
                case DELETE -> delete(buffer.getLong(index + FIRST_OFFSET), slot);
                default -> throw new IllegalStateException("unknown command type " + type);
            }
        }
        catch (final Throwable error)
        {
            errorLog.record(error);
            acknowledgeLater(slot, AckSlots.FAILED, 0);
        }
    }

    private void follow(final long follower, final long followee, final int slot)
    {
        if (!state.isFollowing(follower, followee))
        {
            journalIndex = journal.appendFollow(now, follower, followee);
            journalEvents++;
            state.follow(follower, followee);
            follows++;
        }
        acknowledgeLater(slot, AckSlots.OK, Outcomes.NO_VALUE);
    }

    private void unfollow(final long follower, final long followee, final int slot)
    {
        if (state.isFollowing(follower, followee))
        {
            journalIndex = journal.appendUnfollow(now, follower, followee);
            journalEvents++;
            state.unfollow(follower, followee);
            unfollows++;
        }
        acknowledgeLater(slot, AckSlots.OK, Outcomes.NO_VALUE);
    }

    private void post(final DirectBuffer buffer, final int index, final int length, final int slot)
    {
        final long author = buffer.getLong(index + FIRST_OFFSET);
        final long id = idClock.next(now);
        final int textLength = length - TEXT_OFFSET;
        journalIndex = journal.appendPost(now, id, author, buffer, index + TEXT_OFFSET, textLength);
        journalEvents++;
        state.post(id, author, buffer, index + TEXT_OFFSET, textLength);
        posts++;
        acknowledgeLater(slot, AckSlots.OK, id);
    }

    private void delete(final long id, final int slot)
    {
        final int tweet = state.findLiveTweet(id);
        if (tweet < 0)
        {
            acknowledgeLater(slot, AckSlots.TWEET_NOT_FOUND, id);
            return;
        }
        journalIndex = journal.appendDelete(now, id);
        journalEvents++;
        state.delete(tweet);
        deletes++;
        acknowledgeLater(slot, AckSlots.OK, Outcomes.NO_VALUE);
    }

    private void publishCounters()
    {
        countersPublishedAt = now;
        counters.set(Counter.POSTS, posts);
        counters.set(Counter.FOLLOWS, follows);
        counters.set(Counter.UNFOLLOWS, unfollows);
        counters.set(Counter.DELETES, deletes);
        counters.set(Counter.DELIVERIES, state.deliveries());
        counters.set(Counter.HOME_READS, callerCounts.homeReads.sum());
        counters.set(Counter.TWEET_READS, callerCounts.tweetReads.sum());
        counters.set(Counter.INBOX_DEPTH, inbox.size());
        counters.set(Counter.REJECTIONS, callerCounts.rejections.sum());
        counters.set(Counter.ERRORS, errorLog.count());
        counters.set(Counter.JOURNAL_INDEX, journalIndex);
        counters.set(Counter.USERS, state.users.size());
        counters.set(Counter.LIVE_TWEETS, state.tweets.count() - state.tweets.deletedCount());
        counters.set(Counter.HEARTBEAT, now);
        counters.set(Counter.LAST_SNAPSHOT, snapshotTime);
    }

    private void acknowledgeLater(final int slot, final int outcome, final long value)
    {
        pendingSlots[pending] = slot;
        pendingOutcomes[pending] = outcome;
        pendingValues[pending++] = value;
    }

    private void finishBatch()
    {
        boolean synced = true;
        if (syncEachBatch)
        {
            try
            {
                journal.sync();
            }
            catch (final RuntimeException error)
            {
                errorLog.record(error);
                synced = false;
            }
        }
        watermark.publish(state.lastTweetId());
        for (int i = 0; i < pending; i++)
        {
            acks.complete(pendingSlots[i], synced ? pendingOutcomes[i] : AckSlots.NOT_SYNCED, pendingValues[i]);
        }
        pending = 0;
    }
}
