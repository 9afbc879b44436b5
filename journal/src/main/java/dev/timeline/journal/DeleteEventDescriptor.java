package dev.timeline.journal;

import static dev.timeline.journal.EventHeaderDescriptor.HEADER_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of {@link EventType#DELETE} events, version 1. Offsets are from the start of the event.
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
 * </pre>
 */
public final class DeleteEventDescriptor
{
    /**
     * Offset of the id of the deleted tweet.
     */
    public static final int TWEET_ID_OFFSET = HEADER_LENGTH;

    /**
     * Length of the event.
     */
    public static final int LENGTH = TWEET_ID_OFFSET + SIZE_OF_LONG;

    private DeleteEventDescriptor()
    {
    }
}
