package dev.timeline.cluster;

/**
 * Layout of a command sent to the cluster (ingress), one Aeron Cluster message each; every member
 * applies it from the replicated log.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         Command Type                          |
 *  +---------------------------------------------------------------+
 *  |       Tag: opaque to the cluster, a node's acknowledgement    |
 *  +---------------------------------------------------------------+
 *  |                Client Id: who sent it, for dedup              |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |        Sequence: the client's number for the command          |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |        First: follower, author, tweet id or user              |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |        Second: followee, or before (reads)                    |
 *  |        or the UTF-8 text to the end of the message (post)     |
 *  +---------------------------------------------------------------+
 *  |        Limit (reads)                                          |
 *  +---------------------------------------------------------------+
 * </pre>
 * Writes (follow, unfollow, post, delete) are applied at most once per client id and sequence, and
 * answered again with their first outcome when sent again; reads and syncs are answered each time.
 * <p>
 * A client sends the commands it has ready in one message, a batch: the type {@link #BATCH}, the
 * count, then each command as its length (an int) and its bytes, applied in order.
 */
final class IngressLayout
{
    static final int FOLLOW = 1;
    static final int UNFOLLOW = 2;
    static final int POST = 3;
    static final int DELETE = 4;
    static final int HOME = 5;
    static final int TWEETS = 6;
    static final int SYNC = 7;
    static final int BATCH = 8;

    static final int COUNT_OFFSET = 4;
    static final int BATCH_HEADER_LENGTH = 8;
    /** The most bytes of a batch: an eighth of the ingress channel's term, Aeron's largest message. */
    static final int MAX_BATCH_LENGTH = 64 * 1024;

    static final int TYPE_OFFSET = 0;
    static final int TAG_OFFSET = 4;
    static final int CLIENT_OFFSET = 8;
    static final int SEQUENCE_OFFSET = 16;
    static final int FIRST_OFFSET = 24;
    static final int SECOND_OFFSET = 32;
    static final int TEXT_OFFSET = 32;
    static final int LIMIT_OFFSET = 40;

    static final int HEADER_LENGTH = 24;
    static final int SINGLE_LENGTH = 32;
    static final int PAIR_LENGTH = 40;
    static final int READ_LENGTH = 44;

    private IngressLayout()
    {
    }

    /** True for the commands that change state, which are deduplicated. */
    static boolean isWrite(final int type)
    {
        return type >= FOLLOW && type <= DELETE;
    }
}
