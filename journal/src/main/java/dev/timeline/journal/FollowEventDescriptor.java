package dev.timeline.journal;

import static dev.timeline.journal.EventHeaderDescriptor.HEADER_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of {@link EventType#FOLLOW} and {@link EventType#UNFOLLOW} events, version 1. Offsets are from the start of
 * the event.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                Header (EventHeaderDescriptor)                ...
 * ...                                                    24 bytes  |
 *  +---------------------------------------------------------------+
 *  |                        Follower user id                       |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                        Followee user id                       |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class FollowEventDescriptor
{
    /**
     * Offset of the id of the user who follows or unfollows.
     */
    public static final int FOLLOWER_OFFSET = HEADER_LENGTH;

    /**
     * Offset of the id of the user followed or unfollowed.
     */
    public static final int FOLLOWEE_OFFSET = FOLLOWER_OFFSET + SIZE_OF_LONG;

    /**
     * Length of the event.
     */
    public static final int LENGTH = FOLLOWEE_OFFSET + SIZE_OF_LONG;

    private FollowEventDescriptor()
    {
    }
}
