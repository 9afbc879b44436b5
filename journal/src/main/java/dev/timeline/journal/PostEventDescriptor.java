package dev.timeline.journal;

import static dev.timeline.journal.EventHeaderDescriptor.HEADER_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of {@link EventType#POST} events, version 1. Offsets are from the start of the event. The text fills the
 * rest of the body, so its length is the body length less {@link #TEXT_OFFSET} - {@link EventHeaderDescriptor#HEADER_LENGTH}.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                Header (EventHeaderDescriptor)                ...
 * ...                                                    24 bytes  |
 *  +---------------------------------------------------------------+
 *  |                            Tweet id                           |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         Author user id                        |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Text (UTF-8, 0..1120 bytes)                  ...
 * ...                                                              |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class PostEventDescriptor
{
    /**
     * Offset of the tweet id.
     */
    public static final int TWEET_ID_OFFSET = HEADER_LENGTH;

    /**
     * Offset of the author's user id.
     */
    public static final int AUTHOR_OFFSET = TWEET_ID_OFFSET + SIZE_OF_LONG;

    /**
     * Offset of the UTF-8 text.
     */
    public static final int TEXT_OFFSET = AUTHOR_OFFSET + SIZE_OF_LONG;

    /**
     * Most bytes of text: 280 code points of at most 4 UTF-8 bytes each.
     */
    public static final int MAX_TEXT_LENGTH = 280 * 4;

    private PostEventDescriptor()
    {
    }

    /**
     * Length of a post event.
     *
     * @param textLength bytes of UTF-8 text.
     * @return length of the event holding it.
     */
    public static int length(final int textLength)
    {
        return TEXT_OFFSET + textLength;
    }
}
