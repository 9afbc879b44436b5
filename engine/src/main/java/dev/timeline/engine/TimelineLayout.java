package dev.timeline.engine;

/**
 * Layout of one user's materialized home timeline in {@link HomeTimelines}: a header and a ring of
 * fixed-size entries sorted by tweet id (oldest at {@code start}).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |        Horizon: largest tweet id trimmed, 0 if none           |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Start (ring index of oldest)                 |
 *  +---------------------------------------------------------------+
 *  |                      Count (entries held)                     |
 *  +---------------------------------------------------------------+
 *  |                Entry 0: Tweet Id                              |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                Entry 0: Author (user index)                   |
 *  +---------------------------------------------------------------+
 *  |                Entry 0: Tweet (tweet index)                   |
 *  +---------------------------------------------------------------+
 *  |                Entry 1 ... Entry capacity - 1                 |
 *  +---------------------------------------------------------------+
 * </pre>
 * The timeline holds every tweet with an id above the horizon by the authors it is pushed for; the
 * writer changes it only inside the owner's seqlock section (see {@link UserTable}).
 */
final class TimelineLayout
{
    static final int HORIZON_OFFSET = 0;
    static final int START_OFFSET = 8;
    static final int COUNT_OFFSET = 12;
    static final int HEADER_LENGTH = 16;

    static final int ENTRY_ID_OFFSET = 0;
    static final int ENTRY_AUTHOR_OFFSET = 8;
    static final int ENTRY_TWEET_OFFSET = 12;
    static final int ENTRY_LENGTH = 16;

    private TimelineLayout()
    {
    }

    static int blockLength(final int capacity)
    {
        return HEADER_LENGTH + capacity * ENTRY_LENGTH;
    }

    static int entryOffset(final int blockOffset, final int ringIndex)
    {
        return blockOffset + HEADER_LENGTH + ringIndex * ENTRY_LENGTH;
    }
}
