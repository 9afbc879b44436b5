package dev.timeline.engine.state;

import dev.timeline.engine.Strategy;
import org.agrona.DirectBuffer;

/**
 * The deterministic state machine of one partition: every command that changes a
 * {@link PartitionState} (follow, unfollow, post, delete, and the delivery of another partition's
 * post), and the queries that decide whether a command changes anything. Applying the same
 * commands in the same order always gives the same state, which is how recovery replays the
 * journal. Tweet ids come with the command: the feeder draws them from the command's time.
 * <p>
 * Single writer: every method runs on the state's owning thread, checked with assertions.
 */
public final class TimelineStateMachine
{
    private final PartitionState state;
    private final Backfill backfill;
    private final CelebritySwitch celebrities;
    private final DeliveryGroup deliveries = new DeliveryGroup();
    private boolean batching;

    /** The state machine of {@code state}; one per state, as it keeps scratch memory of its own. */
    public TimelineStateMachine(final PartitionState state)
    {
        this.state = state;
        backfill = new Backfill(state);
        celebrities = new CelebritySwitch(state, backfill);
    }

    /** The state this machine changes. */
    public PartitionState state()
    {
        return state;
    }

    /** True if {@code follower} follows {@code followee} now: a follow would change nothing. */
    public boolean isFollowing(final long follower, final long followee)
    {
        assert state.isOwner();
        final Users users = state.users;
        final int from = users.find(follower);
        final int to = users.find(followee);
        return from >= 0 && to >= 0 && SortedInts.contains(users.table().followees(from), to);
    }

    /** The index of the live (posted, not deleted) tweet with {@code id}, or -1. */
    public int findLiveTweet(final long id)
    {
        assert state.isOwner();
        final int tweet = state.tweets.find(id);
        return tweet >= 0 && !state.tweets.isDeleted(tweet) ? tweet : -1;
    }

    /**
     * Starts a batch of posts and deliveries from other partitions whose timeline writes may wait, to
     * be made in groups of many tweets' deliveries, until {@link #endBatch} or any other command: the
     * feeder must not let readers see the batch's tweets before then. Outside a batch each post's and
     * each delivery's timeline writes are all made before the call returns.
     */
    public void beginBatch()
    {
        assert state.isOwner();
        batching = true;
    }

    /** Ends a batch: makes every timeline write still waiting. */
    public void endBatch()
    {
        assert state.isOwner();
        deliverWaiting();
        batching = false;
    }

    /** {@code followerId} follows {@code followeeId}; nothing changes if it does already. */
    public void follow(final long followerId, final long followeeId)
    {
        assert state.isOwner();
        deliverWaiting();
        final int follower = state.intern(followerId);
        final int followee = state.intern(followeeId);
        final UserTable table = state.users.table();
        final int[] followees = table.followees(follower);
        if (SortedInts.contains(followees, followee))
        {
            return;
        }
        FollowerLists.add(table, followee, follower);
        state.follows++;

        table.beginWrite(follower);
        table.followees(follower, SortedInts.with(followees, followee));
        if (state.strategy != Strategy.PULL)
        {
            if (table.isPulled[followee])
            {
                table.pulled(follower, SortedInts.with(table.pulled(follower), followee));
            }
            else
            {
                backfill.fill(table, follower, followee);
            }
        }
        table.endWrite(follower);
        celebrities.followed(table, followee);
    }

    /** {@code followerId} stops following {@code followeeId}; nothing changes if it does not. */
    public void unfollow(final long followerId, final long followeeId)
    {
        assert state.isOwner();
        deliverWaiting();
        final Users users = state.users;
        final int follower = users.find(followerId);
        final int followee = users.find(followeeId);
        if (follower < 0 || followee < 0)
        {
            return;
        }
        final UserTable table = users.table();
        final int[] followees = table.followees(follower);
        if (!SortedInts.contains(followees, followee))
        {
            return;
        }
        FollowerLists.remove(table, followee, follower);
        state.follows--;

        table.beginWrite(follower);
        table.followees(follower, SortedInts.without(followees, followee));
        table.pulled(follower, SortedInts.without(table.pulled(follower), followee));
        state.timelines.removeAuthor(table, follower, followee);
        table.endWrite(follower);
        celebrities.unfollowed(table, followee);
    }

    /**
     * Makes room for the next post, whose text is {@code textLength} bytes, before it is journaled, so
     * that {@link #post} cannot fail for memory. Timelines need no room: a delivery that finds none
     * keeps fewer entries and reads merge the rest (see {@code HomeTimelines}).
     *
     * @throws dev.timeline.engine.MemoryLimitException if the room would pass the direct memory limit.
     */
    public void reservePost(final int textLength)
    {
        assert state.isOwner();
        state.tweets.reserve(textLength);
    }

    /** Stores a tweet of this partition's author and fans it out here; returns its index in the tweet store. */
    public int post(final long id, final long authorId, final DirectBuffer text, final int offset, final int length)
    {
        assert state.isOwner();
        assert id > state.lastTweetId : "tweet ids must increase";
        assert state.partitioner.ofUser(authorId) == state.partition && state.partitioner.ofTweet(id) == state.partition;
        final int author = state.intern(authorId);
        final UserTable table = state.users.table();
        final int tweet = state.tweets.append(id, author, table.head(author), text, offset, length);
        table.head(author, tweet);
        state.lastTweetId = id;

        if (state.strategy != Strategy.PULL && !table.isPulled[author])
        {
            deliver(author, id, author, tweet, true);
            fanOut(table, id, author, tweet, true);
        }
        return tweet;
    }

    /**
     * Fans out a tweet of another partition's author to this partition's users who follow the author
     * and have it pushed. Tweets of one source arrive in id order.
     */
    public void deliverRemote(final int source, final long id, final long authorId, final int tweet)
    {
        assert state.isOwner();
        state.links.delivered(source, id);
        final int author = state.users.find(authorId);
        if (state.strategy == Strategy.PULL || author < 0)
        {
            return;
        }
        final UserTable table = state.users.table();
        if (!table.isPulled[author])
        {
            fanOut(table, id, author, tweet, false);
        }
    }

    /** Deletes a tweet found by {@link #findLiveTweet}. */
    public void delete(final int tweet)
    {
        assert state.isOwner();
        state.tweets.markDeleted(tweet);
    }

    /**
     * Delivers every tweet of {@code source} from tweet index {@code fromTweet} on, in id order, as
     * {@link #deliverRemote} would: after recovery, what each partition replayed reaches the others.
     */
    public void deliverTweetsOf(final PartitionState source, final int fromTweet)
    {
        final UserTable authors = source.users.table();
        for (int tweet = fromTweet, n = source.tweets.count(); tweet < n; tweet++)
        {
            deliverRemote(source.partition, source.tweets.id(tweet), authors.userIds[source.tweets.author(tweet)], tweet);
        }
    }

    /**
     * Delivers a tweet to every follower of {@code author}: at once outside a batch, else when a group
     * of deliveries is full or the batch ends.
     *
     * @param newest whether the tweet is newer than every entry of every timeline, as a local post is.
     */
    private void fanOut(final UserTable table, final long id, final int author, final int tweet, final boolean newest)
    {
        final int[] followers = table.followers[author];
        for (int i = 0, count = table.followerCounts[author]; i < count; i++)
        {
            deliver(followers[i], id, author, tweet, newest);
        }
        if (!batching)
        {
            deliverWaiting();
        }
    }

    private void deliver(final int user, final long id, final int author, final int tweet, final boolean newest)
    {
        state.deliveries++;
        if (deliveries.add(user, id, author, tweet, newest))
        {
            deliverWaiting();
        }
    }

    /**
     * Makes the timeline writes still waiting, in the order they were asked for, the batch going on:
     * before the feeder lets another partition count a delivery as made.
     */
    public void deliverWaiting()
    {
        deliveries.deliver(state.users.table(), state.timelines);
    }
}
