package dev.timeline.journal;

/**
 * The event types of the journal, as stored in the type byte of the {@link EventHeaderDescriptor header}.
 * <p>
 * Rule for new types: a journal only ever holds types its recorded {@link Journal#FORMAT_VERSION} defines. Adding a
 * type raises the format version, so an older build refuses the whole journal when it opens it, rather than
 * misapplying part of it; an unknown type met during a replay is therefore damage and is reported as such.
 */
public final class EventType
{
    /**
     * A user follows another; body laid out by {@link FollowEventDescriptor}.
     */
    public static final int FOLLOW = 1;

    /**
     * A user unfollows another; body laid out by {@link FollowEventDescriptor}.
     */
    public static final int UNFOLLOW = 2;

    /**
     * A tweet is posted; body laid out by {@link PostEventDescriptor}.
     */
    public static final int POST = 3;

    /**
     * A tweet is deleted; body laid out by {@link DeleteEventDescriptor}.
     */
    public static final int DELETE = 4;

    private EventType()
    {
    }

    /**
     * Name of a type for messages and dumps.
     *
     * @param type the stored type byte.
     * @return its name, or {@code "UNKNOWN(n)"}.
     */
    public static String name(final int type)
    {
        switch (type)
        {
            case FOLLOW:
                return "FOLLOW";
            case UNFOLLOW:
                return "UNFOLLOW";
            case POST:
                return "POST";
            case DELETE:
                return "DELETE";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
