package dev.timeline.engine.state;

/**
 * How a partition reaches the others: the tweets and tweet chains of authors that hash elsewhere,
 * which it reads directly from their partition (one process, and a published tweet never changes
 * but for its deleted flag), and how far each other partition's tweets have been delivered to it.
 * The lookups are safe from any thread; the delivery marks are the owning writer's.
 */
final class PartitionLinks
{
    private final PartitionState home;
    private final Partitioner partitioner;
    /** Per partition: the id of its last tweet delivered here; tweets above it are still to come. */
    private final long[] delivered;
    private PartitionState[] partitions;

    PartitionLinks(final PartitionState home)
    {
        this.home = home;
        partitioner = home.partitioner;
        delivered = new long[partitioner.count()];
        partitions = new PartitionState[] {home};
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

    /** Writer only: tweet {@code id} of partition {@code source} is delivered here; they arrive in id order. */
    void delivered(final int source, final long id)
    {
        assert id > delivered[source] : "deliveries of a partition arrive in id order";
        delivered[source] = id;
    }

    /** The id of the last tweet of partition {@code source} delivered here. */
    long deliveredFrom(final int source)
    {
        return delivered[source];
    }

    /** The partition {@code user} hashes to. */
    int partitionOf(final UserTable table, final int user)
    {
        return partitioner.ofUser(table.userIds[user]);
    }

    /** The tweets of the partition that holds tweet {@code tweetId}. Any thread. */
    TweetStore tweetsOf(final long tweetId)
    {
        return partitions[partitioner.ofTweet(tweetId)].tweets;
    }

    /** The tweets of {@code user}'s partition. Any thread. */
    TweetStore tweetsBy(final UserTable table, final int user)
    {
        return partitions[partitionOf(table, user)].tweets;
    }

    /**
     * The newest tweet of {@code user} (an index in {@link #tweetsBy}), or {@link TweetLayout#NONE}.
     * Any thread; from another partition's user, as published there.
     */
    int chainHead(final UserTable table, final int user)
    {
        final long userId = table.userIds[user];
        final int owner = partitioner.ofUser(userId);
        if (owner == home.partition)
        {
            return table.head(user);
        }
        final Users owners = partitions[owner].users;
        final int there = owners.find(userId);
        return there < 0 ? TweetLayout.NONE : owners.table().head(there);
    }
}
