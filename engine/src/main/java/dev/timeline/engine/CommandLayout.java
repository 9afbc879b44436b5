package dev.timeline.engine;

/**
 * Layout of a command in a partition's inbox ring buffer; the message type is the command.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Acknowledgement Slot                         |
 *  +---------------------------------------------------------------+
 *  |                  Reserved                                     |
 *  +---------------------------------------------------------------+
 *  |       First: follower, author or tweet id                     |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |       Second: followee (follow, unfollow)                     |
 *  |       or the UTF-8 text to the end of the message (post)      |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class CommandLayout
{
    static final int FOLLOW = 1;
    static final int UNFOLLOW = 2;
    static final int POST = 3;
    static final int DELETE = 4;

    static final int SLOT_OFFSET = 0;
    static final int FIRST_OFFSET = 8;
    static final int SECOND_OFFSET = 16;
    static final int TEXT_OFFSET = 16;
    static final int PAIR_LENGTH = 24;
    static final int SINGLE_LENGTH = 16;

    private CommandLayout()
    {
    }
}
