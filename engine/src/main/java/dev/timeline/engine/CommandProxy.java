package dev.timeline.engine;

import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.CommandStages;
import dev.timeline.engine.state.Outcomes;
import dev.timeline.engine.state.TweetText;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.CompletableFuture;

import static dev.timeline.engine.CommandLayout.DELETE;
import static dev.timeline.engine.CommandLayout.FIRST_OFFSET;
import static dev.timeline.engine.CommandLayout.FOLLOW;
import static dev.timeline.engine.CommandLayout.PAIR_LENGTH;
import static dev.timeline.engine.CommandLayout.POST;
import static dev.timeline.engine.CommandLayout.SECOND_OFFSET;
import static dev.timeline.engine.CommandLayout.SINGLE_LENGTH;
import static dev.timeline.engine.CommandLayout.SLOT_OFFSET;
import static dev.timeline.engine.CommandLayout.TEXT_OFFSET;
import static dev.timeline.engine.CommandLayout.UNFOLLOW;

/**
 * The callers' side of the partition writers: encodes each command into its partition's inbox, laid
 * out as {@link CommandLayout}, with the acknowledgement slot its outcome comes back in, wakes the
 * partition's writer, and waits on that slot for the blocking forms. A full inbox or too many writes in flight is a
 * {@link RejectedException}, and the command is not submitted. Arguments are checked by the caller.
 * <p>
 * Thread-safe; submissions pass the engine's {@link CommandGate}.
 */
final class CommandProxy
{
    private final EngineConfig config;
    private final CommandGate gate;
    private final WriterWakeups wakeups;

    CommandProxy(final EngineConfig config, final CommandGate gate, final WriterWakeups wakeups)
    {
        this.config = config;
        this.gate = gate;
        this.wakeups = wakeups;
    }

    /** Submits a follow ({@code FOLLOW}) or unfollow ({@code UNFOLLOW}); returns its slot. */
    int pair(
        final Partition partition, final int type, final long follower, final long followee,
        final CompletableFuture<?> future)
    {
        assert type == FOLLOW || type == UNFOLLOW;
        final int slot = enter(partition, future);
        final int index = gate.claim(partition.inbox, partition.acks, type, PAIR_LENGTH, slot);
        final UnsafeBuffer buffer = (UnsafeBuffer)partition.inbox.buffer();
        buffer.putInt(index + SLOT_OFFSET, slot);
        buffer.putLong(index + FIRST_OFFSET, follower);
        buffer.putLong(index + SECOND_OFFSET, followee);
        return commit(partition, index, slot);
    }

    /** Submits a delete; returns its slot. */
    int delete(final Partition partition, final long tweetId, final CompletableFuture<?> future)
    {
        final int slot = enter(partition, future);
        final int index = gate.claim(partition.inbox, partition.acks, DELETE, SINGLE_LENGTH, slot);
        final UnsafeBuffer buffer = (UnsafeBuffer)partition.inbox.buffer();
        buffer.putInt(index + SLOT_OFFSET, slot);
        buffer.putLong(index + FIRST_OFFSET, tweetId);
        return commit(partition, index, slot);
    }

    /** Submits a post whose text measured {@code textLength} UTF-8 bytes; returns its slot. */
    int post(
        final Partition partition, final long author, final CharSequence text, final int textLength,
        final CompletableFuture<?> future)
    {
        final int slot = enter(partition, future);
        final int index = gate.claim(partition.inbox, partition.acks, POST, TEXT_OFFSET + textLength, slot);
        final UnsafeBuffer buffer = (UnsafeBuffer)partition.inbox.buffer();
        buffer.putInt(index + SLOT_OFFSET, slot);
        buffer.putLong(index + FIRST_OFFSET, author);
        if (TweetText.encode(text, buffer, index + TEXT_OFFSET, textLength) != textLength)
        {
            gate.abort(partition.inbox, partition.acks, index, slot);
            throw new IllegalArgumentException("the text changed while it was being posted; nothing was posted");
        }
        return commit(partition, index, slot);
    }

    /**
     * Waits for the outcome in {@code slot} for at most the write timeout.
     *
     * @return the tweet id of a post, {@link Outcomes#NO_VALUE} for other commands.
     */
    long await(final Partition partition, final int slot)
    {
        final long deadline = config.nanoClock().nanoTime() + config.writeTimeout().toNanos();
        return partition.acks.await(slot, config.nanoClock(), deadline);
    }

    /** Publishes the command and wakes the writer, should it be parked. */
    private int commit(final Partition partition, final int index, final int slot)
    {
        if (CommandStages.ENABLED)
        {
            partition.acks.stamp(slot, CommandStages.SUBMITTED);
        }
        gate.commit(partition.inbox, index, slot);
        wakeups.wake(partition.index);
        return slot;
    }

    private int enter(final Partition partition, final CompletableFuture<?> future)
    {
        if (partition.acks == null)
        {
            throw new TimelineException("this engine was opened read-only and accepts no writes");
        }
        return gate.enter(partition.acks, future);
    }
}
