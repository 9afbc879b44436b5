package dev.timeline.engine.state;

/**
 * Which partition owns a user and which a tweet, for a fixed partition count. A user belongs to the
 * partition its mixed id falls in; a tweet to its author's partition, which every id it issues
 * names as the id modulo the count, so a tweet id alone routes a delete.
 * <p>
 * The mapping is part of the data directory's format: changing it would strand journaled state.
 * Immutable and thread-safe.
 */
public final class Partitioner
{
    private final int count;

    /** @param count partitions, at least 1. */
    public Partitioner(final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("partitions must be at least 1, was " + count);
        }
        this.count = count;
    }

    /** How many partitions. */
    public int count()
    {
        return count;
    }

    /** The partition that owns {@code userId}: its home timeline, followees and tweets. */
    public int ofUser(final long userId)
    {
        if (count == 1)
        {
            return 0;
        }
        long mixed = userId * 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 31;
        mixed *= 0x94D049BB133111EBL;
        mixed ^= mixed >>> 29;
        return (int)Long.remainderUnsigned(mixed, count);
    }

    /** The partition that holds tweet {@code tweetId}: its author's. */
    public int ofTweet(final long tweetId)
    {
        return count == 1 ? 0 : (int)(tweetId % count);
    }

    /** The smallest value at least {@code value} that names {@code partition}. */
    public long alignUp(final long value, final int partition)
    {
        if (count == 1)
        {
            return value;
        }
        final long rest = Math.floorMod(partition - value, (long)count);
        return value + rest;
    }
}
