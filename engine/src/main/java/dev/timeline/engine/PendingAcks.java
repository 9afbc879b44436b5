package dev.timeline.engine;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.Watermark;

/**
 * The writer's acknowledgements not yet given, in the order their commands were applied: each is
 * given once the {@link Watermark} reaches the id it waits for (a post waits for its own tweet to
 * be delivered everywhere; other commands wait for nothing). Writer only; holds at most one entry
 * per acknowledgement slot.
 */
final class PendingAcks
{
    private final int[] slots;
    private final int[] outcomes;
    private final long[] values;
    private final long[] visibleAt;
    private final String[] messages;
    private final int mask;
    private long head;
    private long tail;

    PendingAcks(final int slotCount)
    {
        final int capacity = Integer.highestOneBit(Math.max(1, slotCount - 1)) << 1;
        slots = new int[capacity];
        outcomes = new int[capacity];
        values = new long[capacity];
        visibleAt = new long[capacity];
        messages = new String[capacity];
        mask = capacity - 1;
    }

    /** Queues the outcome for {@code slot}, to be given once the watermark reaches {@code waitFor}. */
    void add(final int slot, final int outcome, final long value, final long waitFor)
    {
        final int at = (int)(tail++ & mask);
        slots[at] = slot;
        outcomes[at] = outcome;
        values[at] = value;
        visibleAt[at] = waitFor;
    }

    /** Queues the refusal of the command that named {@code slot}, which changed nothing: given at once. */
    void refuse(final int slot, final int outcome, final String message)
    {
        messages[(int)(tail & mask)] = message;
        add(slot, outcome, 0, 0);
    }

    /** A mark for {@link #failSince}: the position of the next entry added. */
    long mark()
    {
        return tail;
    }

    /** Replaces the outcome of every entry added since {@code mark} with {@code outcome}. */
    void failSince(final long mark, final int outcome)
    {
        for (long i = mark; i < tail; i++)
        {
            outcomes[(int)(i & mask)] = outcome;
        }
    }

    /** Gives every queued outcome, oldest first, whose wait is over at {@code watermark}; returns how many. */
    int completeVisible(final AckSlots acks, final long watermark)
    {
        int completed = 0;
        while (head < tail)
        {
            final int at = (int)(head & mask);
            if (visibleAt[at] > watermark)
            {
                break;
            }
            head++;
            acks.complete(slots[at], outcomes[at], values[at], messages[at]);
            messages[at] = null;
            completed++;
        }
        return completed;
    }

    boolean isEmpty()
    {
        return head == tail;
    }
}
