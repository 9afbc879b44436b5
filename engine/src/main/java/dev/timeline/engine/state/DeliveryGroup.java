package dev.timeline.engine.state;

/**
 * Deliveries waiting to be written into home timelines, written {@link #SIZE} at a time whichever
 * tweets they are of: the timelines of a group are first brought into cache together
 * ({@link HomeTimelines#prefetch}), so that their cache misses overlap instead of each delivery
 * waiting for its own, and a group fills as well from the few followers of many posts as from the
 * many followers of one. Deliveries are written in the order they were added, so each timeline
 * receives its entries in the same order as if each were written at once. Writer only.
 */
final class DeliveryGroup
{
    /** Deliveries written together: enough cache misses to overlap, few enough to stay in L1. */
    static final int SIZE = 16;

    private final int[] users = new int[SIZE];
    private final long[] ids = new long[SIZE];
    private final int[] authors = new int[SIZE];
    private final int[] tweets = new int[SIZE];
    private final boolean[] newest = new boolean[SIZE];
    private int size;

    /**
     * Adds a delivery of tweet {@code id} to {@code user}'s timeline; returns true if the group is now
     * full and must be written.
     *
     * @param isNewest whether the tweet is newer than every entry of the timeline, as a local post is.
     */
    boolean add(final int user, final long id, final int author, final int tweet, final boolean isNewest)
    {
        users[size] = user;
        ids[size] = id;
        authors[size] = author;
        tweets[size] = tweet;
        newest[size] = isNewest;
        return ++size == SIZE;
    }

    /** Writes every delivery of the group into {@code timelines}, each in its user's seqlock write section. */
    void deliver(final UserTable table, final HomeTimelines timelines)
    {
        final int count = size;
        size = 0;
        if (count > 1)
        {
            // One delivery has no misses to overlap: outside a batch, in recovery and in a cluster member.
            timelines.prefetch(table, users, newest, count);
        }
        for (int i = 0; i < count; i++)
        {
            final int user = users[i];
            table.beginWrite(user);
            if (newest[i])
            {
                timelines.append(table, user, ids[i], authors[i], tweets[i]);
            }
            else
            {
                timelines.add(table, user, ids[i], authors[i], tweets[i]);
            }
            table.endWrite(user);
        }
    }
}
