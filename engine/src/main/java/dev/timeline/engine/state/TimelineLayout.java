package dev.timeline.engine.state;

/**
 * Layout of a user's materialized home timeline: a header of four longs in the dense
 * {@link UserTable} home array, so a delivery's bookkeeping for many users shares cache lines, and a
 * ring of fixed-size entries in an off-heap block of one of the {@link BlockPool}s of
 * {@link HomeTimelines}, sorted by tweet id with the oldest at {@code start}.
 * <pre>
 *  Header (UserTable, 4 longs per user)       Entry (HomeTimelines block, capacity entries)
 *  +-----------------------------------+      +-----------------------------------+
 *  | 0  seqlock version (odd: writing) |      | 0   tweet id (8 bytes)            |
 *  | 1  horizon: largest id trimmed    |      | 8   author (user index, 4 bytes)  |
 *  | 2  start (high 32) | count (low 32)|      | 12  tweet (tweet index, 4 bytes)  |
 *  | 3  block: pool (high 32) | index  |      +-----------------------------------+
 *  |    (low 32), -1 before the first  |
 *  |    delivery                       |
 *  +-----------------------------------+
 * </pre>
 * The timeline holds every tweet with an id above the horizon by the authors it is pushed for; the
 * writer changes header and entries only inside the user's seqlock write section.
 */
final class TimelineLayout
{
    static final int HOME_LONGS = 4;
    static final int VERSION_INDEX = 0;
    static final int HORIZON_INDEX = 1;
    static final int RING_INDEX = 2;
    static final int BLOCK_INDEX = 3;

    static final int ENTRY_ID_OFFSET = 0;
    static final int ENTRY_AUTHOR_OFFSET = 8;
    static final int ENTRY_TWEET_OFFSET = 12;
    static final int ENTRY_LENGTH = 16;

    private TimelineLayout()
    {
    }

    static int blockLength(final int capacity)
    {
        return capacity * ENTRY_LENGTH;
    }

    static int entryOffset(final int blockOffset, final int ringIndex)
    {
        return blockOffset + ringIndex * ENTRY_LENGTH;
    }

    static long block(final int pool, final int index)
    {
        return ((long)pool << 32) | (index & 0xFFFFFFFFL);
    }

    /** The pool of {@code block}, -1 for no block. */
    static int pool(final long block)
    {
        return (int)(block >> 32);
    }

    static int index(final long block)
    {
        return (int)block;
    }

    static long ring(final int start, final int count)
    {
        return ((long)start << 32) | (count & 0xFFFFFFFFL);
    }

    static int start(final long ring)
    {
        return (int)(ring >>> 32);
    }

    static int count(final long ring)
    {
        return (int)ring;
    }
}
