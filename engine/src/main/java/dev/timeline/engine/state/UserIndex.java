package dev.timeline.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Interns sparse 64-bit user ids to dense indexes {@code 0, 1, 2, ...} in the order first seen.
 * <p>
 * Single writer inserts; readers on any thread look up without locks. An open-addressing table
 * whose slots are written value first, key last with a release store; a grown table is built
 * whole and then published.
 */
final class UserIndex
{
    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long EMPTY = 0;

    private volatile Table table = new Table(1 << 10);
    private int size;

    /** The index of {@code userId}, or -1 if it has never been interned. Any thread. */
    int find(final long userId)
    {
        return table.find(userId + 1);
    }

    /** Writer only: interns {@code userId}, which must not be present, as the next index. */
    int add(final long userId)
    {
        Table table = this.table;
        if ((size + 1) * 2 > table.keys.length)
        {
            table = table.resized(table.keys.length * 2);
            this.table = table;
        }
        final int index = size++;
        table.insert(userId + 1, index);
        return index;
    }

    /** Writer only: makes room for {@code count} ids, so that adding that many grows nothing. */
    void reserve(final int count)
    {
        long capacity = table.keys.length;
        while (capacity < 2L * count)
        {
            capacity *= 2;
        }
        if (capacity > table.keys.length)
        {
            table = table.resized(Math.toIntExact(capacity));
        }
    }

    /** Ids interned. */
    int size()
    {
        return size;
    }

    private static final class Table
    {
        final long[] keys;
        final int[] values;
        final int mask;

        Table(final int capacity)
        {
            keys = new long[capacity];
            values = new int[capacity];
            mask = capacity - 1;
        }

        int find(final long key)
        {
            int slot = hash(key) & mask;
            while (true)
            {
                final long candidate = (long)KEYS.getAcquire(keys, slot);
                if (candidate == key)
                {
                    return values[slot];
                }
                if (candidate == EMPTY)
                {
                    return -1;
                }
                slot = (slot + 1) & mask;
            }
        }

        void insert(final long key, final int value)
        {
            int slot = hash(key) & mask;
            while (keys[slot] != EMPTY)
            {
                slot = (slot + 1) & mask;
            }
            values[slot] = value;
            KEYS.setRelease(keys, slot, key);
        }

        /** A copy with {@code capacity} slots, at least as many as this table's. */
        Table resized(final int capacity)
        {
            final Table bigger = new Table(capacity);
            for (int i = 0; i < keys.length; i++)
            {
                if (keys[i] != EMPTY)
                {
                    bigger.insert(keys[i], values[i]);
                }
            }
            return bigger;
        }

        private static int hash(final long key)
        {
            final long mixed = key * 0x9E3779B97F4A7C15L;
            return (int)(mixed ^ (mixed >>> 32));
        }
    }
}
