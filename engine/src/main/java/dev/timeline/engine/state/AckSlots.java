package dev.timeline.engine.state;

import dev.timeline.engine.WriteTimeoutException;
import org.agrona.concurrent.NanoClock;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.SpmcArrayQueue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the writer hands each command's outcome back to its caller: a fixed pool of slots, one per
 * write in flight, so the number of writes in flight, and the memory they hold, is bounded.
 * <p>
 * A caller claims a slot ({@link #claim}), names it in the command, and either waits on it
 * ({@link #await}) or gets a future completed by the writer. The writer ({@link #complete}) is the
 * only thread that completes slots. Free slots wait in a lock-free many-to-many queue, so claiming
 * one costs the same however many are in flight, except those of async writes, which the writer
 * frees into a single-producer queue of its own, with no compare-and-set, right before it completes
 * their futures. The queues hold the slots as boxes made once, so no claim or free allocates. A
 * waiting caller and the writer meet on the slot's state, padded to a cache line; a slot with a
 * future needs no state.
 */
public final class AckSlots
{
    private static final int FREE = 0;
    private static final int WAITING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;
    private static final int STRIDE = 16;

    private final AtomicIntegerArray states;
    private final long[] values;
    private final int[] outcomes;
    private final String[] messages;
    private final CompletableFuture<?>[] futures;
    private final Integer[] boxes;
    private final MpmcArrayQueue<Integer> freeSlots;
    private final SpmcArrayQueue<Integer> freedByWriter;
    private final CommandStages stages;

    /** Slots for {@code size} writes in flight. */
    public AckSlots(final int size)
    {
        boxes = new Integer[size];
        freeSlots = new MpmcArrayQueue<>(Math.max(2, size));
        freedByWriter = new SpmcArrayQueue<>(Math.max(2, size));
        for (int slot = 0; slot < size; slot++)
        {
            boxes[slot] = slot;
            freeSlots.offer(boxes[slot]);
        }
        states = new AtomicIntegerArray(size * STRIDE);
        values = new long[size];
        outcomes = new int[size];
        messages = new String[size];
        futures = new CompletableFuture<?>[size];
        stages = CommandStages.ENABLED ? new CommandStages(size) : null;
    }

    /** A free slot for a write, completing {@code future} if not null; -1 if every slot is in flight. */
    public int claim(final CompletableFuture<?> future)
    {
        Integer box = freedByWriter.poll();
        if (box == null)
        {
            box = freeSlots.poll();
            if (box == null)
            {
                return -1;
            }
        }
        final int slot = box;
        if (future == null)
        {
            states.set(slot * STRIDE, WAITING);
        }
        futures[slot] = future;
        return slot;
    }

    /** Gives back a slot whose command was never submitted. */
    public void release(final int slot)
    {
        free(slot);
    }

    /**
     * Records that the command in {@code slot} passed {@code stage} now; only when
     * {@link CommandStages#ENABLED}.
     */
    public void stamp(final int slot, final int stage)
    {
        stages.stamp(slot, stage);
    }

    /**
     * Writer only: reports the outcome of the command that named {@code slot}, with the message of a
     * refusal (null for other outcomes).
     */
    public void complete(final int slot, final int outcome, final long value, final String message)
    {
        if (CommandStages.ENABLED)
        {
            stages.stamp(slot, CommandStages.ACKNOWLEDGED);
        }
        final CompletableFuture<?> future = futures[slot];
        if (future != null)
        {
            if (CommandStages.ENABLED)
            {
                stages.answer(slot);
            }
            futures[slot] = null;
            freedByWriter.offer(boxes[slot]);
            Outcomes.complete(future, outcome, value, message);
            return;
        }
        values[slot] = value;
        outcomes[slot] = outcome;
        messages[slot] = message;
        if (!states.compareAndSet(slot * STRIDE, WAITING, DONE))
        {
            free(slot);
        }
    }

    /**
     * Waits for the outcome of a blocking write and frees the slot.
     *
     * @return the value of an {@link Outcomes#OK} outcome (the tweet id of a post).
     * @throws WriteTimeoutException if no outcome arrived by {@code deadlineNanos} on {@code clock}; the
     *                               slot is then freed by the writer when the outcome arrives.
     */
    public long await(final int slot, final NanoClock clock, final long deadlineNanos)
    {
        int spins = 0;
        while (states.get(slot * STRIDE) != DONE)
        {
            if (++spins < 100)
            {
                Thread.onSpinWait();
            }
            else if (spins < 200)
            {
                Thread.yield();
            }
            else
            {
                if (clock.nanoTime() - deadlineNanos > 0 && states.compareAndSet(slot * STRIDE, WAITING, ABANDONED))
                {
                    throw new WriteTimeoutException(
                        "no acknowledgement within the write timeout; the write may still be applied");
                }
                LockSupport.parkNanos(20_000);
            }
        }
        if (CommandStages.ENABLED)
        {
            stages.answer(slot);
        }
        final int outcome = outcomes[slot];
        final long value = values[slot];
        final String message = messages[slot];
        messages[slot] = null;
        free(slot);
        return Outcomes.valueOrThrow(outcome, value, message);
    }

    private void free(final int slot)
    {
        futures[slot] = null;
        states.set(slot * STRIDE, FREE);
        freeSlots.offer(boxes[slot]);
    }
}
