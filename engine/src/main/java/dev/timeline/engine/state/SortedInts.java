package dev.timeline.engine.state;

import java.util.Arrays;

/** Copy-on-write operations on sorted {@code int[]} sets, so readers can hold the old array safely. */
final class SortedInts
{
    private SortedInts()
    {
    }

    static boolean contains(final int[] set, final int value)
    {
        return Arrays.binarySearch(set, value) >= 0;
    }

    /** {@code set} with {@code value} added; the same array if already present. */
    static int[] with(final int[] set, final int value)
    {
        final int at = Arrays.binarySearch(set, value);
        if (at >= 0)
        {
            return set;
        }
        final int insertion = -at - 1;
        final int[] copy = new int[set.length + 1];
        System.arraycopy(set, 0, copy, 0, insertion);
        copy[insertion] = value;
        System.arraycopy(set, insertion, copy, insertion + 1, set.length - insertion);
        return copy;
    }

    /** {@code set} without {@code value}; the same array if absent. */
    static int[] without(final int[] set, final int value)
    {
        final int at = Arrays.binarySearch(set, value);
        if (at < 0)
        {
            return set;
        }
        if (set.length == 1)
        {
            return UserTable.NONE;
        }
        final int[] copy = new int[set.length - 1];
        System.arraycopy(set, 0, copy, 0, at);
        System.arraycopy(set, at + 1, copy, at, set.length - at - 1);
        return copy;
    }
}
