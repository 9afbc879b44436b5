package dev.timeline.engine.state;

import dev.timeline.engine.EngineStats;
import dev.timeline.engine.Strategy;

/**
 * The state of one partition: its users and follow graph ({@link Users}), its tweets
 * ({@link TweetStore}), its materialized home timelines ({@link HomeTimelines}), its links to the
 * other partitions ({@link PartitionLinks}) and the counts the engine reports. It is changed only by
 * its {@link TimelineStateMachine}, read by {@link TimelineReader}, and written and read back by
 * {@link StateSnapshot}.
 * <p>
 * A partition holds the users that hash to it (see {@link Partitioner}) and a row for every other
 * user one of them follows. Its tweets are its own users' tweets.
 * <p>
 * Single writer: every change happens on the owning thread (the recovering thread, then the
 * partition's writer), checked with assertions.
 */
public final class PartitionState
{
    final int partition;
    final Partitioner partitioner;
    final Strategy strategy;
    /** Under {@link Strategy#HYBRID}: followers from which an author is merged at read time, over all partitions. */
    final int celebrityThreshold;
    final Users users = new Users();
    final TweetStore tweets;
    final HomeTimelines timelines;
    final PartitionLinks links;
    long follows;
    long deliveries;
    long celebrities;
    long lastTweetId;
    long homeUsers;
    private Thread owner;

    /**
     * An empty partition state.
     *
     * @param partition          this partition's index.
     * @param partitioner        how users and tweets map to the engine's partitions.
     * @param strategy           how posts reach timelines; only changes speed, never answers.
     * @param timelineCapacity   entries kept per home timeline.
     * @param celebrityThreshold followers, over all partitions, from which {@link Strategy#HYBRID}
     *                           merges an author at read time.
     * @param budget             where the off-heap memory of its stores comes from.
     */
    public PartitionState(
        final int partition, final Partitioner partitioner, final Strategy strategy, final int timelineCapacity,
        final int celebrityThreshold, final OffHeapBudget budget)
    {
        this.partition = partition;
        this.partitioner = partitioner;
        this.strategy = strategy;
        this.celebrityThreshold = celebrityThreshold;
        tweets = new TweetStore(budget);
        timelines = new HomeTimelines(timelineCapacity, budget);
        links = new PartitionLinks(this);
    }

    /** This partition's index. */
    public int partition()
    {
        return partition;
    }

    /** True if user {@code userId} hashes to this partition: its follows and posts come here. */
    public boolean ownsUser(final long userId)
    {
        return partitioner.ofUser(userId) == partition;
    }

    /** True if tweet {@code tweetId} was posted in this partition. */
    public boolean ownsTweet(final long tweetId)
    {
        return partitioner.ofTweet(tweetId) == partition;
    }

    /** Joins the engine's partitions, indexed by partition, this one among them; before any use. */
    public void connect(final PartitionState[] partitions)
    {
        links.connect(partitions);
    }

    /** Counts every tweet of every other partition posted so far as delivered here. */
    public void markDelivered()
    {
        links.markDelivered();
    }

    /** Hands the single-writer role to the calling thread. */
    public void takeOwnership()
    {
        owner = Thread.currentThread();
    }

    /** True on the thread that owns the state: the only one that may change it. */
    boolean isOwner()
    {
        return owner == Thread.currentThread();
    }

    /** Entries written to home timelines by posts. */
    public long deliveries()
    {
        return deliveries;
    }

    /** Users that hash to this partition and were ever seen. */
    public long homeUsers()
    {
        return homeUsers;
    }

    /** Largest tweet id posted, 0 if none. */
    public long lastTweetId()
    {
        return lastTweetId;
    }

    /** Tweets posted here, deleted or not: the index the next one gets. Writer only. */
    public int tweetCount()
    {
        return tweets.count();
    }

    /** Tweets posted here and not deleted. Writer only. */
    public long liveTweets()
    {
        return tweets.count() - tweets.deletedCount();
    }

    /** Timelines kept shorter than their capacity for lack of direct memory, so far. Writer only. */
    public long timelinesShortened()
    {
        return timelines.blocksRefused();
    }

    /** Off-heap memory this partition's tweets and timelines take, in bytes. */
    public long offHeapBytes()
    {
        return tweets.reservedBytes() + timelines.reservedBytes();
    }

    /** A summary of this partition now; approximate while commands are being applied. */
    public EngineStats stats()
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

    /** Interns {@code userId}, counting the users this partition is home to. */
    int intern(final long userId)
    {
        assert isOwner();
        final int known = users.size();
        final int user = users.intern(userId);
        if (user == known && partitioner.ofUser(userId) == partition)
        {
            homeUsers++;
        }
        return user;
    }

    /** True if {@code user} hashes to this partition. */
    boolean isHome(final UserTable table, final int user)
    {
        return partitioner.ofUser(table.userIds[user]) == partition;
    }

    /** Releases the off-heap memory; only once nothing reads or writes the state any more. */
    public void free()
    {
        tweets.free();
        timelines.free();
    }
}
