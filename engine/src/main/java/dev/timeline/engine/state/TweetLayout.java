package dev.timeline.engine.state;

/**
 * Layout of one tweet record in the {@link TweetStore}, 32 bytes, 8-byte aligned:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                           Tweet Id                            |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Text Offset (in the text log)                 |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     Author (user index)                       |
 *  +---------------------------------------------------------------+
 *  |       Previous Tweet Of The Same Author (tweet index, -1)     |
 *  +---------------------------------------------------------------+
 *  |                   Text Length (UTF-8 bytes)                   |
 *  +---------------------------------------------------------------+
 *  |                     Flags (1 = deleted)                       |
 *  +---------------------------------------------------------------+
 * </pre>
 * A record is written whole before its index is published, and afterwards only its flags change.
 */
final class TweetLayout
{
    static final int ID_OFFSET = 0;
    static final int TEXT_OFFSET_OFFSET = 8;
    static final int AUTHOR_OFFSET = 16;
    static final int PREVIOUS_OFFSET = 20;
    static final int TEXT_LENGTH_OFFSET = 24;
    static final int FLAGS_OFFSET = 28;
    static final int LENGTH = 32;

    static final int DELETED_FLAG = 1;
    /** Marks the end of an author's chain of tweets. */
    static final int NONE = -1;

    private TweetLayout()
    {
    }
}
