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
 * <p>
 * A waiting caller spins for a short while, as its outcome usually comes within microseconds, then
 * parks (the state says so, with the thread next to it) until the writer unparks it with the
 * outcome or the write times out, so a caller waits either briefly or without using a processor.
 * It never yields, which on a machine whose processors are all busy would cost it a whole time
 * slice. One that spins until done never parks.
 */
public final class AckSlots
{
    private static final int FREE = 0;
    private static final int WAITING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;
    private static final int PARKED = 4;
    private static final int STRIDE = 16;
    /** How long a waiting caller spins before it parks, by default. */
    public static final long DEFAULT_SPIN_NANOS = 20_000;
    /** A spin that never ends: callers never park. */
    public static final long SPIN_UNTIL_DONE = Long.MAX_VALUE;
    /** Spins between two looks at the caller's deadline. */
    private static final int SPINS_PER_DEADLINE_CHECK = 256;
    /** Spins before a waiting caller starts looking at the clock for the end of its spin. */
    private static final int SPINS_BEFORE_TIMING = 100;

    private final AtomicIntegerArray states;
    private final long[] values;
    private final int[] outcomes;
    private final String[] messages;
    private final CompletableFuture<?>[] futures;
    private final Thread[] waiters;
    private final Integer[] boxes;
    private final MpmcArrayQueue<Integer> freeSlots;
    private final SpmcArrayQueue<Integer> freedByWriter;
    private final CommandStages stages;
    private final long spinNanos;

    /** Slots for {@code size} writes in flight, whose callers spin for {@link #DEFAULT_SPIN_NANOS} before they park. */
    public AckSlots(final int size)
    {
        this(size, DEFAULT_SPIN_NANOS);
    }

    /**
     * Slots for {@code size} writes in flight.
     *
     * @param spinNanos how long a waiting caller spins before it parks; {@link #SPIN_UNTIL_DONE} for never.
     */
    public AckSlots(final int size, final long spinNanos)
    {
        if (spinNanos < 0)
        {
            throw new IllegalArgumentException("spin must be 0 or more, was " + spinNanos);
        }
        this.spinNanos = spinNanos;
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
        waiters = new Thread[size];
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
     * refusal (null for other outcomes), and unparks its caller if it parked.
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
        final int at = slot * STRIDE;
        while (true)
        {
            final int state = states.get(at);
            if (state == ABANDONED)
            {
                free(slot);
                return;
            }
            final Thread parked = state == PARKED ? waiters[slot] : null;
            if (states.compareAndSet(at, state, DONE))
            {
                if (parked != null)
                {
                    LockSupport.unpark(parked);
                }
                return;
            }
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
        final int at = slot * STRIDE;
        if (!spin(at, clock, deadlineNanos))
        {
            park(slot, clock, deadlineNanos);
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

    /**
     * Spins until the outcome is in, true, or the while is over, false; throws if the deadline passes
     * first.
     */
    private boolean spin(final int at, final NanoClock clock, final long deadlineNanos)
    {
        for (int spins = 0; spins < SPINS_BEFORE_TIMING; spins++)
        {
            if (states.get(at) == DONE)
            {
                return true;
            }
            Thread.onSpinWait();
        }
        final long spinStart = System.nanoTime();
        int rounds = 0;
        while (states.get(at) != DONE)
        {
            Thread.onSpinWait();
            if (spinNanos == SPIN_UNTIL_DONE && ++rounds % SPINS_PER_DEADLINE_CHECK != 0)
            {
                continue;
            }
            if (clock.nanoTime() - deadlineNanos > 0)
            {
                abandon(at, WAITING);
            }
            if (System.nanoTime() - spinStart >= spinNanos)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Parks until the writer gives the outcome, which unparks this thread, or until the deadline,
     * counting the clock's nanoseconds as real ones; throws if the deadline passes first.
     */
    private void park(final int slot, final NanoClock clock, final long deadlineNanos)
    {
        final int at = slot * STRIDE;
        waiters[slot] = Thread.currentThread();
        if (!states.compareAndSet(at, WAITING, PARKED))
        {
            return;
        }
        while (states.get(at) != DONE)
        {
            final long remaining = deadlineNanos - clock.nanoTime();
            if (remaining < 0)
            {
                abandon(at, PARKED);
            }
            LockSupport.parkNanos(this, Math.max(1, remaining));
        }
    }

    /** Gives up waiting, unless the outcome came meanwhile: the writer then frees the slot when it comes. */
    private void abandon(final int at, final int waiting)
    {
        if (states.compareAndSet(at, waiting, ABANDONED))
        {
            throw new WriteTimeoutException("no acknowledgement within the write timeout; the write may still be applied");
        }
    }

    private void free(final int slot)
    {
        if (CommandStages.ENABLED)
        {
            stages.clear(slot);
        }
        waiters[slot] = null;
        futures[slot] = null;
        states.set(slot * STRIDE, FREE);
        freeSlots.offer(boxes[slot]);
    }
}
