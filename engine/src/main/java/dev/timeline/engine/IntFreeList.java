package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free stack of the free indexes {@code 0 .. size-1} (a Treiber stack over an array), safe
 * for any number of threads pushing and popping. The head carries a version in its upper half so a
 * pop that raced with a pop and push of the same index (ABA) retries instead of corrupting the list.
 */
final class IntFreeList
{
    private static final int EMPTY = -1;

    private final int[] next;
    private final AtomicLong head = new AtomicLong();

    /** A list holding every index of {@code 0 .. size-1}. */
    IntFreeList(final int size)
    {
        next = new int[size];
        for (int i = 0; i < size; i++)
        {
            next[i] = i + 1 < size ? i + 1 : EMPTY;
        }
        head.set(pack(0, size > 0 ? 0 : EMPTY));
    }

    /** A free index, or -1 if none is free. */
    int pop()
    {
        while (true)
        {
            final long current = head.get();
            final int index = (int)current;
            if (index == EMPTY)
            {
                return EMPTY;
            }
            if (head.compareAndSet(current, pack(version(current) + 1, next[index])))
            {
                return index;
            }
        }
    }

    /** Frees {@code index}, which must have been popped. */
    void push(final int index)
    {
        while (true)
        {
            final long current = head.get();
            next[index] = (int)current;
            if (head.compareAndSet(current, pack(version(current) + 1, index)))
            {
                return;
            }
        }
    }

    private static int version(final long head)
    {
        return (int)(head >>> 32);
    }

    private static long pack(final int version, final int index)
    {
        return ((long)version << 32) | (index & 0xFFFFFFFFL);
    }
}
