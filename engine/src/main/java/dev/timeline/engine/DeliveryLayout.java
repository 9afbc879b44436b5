package dev.timeline.engine;

/**
 * Layout of a delivery in a partition's delivery inbox: the tweets a batch of another partition
 * posted, in id order, for this partition to fan out to its users who follow their authors.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Source Partition                             |
 *  +---------------------------------------------------------------+
 *  |                  Tweets (count of the entries that follow)    |
 *  +---------------------------------------------------------------+
 *  |  Entry: Tweet Id (8 bytes)                                    |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |         Author (user id, 8 bytes)                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |         Tweet (index in the author's partition's store)       |
 *  +---------------------------------------------------------------+
 *  |         Unused                                                |
 *  +---------------------------------------------------------------+
 *  |  ... one entry per tweet                                      |
 * </pre>
 */
final class DeliveryLayout
{
    static final int DELIVER = 1;

    static final int SOURCE_OFFSET = 0;
    static final int COUNT_OFFSET = 4;
    static final int HEADER_LENGTH = 8;

    static final int ID_OFFSET = 0;
    static final int AUTHOR_OFFSET = 8;
    static final int TWEET_OFFSET = 16;
    static final int ENTRY_LENGTH = 24;

    private DeliveryLayout()
    {
    }

    /** Where entry {@code entry} of the delivery at {@code index} starts. */
    static int entryOffset(final int index, final int entry)
    {
        return index + HEADER_LENGTH + entry * ENTRY_LENGTH;
    }
}
