package dev.timeline.engine.state;

/**
 * Brings an author's tweets into a home timeline, for a follow or an author pushed again: the
 * tweets above the timeline's horizon, newest first, at most a timeline's capacity, and of another
 * partition's author only as far as they were delivered here, as the rest follow by delivery.
 * Writer only; its scratch arrays are reused from one back-fill to the next.
 */
final class Backfill
{
    private final PartitionState state;
    private final long[] ids;
    private final int[] authors;
    private final int[] tweets;

    Backfill(final PartitionState state)
    {
        this.state = state;
        final int capacity = state.timelines.timelineCapacity();
        ids = new long[capacity];
        authors = new int[capacity];
        tweets = new int[capacity];
    }

    /** Inside {@code user}'s write section: merges {@code author}'s tweets above the horizon into its timeline. */
    void fill(final UserTable table, final int user, final int author)
    {
        final long horizon = table.horizon(user);
        final PartitionLinks links = state.links;
        final TweetStore chain = links.tweetsBy(table, author);
        final int owner = links.partitionOf(table, author);
        final long newest = owner == state.partition ? Long.MAX_VALUE : links.deliveredFrom(owner);
        if (newest <= horizon)
        {
            return;
        }
        int length = 0;
        int tweet = links.chainHead(table, author);
        while (tweet != TweetLayout.NONE && chain.id(tweet) > newest)
        {
            tweet = chain.previous(tweet);
        }
        while (tweet != TweetLayout.NONE && length < ids.length)
        {
            final long id = chain.id(tweet);
            if (id <= horizon)
            {
                break;
            }
            if (!chain.isDeleted(tweet))
            {
                ids[length] = id;
                authors[length] = author;
                tweets[length++] = tweet;
            }
            tweet = chain.previous(tweet);
        }
        final long notCollected = tweet != TweetLayout.NONE && chain.id(tweet) > horizon ? chain.id(tweet) : 0;
        if (length > 0 || notCollected > 0)
        {
            state.timelines.merge(table, user, ids, authors, tweets, length, notCollected);
        }
    }
}
