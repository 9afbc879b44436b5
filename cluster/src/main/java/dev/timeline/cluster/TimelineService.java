package dev.timeline.cluster;

import dev.timeline.engine.DiskFullException;
import dev.timeline.engine.MemoryLimitException;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.TweetIds;
import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandChecks;
import dev.timeline.engine.state.Outcomes;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.TimelineReader;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.engine.state.TweetText;
import dev.timeline.engine.state.Watermark;
import dev.timeline.engine.status.PartitionCounters;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.exceptions.StorageSpaceException;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;

import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.timeline.cluster.IngressLayout.CLIENT_OFFSET;
import static dev.timeline.cluster.IngressLayout.FIRST_OFFSET;
import static dev.timeline.cluster.IngressLayout.LIMIT_OFFSET;
import static dev.timeline.cluster.IngressLayout.SECOND_OFFSET;
import static dev.timeline.cluster.IngressLayout.SEQUENCE_OFFSET;
import static dev.timeline.cluster.IngressLayout.TAG_OFFSET;
import static dev.timeline.cluster.IngressLayout.TEXT_OFFSET;
import static dev.timeline.cluster.IngressLayout.TYPE_OFFSET;

/**
 * The timeline state machine as an Aeron Cluster service: every member applies the committed log,
 * in the same order, to the same {@link TimelineStateMachine} the embedded engine's writer feeds,
 * so every member holds the same timelines. Nothing in the apply path reads a clock, a thread or a
 * random number: tweet ids come from the log's time ({@code cluster.time()}), and a write is
 * applied once per client id and sequence ({@link ClientSessions}), answered again with its first
 * outcome when sent again.
 * <p>
 * The answers go out on every member (followers' offers go nowhere). A node's own writes, tagged
 * with its acknowledgement slot, are also handed back on this member once applied here, so its
 * caller returns having its own write in the local replica. A post that the JVM's direct memory
 * cannot take stops this member rather than let it diverge from the others, and so does a data
 * directory whose free space falls to the member's reserve ({@link DiskSpace}), looked at every
 * millisecond, during snapshots too, so that what the archive records there never meets a full disk.
 * <p>
 * Service thread only, but for the reads of the local replica through {@link #reader()}, lock-free
 * from any thread.
 */
final class TimelineService implements ClusteredService
{
    /** What a refused write sent again is told: the first refusal's message is not kept. */
    private static final String REFUSED_BEFORE = "the write was refused when it was first sent";
    private static final long PUBLISH_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long NO_JOURNAL = -1;

    private final PartitionState state;
    private final TimelineStateMachine machine;
    private final Watermark watermark = new Watermark();
    private final TimelineReader reader;
    private final ClientSessions sessions = new ClientSessions();
    private final long nodeClientId;
    private final AckSlots nodeAcks;
    private final SnapshotTransfer snapshots;
    private final DiskSpace disk;
    private final Consumer<Throwable> halted;
    private final Replies replies;
    private final PartitionCounters counters;
    private final TimelineBuffer page = new TimelineBuffer();
    private Cluster cluster;
    private int outcome;
    private long value;
    private String message;
    private long publishedAtNs;

    /**
     * @param state        empty; the service owns it from {@link #onStart} on.
     * @param nodeClientId the client id of the node in this process whose writes {@code nodeAcks}
     *                     hand back once applied here, or 0 for none.
     * @param snapshots    writes the state into the cluster's snapshots and reads it back.
     * @param disk         the free space of the member's data directory.
     * @param counters     this member's counts, published to its counters file.
     * @param halted       told why this member stopped applying the log, once.
     * @param idle         how to wait for a client to take an answer.
     */
    TimelineService(
        final PartitionState state, final long nodeClientId, final AckSlots nodeAcks, final SnapshotTransfer snapshots,
        final DiskSpace disk, final PartitionCounters counters, final Consumer<Throwable> halted,
        final IdleStrategy idle)
    {
        this.state = state;
        machine = new TimelineStateMachine(state);
        reader = new TimelineReader(state, watermark);
        this.nodeClientId = nodeClientId;
        this.nodeAcks = nodeAcks;
        this.snapshots = snapshots;
        this.disk = disk;
        this.counters = counters;
        this.halted = halted;
        replies = new Replies(idle);
    }

    /** Reads this member's replica, from any thread: everything applied here, nothing half-applied. */
    TimelineReader reader()
    {
        return reader;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        state.takeOwnership();
        if (snapshotImage != null)
        {
            snapshots.load(snapshotImage, cluster.idleStrategy(), sessions, state);
        }
        watermark.advanceTo(state.lastTweetId());
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final Header header)
    {
        if (buffer.getInt(offset + TYPE_OFFSET) != IngressLayout.BATCH)
        {
            apply(session, timestamp, buffer, offset, length);
            return;
        }
        replies.beginBatch(session);
        final int end = offset + length;
        int at = offset + IngressLayout.BATCH_HEADER_LENGTH;
        for (int i = 0, n = buffer.getInt(offset + IngressLayout.COUNT_OFFSET); i < n && at + Integer.BYTES <= end; i++)
        {
            final int commandLength = buffer.getInt(at);
            if (commandLength < IngressLayout.HEADER_LENGTH || at + Integer.BYTES + commandLength > end)
            {
                break;
            }
            apply(session, timestamp, buffer, at + Integer.BYTES, commandLength);
            at += Integer.BYTES + commandLength;
        }
        replies.endBatch();
    }

    /** Applies one command and answers it; a message too short to be a command is dropped. */
    private void apply(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < IngressLayout.HEADER_LENGTH)
        {
            return;
        }
        final int type = buffer.getInt(offset + TYPE_OFFSET);
        final long clientId = buffer.getLong(offset + CLIENT_OFFSET);
        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET);
        replies.to(session, clientId, sequence);
        if (IngressLayout.isWrite(type))
        {
            write(type, timestamp, buffer, offset, length, clientId, sequence);
        }
        else if (type == IngressLayout.HOME || type == IngressLayout.TWEETS)
        {
            read(type == IngressLayout.HOME, buffer, offset);
        }
        else if (type == IngressLayout.SYNC)
        {
            replies.outcome(Outcomes.OK, Outcomes.NO_VALUE, null);
            if (nodeAcks != null && clientId == nodeClientId)
            {
                nodeAcks.complete(buffer.getInt(offset + TAG_OFFSET), Outcomes.OK, Outcomes.NO_VALUE, null);
            }
        }
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication publication)
    {
        stopIfFull(disk.exhausted());
        try
        {
            snapshots.write(publication, cluster.idleStrategy(), sessions, state, cluster.logPosition());
        }
        catch (final UncheckedIOException ex)
        {
            if (StorageSpaceException.isStorageSpaceError(ex))
            {
                stop(disk.full(ex));
            }
            throw ex;
        }
        counters.snapshotWritten(System.currentTimeMillis());
    }

    /** Looks at the disk's free space every millisecond and publishes the counters, between messages of the log. */
    @Override
    public int doBackgroundWork(final long nowNs)
    {
        stopIfFull(disk.check(nowNs));
        if (nowNs - publishedAtNs < PUBLISH_INTERVAL_NS)
        {
            return 0;
        }
        publishedAtNs = nowNs;
        counters.publish(state, 0, NO_JOURNAL, System.currentTimeMillis());
        return 1;
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
    }

    private void write(
        final int type, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final long clientId, final long sequence)
    {
        final ClientSessions.Client client = sessions.client(clientId, timestamp);
        if (client.answered(sequence))
        {
            final int outcome = client.outcome(sequence);
            replies.outcome(outcome, client.value(sequence), outcome == Outcomes.OK ? null : REFUSED_BEFORE);
            return;
        }
        if (client.expired(sequence))
        {
            replies.outcome(Outcomes.FAILED, 0, "write " + sequence + " is older than the cluster remembers");
            return;
        }
        try
        {
            applyWrite(type, timestamp, buffer, offset, length);
        }
        catch (final IllegalArgumentException invalid)
        {
            refuse(Outcomes.INVALID, invalid.getMessage());
        }
        catch (final MemoryLimitException refused)
        {
            counters.memoryRefusal();
            if (refused.isProcessLimit())
            {
                stop(refused);
            }
            refuse(Outcomes.ENGINE_MEMORY_LIMIT, refused.getMessage());
        }
        client.answer(sequence, outcome, value);
        replies.outcome(outcome, value, message);
        if (nodeAcks != null && clientId == nodeClientId)
        {
            nodeAcks.complete(buffer.getInt(offset + TAG_OFFSET), outcome, value, message);
        }
    }

    /** Applies a write, leaving its {@link #outcome}, {@link #value} and {@link #message}. */
    private void applyWrite(
        final int type, final long time, final DirectBuffer buffer, final int offset, final int length)
    {
        final long first = buffer.getLong(offset + FIRST_OFFSET);
        outcome = Outcomes.OK;
        value = Outcomes.NO_VALUE;
        message = null;
        switch (type)
        {
            case IngressLayout.FOLLOW, IngressLayout.UNFOLLOW ->
            {
                final long second = buffer.getLong(offset + SECOND_OFFSET);
                final boolean follow = type == IngressLayout.FOLLOW;
                CommandChecks.checkPair(first, second, follow ? "follow" : "unfollow");
                if (follow && !machine.isFollowing(first, second))
                {
                    machine.follow(first, second);
                    counters.follow();
                }
                else if (!follow && machine.isFollowing(first, second))
                {
                    machine.unfollow(first, second);
                    counters.unfollow();
                }
            }
            case IngressLayout.POST ->
            {
                CommandChecks.checkUser(first, "author");
                final int textLength = length - TEXT_OFFSET;
                TweetText.checkUtf8(buffer, offset + TEXT_OFFSET, textLength);
                machine.reservePost(textLength);
                value = Math.max(state.lastTweetId() + 1, TweetIds.firstIdAt(time));
                machine.post(value, first, buffer, offset + TEXT_OFFSET, textLength);
                counters.post();
                watermark.advanceTo(value);
            }
            default ->
            {
                CommandChecks.checkTweetId(first);
                final int tweet = machine.findLiveTweet(first);
                if (tweet < 0)
                {
                    outcome = Outcomes.TWEET_NOT_FOUND;
                    value = first;
                }
                else
                {
                    machine.delete(tweet);
                    counters.delete();
                }
            }
        }
    }

    private void stopIfFull(final DiskFullException full)
    {
        if (full != null)
        {
            stop(full);
        }
    }

    /** Stops this member applying the log, and tells why. */
    private void stop(final TimelineException why)
    {
        halted.accept(why);
        throw new AgentTerminationException(
            "this member stopped applying the log rather than diverge from the others: " + why.getMessage());
    }

    private void refuse(final int refusal, final String why)
    {
        outcome = refusal;
        value = 0;
        message = why;
    }

    /** A read through the log: answered from the state as it is at this point of the log. */
    private void read(final boolean home, final DirectBuffer buffer, final int offset)
    {
        final long user = buffer.getLong(offset + FIRST_OFFSET);
        final long before = buffer.getLong(offset + SECOND_OFFSET);
        final int limit = buffer.getInt(offset + LIMIT_OFFSET);
        try
        {
            CommandChecks.checkRead(user, limit, before);
        }
        catch (final IllegalArgumentException invalid)
        {
            replies.outcome(Outcomes.INVALID, 0, invalid.getMessage());
            return;
        }
        if (home)
        {
            reader.home(user, limit, before, page);
        }
        else
        {
            reader.tweets(user, limit, before, page);
        }
        replies.page(page);
    }
}
