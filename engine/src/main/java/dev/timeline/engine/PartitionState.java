package dev.timeline.engine;

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
final class PartitionState
{
    final int partition;
    final Partitioner partitioner;
    final Strategy strategy;
    /** Under {@link Strategy#HYBRID}: this partition's share of the celebrity threshold (see {@link CelebritySwitch}). */
    final int celebrityThreshold;
    final Users users = new Users();
    final TweetStore tweets = new TweetStore();
    final HomeTimelines timelines;
    final PartitionLinks links;
    long follows;
    long deliveries;
    long celebrities;
    long lastTweetId;
    long homeUsers;
    private Thread owner;

    PartitionState(
        final int partition, final Partitioner partitioner, final Strategy strategy, final int timelineCapacity,
        final int celebrityThreshold)
    {
        this.partition = partition;
        this.partitioner = partitioner;
        this.strategy = strategy;
        this.celebrityThreshold = Math.max(1, (celebrityThreshold + partitioner.count() - 1) / partitioner.count());
        timelines = new HomeTimelines(timelineCapacity);
        links = new PartitionLinks(this);
    }

    Strategy strategy()
    {
        return strategy;
    }

    /** Hands the single-writer role to the calling thread. */
    void takeOwnership()
    {
        owner = Thread.currentThread();
    }

    /** True on the thread that owns the state: the only one that may change it. */
    boolean isOwner()
    {
        return owner == Thread.currentThread();
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
    void free()
    {
        tweets.free();
        timelines.free();
    }
}
