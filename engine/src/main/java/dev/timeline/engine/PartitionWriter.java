package dev.timeline.engine;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandStages;
import dev.timeline.engine.state.Outcomes;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.engine.state.Watermark;
import dev.timeline.engine.status.ErrorLog;
import dev.timeline.engine.status.PartitionCounters;
import dev.timeline.journal.Journal;
import dev.timeline.journal.JournalFullException;
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
 * The single writer of a partition, run as an agent duty cycle: fan out the tweets other partitions
 * delivered; drain a batch of commands from the inbox; for each, check it against the state, append
 * it to the journal and apply it, the timeline writes of posts and deliveries in groups
 * ({@link TimelineStateMachine#beginBatch}); then, once per batch, sync the journal if configured and
 * hand the batch's posts on to every other partition, one message each. Outcomes are given in order once
 * what they report is visible everywhere (group commit): nothing is acknowledged before it is in the
 * journal, and no post before every partition has delivered it.
 */
final class PartitionWriter implements Agent, MessageHandler
{
    private static final int BATCH_LIMIT = 256;
    private static final long NO_TARGET = -1;
    /** How long after a snapshot that could not be written (a full disk) the next is tried. */
    private static final long SNAPSHOT_RETRY_MS = 10_000;

    private final int partition;
    private final RingBuffer inbox;
    private final DeliveryInboxes deliveries;
    private final WriterWakeups wakeups;
    private final RingBuffer deliveryInbox;
    private final MessageHandler deliveryHandler = this::onDelivery;
    private final DeliveryBatch handedOn;
    private final int deliveryReadLimit;
    private final Journal journal;
    private final TimelineStateMachine machine;
    private final PartitionState state;
    private final Watermark watermark;
    private final SendProgress sendProgress;
    private final AckSlots acks;
    private final PendingAcks pendingAcks;
    private final BatchIds ids;
    private final EpochClock epochClock;
    private final ErrorLog errorLog;
    private final boolean syncEachBatch;
    private final PartitionCounters counters;
    private final Snapshots snapshots;
    private final SnapshotRounds snapshotRounds;
    private final long snapshotInterval;
    private final String roleName;
    private final long[] producerPositions;

    private long visibleTarget = NO_TARGET;
    private long snapshotRound;
    private boolean sending;
    private long batchMark;
    private long now;
    private long countersPublishedAt;
    private long journalIndex;
    private long journalEvents;
    private long snapshotIndex;
    private long snapshotEventsAt;
    private long snapshotRetryAt;

    /**
     * The writer of {@code partition}, which {@code replay} recovered, with the parts every writer of
     * the engine shares in {@code context}.
     */
    PartitionWriter(
        final WriterContext context, final Partition partition, final Snapshots snapshots, final JournalReplay replay)
    {
        this.partition = partition.index;
        inbox = partition.inbox;
        deliveries = context.deliveries();
        wakeups = context.wakeups();
        deliveryInbox = deliveries.inbox(this.partition);
        handedOn = new DeliveryBatch(this.partition, Math.min(BATCH_LIMIT, deliveries.maxTweetsPerMessage()));
        deliveryReadLimit = Math.max(1, deliveries.partitions() - 1);
        journal = partition.journal;
        machine = partition.machine;
        state = machine.state();
        watermark = context.watermark();
        sendProgress = context.sendProgress();
        acks = partition.acks;
        pendingAcks = new PendingAcks(context.maxInFlight());
        ids = new BatchIds(context.idClock(), context.partitioner(), this.partition);
        epochClock = context.epochClock();
        errorLog = context.errorLog();
        syncEachBatch = context.syncEachBatch();
        counters = new PartitionCounters(context.counters(), context.callerCounts(), context.gate(), this.partition);
        this.snapshots = snapshots;
        snapshotRounds = context.snapshotRounds();
        snapshotInterval = context.snapshotInterval();
        producerPositions = new long[deliveries.partitions()];
        journalIndex = replay.lastIndex();
        journalEvents = replay.journalEvents();
        snapshotIndex = replay.lastIndex();
        snapshotEventsAt = journalEvents;
        roleName = TimelineEngine.WRITER_THREAD_PREFIX + this.partition;
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
        if (snapshotRounds.requested() > snapshotRound)
        {
            joinSnapshotRound();
        }
        machine.beginBatch();
        int work = drainDeliveries();
        final int commands = inbox.read(this, BATCH_LIMIT);
        machine.endBatch();
        if (commands > 0)
        {
            finishBatch();
        }
        work += commands;
        advanceWatermark();
        work += pendingAcks.completeVisible(acks, watermark.visibleIdAcquire());
        if (snapshotInterval > 0 && journalEvents - snapshotEventsAt >= snapshotInterval && now >= snapshotRetryAt)
        {
            snapshotRounds.request(snapshotRound);
            wakeups.wakeOthers(partition);
        }
        if (now != countersPublishedAt)
        {
            publishCounters();
        }
        return work;
    }

    /**
     * On the closing thread, once the duty cycle stopped and nothing is in flight between
     * partitions: gives what is left to give and publishes the final counters.
     */
    void finish()
    {
        state.takeOwnership();
        while (doWork() > 0 || !pendingAcks.isEmpty())
        {
            Thread.onSpinWait();
        }
        publishCounters();
    }

    /** Between batches: snapshots with every other partition, unless the engine closes meanwhile. */
    private void joinSnapshotRound()
    {
        snapshotRound++;
        if (snapshotRounds.join(snapshotRound, this::drainDeliveries))
        {
            snapshot(snapshotRounds.epoch(snapshotRound));
        }
    }

    /**
     * Writes snapshot {@code epoch}; on the owning thread, at a point where no delivery to or from
     * this partition is in flight. A single partition skips it if nothing was journaled since its
     * last one; one of several never does, as deliveries from the others changed it. One that cannot
     * be written, for a full disk, leaves the previous one in place and is tried again later.
     */
    void snapshot(final long epoch)
    {
        if (journalIndex == snapshotIndex && producerPositions.length == 1)
        {
            return;
        }
        try
        {
            snapshots.write(state, epoch, journalIndex, journalEvents);
            counters.snapshotWritten(epochClock.time());
            snapshotIndex = journalIndex;
            snapshotEventsAt = journalEvents;
        }
        catch (final IOException | RuntimeException error)
        {
            errorLog.onError(error);
            snapshotRetryAt = epochClock.time() + SNAPSHOT_RETRY_MS;
        }
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
        if (CommandStages.ENABLED)
        {
            acks.stamp(slot, CommandStages.PICKED_UP);
        }
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
        catch (final JournalFullException full)
        {
            counters.diskRefusal();
            pendingAcks.refuse(slot, Outcomes.DISK_FULL, full.getMessage());
        }
        catch (final Throwable error)
        {
            errorLog.onError(error);
            pendingAcks.add(slot, Outcomes.FAILED, 0, 0);
        }
    }

    private void onDelivery(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int source = buffer.getInt(index + DeliveryLayout.SOURCE_OFFSET);
        for (int entry = 0, count = buffer.getInt(index + DeliveryLayout.COUNT_OFFSET); entry < count; entry++)
        {
            final int at = DeliveryLayout.entryOffset(index, entry);
            try
            {
                machine.deliverRemote(
                    source,
                    buffer.getLong(at + DeliveryLayout.ID_OFFSET),
                    buffer.getLong(at + DeliveryLayout.AUTHOR_OFFSET),
                    buffer.getInt(at + DeliveryLayout.TWEET_OFFSET));
            }
            catch (final Throwable error)
            {
                errorLog.onError(error);
            }
        }
        // The ring releases the message when this returns, and a released delivery counts as made for the watermark.
        machine.deliverWaiting();
    }

    /** Fans out what the other partitions delivered: a batch of each, as they send one batch at a time. */
    private int drainDeliveries()
    {
        return deliveryInbox == null ? 0 : deliveryInbox.read(deliveryHandler, deliveryReadLimit);
    }

    private void follow(final long follower, final long followee, final int slot)
    {
        if (!machine.isFollowing(follower, followee))
        {
            journalIndex = journal.appendFollow(now, follower, followee);
            journalEvents++;
            machine.follow(follower, followee);
            counters.follow();
        }
        pendingAcks.add(slot, Outcomes.OK, Outcomes.NO_VALUE, 0);
    }

    private void unfollow(final long follower, final long followee, final int slot)
    {
        if (machine.isFollowing(follower, followee))
        {
            journalIndex = journal.appendUnfollow(now, follower, followee);
            journalEvents++;
            machine.unfollow(follower, followee);
            counters.unfollow();
        }
        pendingAcks.add(slot, Outcomes.OK, Outcomes.NO_VALUE, 0);
    }

    private void post(final DirectBuffer buffer, final int index, final int length, final int slot)
    {
        final int textLength = length - TEXT_OFFSET;
        try
        {
            machine.reservePost(textLength);
        }
        catch (final MemoryLimitException refused)
        {
            counters.memoryRefusal();
            pendingAcks.refuse(
                slot, refused.isProcessLimit() ? Outcomes.PROCESS_MEMORY_LIMIT : Outcomes.ENGINE_MEMORY_LIMIT,
                refused.getMessage());
            return;
        }
        if (!sending)
        {
            sendProgress.open(partition);
            sending = true;
        }
        final long author = buffer.getLong(index + FIRST_OFFSET);
        final long id = ids.next(now);
        journalIndex = journal.appendPost(now, id, author, buffer, index + TEXT_OFFSET, textLength);
        journalEvents++;
        if (CommandStages.ENABLED)
        {
            acks.stamp(slot, CommandStages.JOURNALED);
        }
        final int tweet = machine.post(id, author, buffer, index + TEXT_OFFSET, textLength);
        counters.post();
        handOn(id, author, tweet);
        if (CommandStages.ENABLED)
        {
            acks.stamp(slot, CommandStages.APPLIED);
        }
        pendingAcks.add(slot, Outcomes.OK, id, id);
    }

    /** Adds the tweet to the batch's tweets for the other partitions, handing them on if it is full. */
    private void handOn(final long id, final long author, final int tweet)
    {
        if (deliveryInbox != null)
        {
            if (handedOn.isFull())
            {
                flushHandedOn();
            }
            handedOn.add(id, author, tweet);
        }
    }

    /**
     * Puts the tweets to hand on in every other partition's delivery inbox, one message each, and wakes
     * its writer, fanning out what they sent while one is full.
     */
    private void flushHandedOn()
    {
        if (handedOn.isEmpty())
        {
            return;
        }
        for (int target = 0; target < producerPositions.length; target++)
        {
            if (target != partition)
            {
                while (!deliveries.offer(target, handedOn))
                {
                    if (drainDeliveries() == 0)
                    {
                        Thread.onSpinWait();
                    }
                }
                wakeups.wake(target);
            }
        }
        handedOn.clear();
    }

    private void delete(final long id, final int slot)
    {
        final int tweet = machine.findLiveTweet(id);
        if (tweet < 0)
        {
            pendingAcks.add(slot, Outcomes.TWEET_NOT_FOUND, id, 0);
            return;
        }
        journalIndex = journal.appendDelete(now, id);
        journalEvents++;
        machine.delete(tweet);
        counters.delete();
        pendingAcks.add(slot, Outcomes.OK, Outcomes.NO_VALUE, 0);
    }

    /**
     * Raises the watermark to what every partition has handed on, once every partition has fanned
     * out what was in its delivery inbox at that point: sampled here, checked on later cycles. Wakes
     * the other writers then, whose acknowledgements may wait for it.
     */
    private void advanceWatermark()
    {
        if (visibleTarget == NO_TARGET)
        {
            final long sent = sendProgress.sentThrough();
            if (sent <= watermark.visibleIdAcquire())
            {
                return;
            }
            deliveries.producerPositions(producerPositions);
            visibleTarget = sent;
        }
        if (deliveries.consumedUpTo(producerPositions))
        {
            watermark.advanceTo(visibleTarget);
            visibleTarget = NO_TARGET;
            wakeups.wakeOthers(partition);
        }
    }

    private void publishCounters()
    {
        countersPublishedAt = now;
        counters.publish(state, inbox.size(), journalIndex, now);
    }

    /** Syncs the journal if configured, then lets the batch's posts count as handed on. */
    private void finishBatch()
    {
        if (syncEachBatch)
        {
            try
            {
                journal.sync();
            }
            catch (final RuntimeException error)
            {
                errorLog.onError(error);
                pendingAcks.failSince(batchMark, Outcomes.NOT_SYNCED);
            }
        }
        batchMark = pendingAcks.mark();
        if (sending)
        {
            flushHandedOn();
            ids.endBatch();
            sendProgress.close(partition);
            sending = false;
        }
    }
}
