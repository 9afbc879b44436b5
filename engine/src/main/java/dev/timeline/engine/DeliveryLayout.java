package dev.timeline.engine;

/**
 * Layout of a delivery in a partition's delivery inbox: a tweet posted in another partition, for
 * this partition to fan out to its users who follow the author.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          Tweet Id                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          Author (user id)                     |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |        Tweet (index in the author's partition's store)        |
 *  +---------------------------------------------------------------+
 *  |                  Source Partition                             |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class DeliveryLayout
{
    static final int DELIVER = 1;

    static final int ID_OFFSET = 0;
    static final int AUTHOR_OFFSET = 8;
    static final int TWEET_OFFSET = 16;
    static final int SOURCE_OFFSET = 20;
    static final int LENGTH = 24;

    private DeliveryLayout()
    {
    }
}
