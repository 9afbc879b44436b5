package dev.timeline.workload;

/**
 * The sparse 64-bit user ids of a workload, laid out like Snowflake ids: 41 bits of milliseconds,
 * then 22 bits of worker and sequence. User {@code index} (dense, {@code 0..count-1}) maps to a
 * unique id that grows with the index; both directions are computed, nothing is stored.
 */
public final class UserIds
{
    /** Bits below the millisecond part of an id. */
    static final int LOW_BITS = 22;
    private static final long LOW_MASK = (1L << LOW_BITS) - 1;
    private static final long TIME_SPAN = 1L << 41;
    private static final long MAX_STRIDE = 1L << 20;

    private final long seed;
    private final int count;
    private final long stride;

    /**
     * @param seed  what the ids are derived from.
     * @param count how many users, at least 1.
     */
    public UserIds(final long seed, final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("users must be at least 1, was " + count);
        }
        this.seed = seed;
        this.count = count;
        this.stride = Math.min(MAX_STRIDE, TIME_SPAN / count);
    }

    /** How many users there are. */
    public int count()
    {
        return count;
    }

    /** The id of user {@code index}: non-negative, unique, increasing with the index. */
    public long id(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("user " + index + " of " + count);
        }
        final long bits = Mix.mix(seed, index);
        final long millis = index * stride + Long.remainderUnsigned(bits >>> LOW_BITS, stride);
        return millis << LOW_BITS | bits & LOW_MASK;
    }

    /** The index of the user with id {@code id}, or -1 when {@code id} is not one of these users. */
    public int indexOf(final long id)
    {
        if (id < 0)
        {
            return -1;
        }
        final long index = (id >>> LOW_BITS) / stride;
        if (index >= count || id((int)index) != id)
        {
            return -1;
        }
        return (int)index;
    }
}
