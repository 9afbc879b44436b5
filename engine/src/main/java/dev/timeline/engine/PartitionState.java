package dev.timeline.engine;

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.Arrays;

/**
 * The state of one partition and every change to it: the follow graph, the tweets and the
 * materialized home timelines. Applying the same commands in the same order always gives the same
 * state, which is how recovery replays the journal.
 * <p>
 * A partition holds the users that hash to it (see {@link Partitioner}) and a row for every other
 * user one of them follows. Under {@link Strategy#HYBRID} it merges at read time the authors that
 * have at least its share of the celebrity threshold (the threshold divided by the partition count)
 * among its own users. Its tweets are its own users' tweets; the tweets of another partition's
 * authors reach its timelines as deliveries ({@link #deliverRemote}), and their chains are read from
 * the author's partition, which never changes a tweet once published but for its deleted flag.
 * <p>
 * Single writer: every method that changes state runs on the owning thread (the recovering thread,
 * then the partition's writer), checked with assertions. Reads go through {@link TimelineReader}.
 */
final class PartitionState
{
    final Users users = new Users();
    final TweetStore tweets = new TweetStore();
    final HomeTimelines timelines;
    final int partition;
    final Partitioner partitioner;
    private final Strategy strategy;
    private final int celebrityThreshold;
    private final long[] backfillIds;
    private final int[] backfillAuthors;
    private final int[] backfillTweets;
    private long follows;
    private long deliveries;
    private long celebrities;
    private long lastTweetId;
    private long homeUsers;
    /** Per partition: the id of its last tweet delivered here; tweets above it are still to come. */
    private final long[] delivered;
    private PartitionState[] partitions;
    private Thread owner;

    PartitionState(
        final int partition, final Partitioner partitioner, final Strategy strategy, final int timelineCapacity,
        final int celebrityThreshold)
    {
        this.partition = partition;
        this.partitioner = partitioner;
        delivered = new long[partitioner.count()];
        partitions = new PartitionState[] {this};
        this.strategy = strategy;
        this.celebrityThreshold = Math.max(1, (celebrityThreshold + partitioner.count() - 1) / partitioner.count());
        timelines = new HomeTimelines(timelineCapacity);
        backfillIds = new long[timelineCapacity];
        backfillAuthors = new int[timelineCapacity];
        backfillTweets = new int[timelineCapacity];
    }

    Strategy strategy()
    {
        return strategy;
    }

    /** Joins the engine's partitions, indexed by partition, this one among them; before any use. */
    void connect(final PartitionState[] partitions)
    {
        this.partitions = partitions;
    }

    /** Counts every tweet of every other partition posted so far as delivered here. */
    void markDelivered()
    {
        for (int source = 0; source < partitions.length; source++)
        {
            delivered[source] = partitions[source].lastTweetId;
        }
    }

    /** The tweets of the partition that holds tweet {@code tweetId}. Any thread. */
    TweetStore tweetsOf(final long tweetId)
    {
        return partitions[partitioner.ofTweet(tweetId)].tweets;
    }

    /** The tweets of {@code user}'s partition. Any thread. */
    TweetStore tweetsBy(final UserTable table, final int user)
    {
        return partitions[partitioner.ofUser(table.userIds[user])].tweets;
    }

    /**
     * The newest tweet of {@code user} (an index in {@link #tweetsBy}), or {@link TweetLayout#NONE}.
     * Any thread; from another partition's user, as published there.
     */
    int chainHead(final UserTable table, final int user)
    {
        final long userId = table.userIds[user];
        final int home = partitioner.ofUser(userId);
        if (home == partition)
        {
            return table.head(user);
        }
        final Users owners = partitions[home].users;
        final int there = owners.find(userId);
        return there < 0 ? TweetLayout.NONE : owners.table().head(there);
    }

    /** Hands the single-writer role to the calling thread. */
    void takeOwnership()
    {
        owner = Thread.currentThread();
    }

    /** True if {@code follower} follows {@code followee} now. */
    boolean isFollowing(final long follower, final long followee)
    {
        assert isOwner();
        final int from = users.find(follower);
        final int to = users.find(followee);
        return from >= 0 && to >= 0 && SortedInts.contains(users.table().followees(from), to);
    }

    /** The index of the live (posted, not deleted) tweet with {@code id}, or -1. */
    int findLiveTweet(final long id)
    {
        assert isOwner();
        final int tweet = tweets.find(id);
        return tweet >= 0 && !tweets.isDeleted(tweet) ? tweet : -1;
    }

    /** Entries written to home timelines by posts. */
    long deliveries()
    {
        return deliveries;
    }

    /** Users that hash to this partition and were ever seen. */
    long homeUsers()
    {
        return homeUsers;
    }

    /** Largest tweet id posted, 0 if none. */
    long lastTweetId()
    {
        return lastTweetId;
    }

    void follow(final long followerId, final long followeeId)
    {
        assert isOwner();
        final int follower = intern(followerId);
        final int followee = intern(followeeId);
        final UserTable table = users.table();
        final int[] followees = table.followees(follower);
        if (SortedInts.contains(followees, followee))
        {
            return;
        }
        addFollower(table, followee, follower);
        follows++;

        table.beginWrite(follower);
        table.followees(follower, SortedInts.with(followees, followee));
        if (strategy != Strategy.PULL)
        {
            if (table.isPulled[followee])
            {
                table.pulled(follower, SortedInts.with(table.pulled(follower), followee));
            }
            else
            {
                backfill(table, follower, followee);
            }
        }
        table.endWrite(follower);

        if (strategy == Strategy.HYBRID && !table.isPulled[followee] &&
            table.followerCounts[followee] >= celebrityThreshold)
        {
            switchToPulled(table, followee);
        }
    }

    void unfollow(final long followerId, final long followeeId)
    {
        assert isOwner();
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
        removeFollower(table, followee, follower);
        follows--;

        table.beginWrite(follower);
        table.followees(follower, SortedInts.without(followees, followee));
        table.pulled(follower, SortedInts.without(table.pulled(follower), followee));
        timelines.removeAuthor(table, follower, followee);
        table.endWrite(follower);

        if (strategy == Strategy.HYBRID && table.isPulled[followee] &&
            table.followerCounts[followee] < celebrityThreshold)
        {
            switchToPushed(table, followee);
        }
    }

    /** Stores a tweet of this partition's author and fans it out here; returns its index in {@link #tweets}. */
    int post(final long id, final long authorId, final DirectBuffer text, final int offset, final int length)
    {
        assert isOwner();
        assert id > lastTweetId : "tweet ids must increase";
        assert partitioner.ofUser(authorId) == partition && partitioner.ofTweet(id) == partition;
        final int author = intern(authorId);
        final UserTable table = users.table();
        final int tweet = tweets.append(id, author, table.head(author), text, offset, length);
        table.head(author, tweet);
        lastTweetId = id;

        if (strategy != Strategy.PULL && !table.isPulled[author])
        {
            deliver(table, author, id, author, tweet);
            final int[] followers = table.followers[author];
            for (int i = 0, n = table.followerCounts[author]; i < n; i++)
            {
                deliver(table, followers[i], id, author, tweet);
            }
        }
        return tweet;
    }

    /**
     * Fans out a tweet of another partition's author to this partition's users who follow the author
     * and have it pushed. Tweets of one source arrive in id order.
     */
    void deliverRemote(final int source, final long id, final long authorId, final int tweet)
    {
        assert isOwner();
        assert id > delivered[source] : "deliveries of a partition arrive in id order";
        delivered[source] = id;
        final int author = users.find(authorId);
        if (strategy == Strategy.PULL || author < 0)
        {
            return;
        }
        final UserTable table = users.table();
        if (!table.isPulled[author])
        {
            final int[] followers = table.followers[author];
            for (int i = 0, n = table.followerCounts[author]; i < n; i++)
            {
                final int follower = followers[i];
                table.beginWrite(follower);
                timelines.add(table, follower, id, author, tweet);
                table.endWrite(follower);
            }
            deliveries += table.followerCounts[author];
        }
    }

    /** Deletes a tweet found by {@link #findLiveTweet}. */
    void delete(final int tweet)
    {
        assert isOwner();
        tweets.markDeleted(tweet);
    }

    EngineStats stats()
    {
        return new EngineStats(
            homeUsers,
            follows,
            tweets.count() - tweets.deletedCount(),
            tweets.deletedCount(),
            celebrities,
            deliveries,
            tweets.reservedBytes() + timelines.reservedBytes());
    }

    /**
     * Writes the counts, every user's id and whether it is pulled, then each user's state, followees
     * and followers.
     */
    void writeGraphTo(final SnapshotOutput out) throws IOException
    {
        assert isOwner();
        out.putLong(lastTweetId);
        out.putLong(follows);
        out.putLong(deliveries);
        out.putLong(celebrities);
        final UserTable table = users.table();
        final int userCount = users.size();
        out.putInt(userCount);
        for (int user = 0; user < userCount; user++)
        {
            out.putLong(table.userIds[user]);
            out.putInt(table.isPulled[user] ? 1 : 0);
        }
        for (int user = 0; user < userCount; user++)
        {
            out.putInt(table.head(user));
            out.putLong(table.block(user));
            out.putLong(table.horizon(user));
            out.putLong(table.ring(user));
            final int[] followees = table.followees(user);
            out.putInt(followees.length);
            out.putInts(followees, followees.length);
            out.putInt(table.followerCounts[user]);
            out.putInts(table.followers[user], table.followerCounts[user]);
        }
    }

    /** Writes the off-heap memory: tweets and timelines. */
    void writeMemoryTo(final SnapshotOutput out) throws IOException
    {
        assert isOwner();
        tweets.writeTo(out);
        timelines.writeTo(out);
    }

    /** Reads back what {@link #writeGraphTo} wrote into this empty state, deriving what users merge at read time. */
    void readGraphFrom(final SnapshotInput in) throws IOException
    {
        assert isOwner();
        lastTweetId = in.getLong();
        follows = in.getLong();
        deliveries = in.getLong();
        celebrities = in.getLong();
        final int userCount = in.getCount(Long.BYTES + Integer.BYTES);
        users.reserve(userCount);
        final UserTable table = users.table();
        for (int user = 0; user < userCount; user++)
        {
            if (intern(in.getLong()) != user)
            {
                throw new IOException("a user appears twice in the snapshot");
            }
            table.isPulled[user] = in.getInt() != 0;
        }
        for (int user = 0; user < userCount; user++)
        {
            table.head(user, in.getInt());
            table.block(user, in.getLong());
            table.horizon(user, in.getLong());
            table.ring(user, in.getLong());
            final int[] followees = readUsers(in);
            table.followees(user, followees);
            table.pulled(user, pulledBy(table.isPulled, user, followees));
            table.followers[user] = readUsers(in);
            table.followerCounts[user] = table.followers[user].length;
        }
    }

    /**
     * Reads back what {@link #writeMemoryTo} wrote into this empty state. It touches only the tweets
     * and timelines, so it may run on another thread while {@link #readGraphFrom} runs on the owner,
     * which then waits for it to finish before going on.
     */
    void readMemoryFrom(final SnapshotInput in) throws IOException
    {
        tweets.readFrom(in);
        timelines.readFrom(in);
    }

    private static int[] readUsers(final SnapshotInput in) throws IOException
    {
        final int count = in.getCount(Integer.BYTES);
        if (count == 0)
        {
            return UserTable.NONE;
        }
        final int[] users = new int[count];
        in.getInts(users);
        return users;
    }

    /** Of {@code user} and its sorted {@code followees}, those whose tweets are merged at read time, sorted. */
    private static int[] pulledBy(final boolean[] isPulled, final int user, final int[] followees)
    {
        int count = isPulled[user] ? 1 : 0;
        for (final int followee : followees)
        {
            count += isPulled[followee] ? 1 : 0;
        }
        if (count == 0)
        {
            return UserTable.NONE;
        }
        final int[] pulled = new int[count];
        int length = 0;
        boolean selfPending = isPulled[user];
        for (final int followee : followees)
        {
            if (selfPending && user < followee)
            {
                pulled[length++] = user;
                selfPending = false;
            }
            if (isPulled[followee])
            {
                pulled[length++] = followee;
            }
        }
        if (selfPending)
        {
            pulled[length] = user;
        }
        return pulled;
    }

    /** Releases the off-heap memory; only once nothing reads or writes the state any more. */
    void free()
    {
        tweets.free();
        timelines.free();
    }

    private void deliver(final UserTable table, final int user, final long id, final int author, final int tweet)
    {
        table.beginWrite(user);
        timelines.append(table, user, id, author, tweet);
        table.endWrite(user);
        deliveries++;
    }

    /**
     * Inside {@code user}'s write section: brings {@code author}'s tweets above the horizon into its
     * timeline, those of another partition only as far as they were delivered here: the rest follow.
     */
    private void backfill(final UserTable table, final int user, final int author)
    {
        final long horizon = table.horizon(user);
        final TweetStore tweets = tweetsBy(table, author);
        final int home = partitioner.ofUser(table.userIds[author]);
        final long newest = home == partition ? Long.MAX_VALUE : delivered[home];
        if (newest <= horizon)
        {
            return;
        }
        int length = 0;
        int tweet = chainHead(table, author);
        while (tweet != TweetLayout.NONE && tweets.id(tweet) > newest)
        {
            tweet = tweets.previous(tweet);
        }
        while (tweet != TweetLayout.NONE && length < backfillIds.length)
        {
            final long id = tweets.id(tweet);
            if (id <= horizon)
            {
                break;
            }
            if (!tweets.isDeleted(tweet))
            {
                backfillIds[length] = id;
                backfillAuthors[length] = author;
                backfillTweets[length++] = tweet;
            }
            tweet = tweets.previous(tweet);
        }
        final long notCollected = tweet != TweetLayout.NONE && tweets.id(tweet) > horizon ? tweets.id(tweet) : 0;
        if (length > 0 || notCollected > 0)
        {
            timelines.merge(table, user, backfillIds, backfillAuthors, backfillTweets, length, notCollected);
        }
    }

    private void switchToPulled(final UserTable table, final int author)
    {
        table.isPulled[author] = true;
        celebrities++;
        if (isHome(table, author))
        {
            setPulled(table, author, author, true);
        }
        final int[] followers = table.followers[author];
        for (int i = 0, n = table.followerCounts[author]; i < n; i++)
        {
            setPulled(table, followers[i], author, true);
        }
    }

    private void switchToPushed(final UserTable table, final int author)
    {
        table.isPulled[author] = false;
        celebrities--;
        if (isHome(table, author))
        {
            setPulled(table, author, author, false);
        }
        final int[] followers = table.followers[author];
        for (int i = 0, n = table.followerCounts[author]; i < n; i++)
        {
            setPulled(table, followers[i], author, false);
        }
    }

    private void setPulled(final UserTable table, final int user, final int author, final boolean pulled)
    {
        table.beginWrite(user);
        if (pulled)
        {
            table.pulled(user, SortedInts.with(table.pulled(user), author));
        }
        else
        {
            table.pulled(user, SortedInts.without(table.pulled(user), author));
            backfill(table, user, author);
        }
        table.endWrite(user);
    }

    private boolean isHome(final UserTable table, final int user)
    {
        return partitioner.ofUser(table.userIds[user]) == partition;
    }

    /** Interns {@code userId}, counting the users this partition is home to. */
    private int intern(final long userId)
    {
        final int known = users.size();
        final int user = users.intern(userId);
        if (user == known && partitioner.ofUser(userId) == partition)
        {
            homeUsers++;
        }
        return user;
    }

    private static void addFollower(final UserTable table, final int user, final int follower)
    {
        final int count = table.followerCounts[user];
        int[] followers = table.followers[user];
        if (count == followers.length)
        {
            followers = Arrays.copyOf(followers, Math.max(4, count * 2));
            table.followers[user] = followers;
        }
        followers[count] = follower;
        table.followerCounts[user] = count + 1;
    }

    private static void removeFollower(final UserTable table, final int user, final int follower)
    {
        final int[] followers = table.followers[user];
        final int last = table.followerCounts[user] - 1;
        for (int i = last; i >= 0; i--)
        {
            if (followers[i] == follower)
            {
                followers[i] = followers[last];
                table.followerCounts[user] = last;
                return;
            }
        }
        throw new IllegalStateException("follower missing from the followers of user index " + user);
    }

    private boolean isOwner()
    {
        return owner == Thread.currentThread();
    }
}
