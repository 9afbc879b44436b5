package dev.timeline.engine.state;

import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.RejectedException;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How a command gets from a caller into the inbox of the one thread that sends or applies it, the
 * same for every way into the engine: the caller enters the gate and claims an acknowledgement slot,
 * claims room in the inbox, writes the command there and commits it. Too many writes in flight or a
 * full inbox is a {@link RejectedException}, counted, and the command is not submitted; a shut gate
 * is an {@link EngineClosedException}. Once {@link #close} returns, no command is being submitted and
 * none will be. Thread-safe.
 */
public final class CommandGate
{
    private final int maxInFlight;
    private final int inboxBytes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger submitting = new AtomicInteger();
    private final LongAdder inboxFull = new LongAdder();
    private final LongAdder inFlight = new LongAdder();

    /** A gate whose callers have {@code maxInFlight} slots and an inbox of {@code inboxBytes}, for messages. */
    public CommandGate(final int maxInFlight, final int inboxBytes)
    {
        this.maxInFlight = maxInFlight;
        this.inboxBytes = inboxBytes;
    }

    /** Enters the gate and claims an acknowledgement slot of {@code acks}, completing {@code future} if not null. */
    public int enter(final AckSlots acks, final CompletableFuture<?> future)
    {
        submitting.incrementAndGet();
        if (closed.get())
        {
            submitting.decrementAndGet();
            throw new EngineClosedException("the engine is closed");
        }
        final int slot = acks.claim(future);
        if (slot < 0)
        {
            submitting.decrementAndGet();
            inFlight.increment();
            throw new RejectedException("too many writes in flight (maxInFlight = " + maxInFlight + "); retry later");
        }
        return slot;
    }

    /** Claims {@code length} bytes of {@code inbox} for a command of {@code type} that names {@code slot}. */
    public int claim(final RingBuffer inbox, final AckSlots acks, final int type, final int length, final int slot)
    {
        final int index = inbox.tryClaim(type, length);
        if (index < 0)
        {
            leave(acks, slot);
            inboxFull.increment();
            throw new RejectedException("the inbox is full (" + inboxBytes + " bytes); retry later");
        }
        return index;
    }

    /** Publishes the command written at {@code index} and leaves the gate; returns its slot. */
    public int commit(final RingBuffer inbox, final int index, final int slot)
    {
        inbox.commit(index);
        submitting.decrementAndGet();
        return slot;
    }

    /** Drops the command being written at {@code index}, gives its slot back and leaves the gate. */
    public void abort(final RingBuffer inbox, final AckSlots acks, final int index, final int slot)
    {
        inbox.abort(index);
        leave(acks, slot);
    }

    /** True once {@link #close} began: reads and writes are refused. */
    public boolean isClosed()
    {
        return closed.get();
    }

    /**
     * Shuts the gate and waits for the submissions in progress.
     *
     * @return false if it was shut already.
     */
    public boolean close()
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

    /** Writes refused for a full inbox, so far. */
    public long inboxFull()
    {
        return inboxFull.sum();
    }

    /** Writes refused for too many in flight, so far. */
    public long inFlight()
    {
        return inFlight.sum();
    }

    /**
     * Runs {@code submit}, which submits a command with {@code future}, and hands what refused it
     * (rejection, closed engine) to the future instead of the caller.
     */
    public static void submitAsync(final CompletableFuture<?> future, final Runnable submit)
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

    private void leave(final AckSlots acks, final int slot)
    {
        acks.release(slot);
        submitting.decrementAndGet();
    }
}
