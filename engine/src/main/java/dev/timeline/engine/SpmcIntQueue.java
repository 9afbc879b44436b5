package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded first-in first-out queue of non-negative ints with one producing thread and any number
 * of consuming threads. Offering is a plain store and a release store, no atomic instruction; a poll
 * is one compare-and-set on the consumers' position. The producer never checks for room: it is for
 * sets of distinct ints no larger than the capacity, such as free indexes, where an int is offered
 * again only after it was polled, so the queue can never hold more than the capacity.
 * <p>
 * A consumer reads the int at its position before it claims the position, so the producer can reuse
 * the cell once the consumers' position is past it: a consumer still reading it then fails its claim.
 * The consumers' position, with their cache of the producer's, and the producer's position each have
 * a cache line to themselves.
 */
final class SpmcIntQueue
{
    private static final int EMPTY = -1;
    private static final int LINE = 8;
    private static final int HEAD = LINE;
    private static final int TAIL_CACHE = LINE + 1;
    private static final int TAIL = 3 * LINE;

    private final int[] cells;
    private final int mask;
    private final AtomicLongArray positions = new AtomicLongArray(4 * LINE + 1);

    /** A queue that holds up to {@code capacity} ints. */
    SpmcIntQueue(final int capacity)
    {
        final int cellCount = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        cells = new int[cellCount];
        mask = cellCount - 1;
    }

    /** Producer only: adds {@code value}, which is not in the queue, behind the others. */
    void offer(final int value)
    {
        final long tail = positions.getPlain(TAIL);
        cells[(int)(tail & mask)] = value;
        positions.setRelease(TAIL, tail + 1);
    }

    /** Any thread: takes the int offered first of those still in the queue, or -1 if it is empty. */
    int poll()
    {
        while (true)
        {
            final long head = positions.get(HEAD);
            if (head >= positions.getAcquire(TAIL_CACHE))
            {
                final long tail = positions.getAcquire(TAIL);
                if (head >= tail)
                {
                    return EMPTY;
                }
                positions.setRelease(TAIL_CACHE, tail);
            }
            final int value = cells[(int)(head & mask)];
            if (positions.compareAndSet(HEAD, head, head + 1))
            {
                return value;
            }
        }
    }
}
