package dev.timeline.engine;

import dev.timeline.engine.state.TweetText;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * out as {@link CommandLayout}, with the acknowledgement slot its outcome comes back in, and waits on
 * that slot for the blocking forms. A full inbox or too many writes in flight is a
 * {@link RejectedException}, and the command is not submitted. Arguments are checked by the caller.
 * <p>
 * Thread-safe. Submissions pass a gate that {@link #closeGate} shuts: once it returns, no command is
 * being submitted and none will be.
 */
final class CommandProxy
{
    private final EngineConfig config;
    private final CallerCounts counts;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger submitting = new AtomicInteger();

    CommandProxy(final EngineConfig config, final CallerCounts counts)
    {
        this.config = config;
        this.counts = counts;
    }

    /** Submits a follow ({@code FOLLOW}) or unfollow ({@code UNFOLLOW}); returns its slot. */
    int pair(
        final Partition partition, final int type, final long follower, final long followee,
        final CompletableFuture<?> future)
    {
        assert type == FOLLOW || type == UNFOLLOW;
        final int slot = enter(partition, future);
        final int index = claim(partition, type, PAIR_LENGTH, slot);
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
        final int index = claim(partition, DELETE, SINGLE_LENGTH, slot);
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
        final int index = claim(partition, POST, TEXT_OFFSET + textLength, slot);
        final UnsafeBuffer buffer = (UnsafeBuffer)partition.inbox.buffer();
        buffer.putInt(index + SLOT_OFFSET, slot);
        buffer.putLong(index + FIRST_OFFSET, author);
        if (TweetText.encode(text, buffer, index + TEXT_OFFSET, textLength) != textLength)
        {
            partition.inbox.abort(index);
            leave(partition, slot);
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

    /**
     * Runs {@code submit}, which submits a command with {@code future}, and hands what refused it
     * (rejection, closed engine) to the future instead of the caller.
     */
    static void submitAsync(final CompletableFuture<?> future, final Runnable submit)
    {
        try
        {
            submit.run();
        }
        catch (final RejectedException | EngineClosedException | IllegalStateException ex)
        {
            future.completeExceptionally(ex);
        }
    }

    /** True once {@link #closeGate} began: reads and writes are refused. */
    boolean isClosed()
    {
        return closed.get();
    }

    /**
     * Shuts the gate and waits for the submissions in progress.
     *
     * @return false if it was shut already.
     */
    boolean closeGate()
    {
        if (!closed.compareAndSet(false, true))
        {
            return false;
        }
        while (submitting.get() > 0)
        {
            Thread.yield();
        }
        return true;
    }

    /** Enters the gate and claims an acknowledgement slot. */
    private int enter(final Partition partition, final CompletableFuture<?> future)
    {
        if (partition.acks == null)
        {
            throw new TimelineException("this engine was opened read-only and accepts no writes");
        }
        submitting.incrementAndGet();
        if (closed.get())
        {
            submitting.decrementAndGet();
            throw new EngineClosedException("the engine is closed");
        }
        final int slot = partition.acks.claim(future);
        if (slot < 0)
        {
            submitting.decrementAndGet();
            counts.inFlight.increment();
            throw new RejectedException(
                "too many writes in flight (maxInFlight = " + config.maxInFlight() + "); retry later");
        }
        return slot;
    }

    private int claim(final Partition partition, final int type, final int length, final int slot)
    {
        final int index = partition.inbox.tryClaim(type, length);
        if (index < 0)
        {
            leave(partition, slot);
            counts.inboxFull.increment();
            throw new RejectedException("the inbox is full (" + config.inboxBytes() + " bytes); retry later");
        }
        return index;
    }

    /** Gives back the slot of a write that was not submitted and leaves the gate. */
    private void leave(final Partition partition, final int slot)
    {
        partition.acks.release(slot);
        submitting.decrementAndGet();
    }

    private int commit(final Partition partition, final int index, final int slot)
    {
        partition.inbox.commit(index);
        submitting.decrementAndGet();
        return slot;
    }
}
