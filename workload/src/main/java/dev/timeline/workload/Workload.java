package dev.timeline.workload;

/**
 * A named, reproducible workload: a population of users, who follows whom, and streams of posts and
 * home reads. Everything is derived from the seed, so two workloads built with the same arguments
 * produce the same ids, edges and operations.
 * <p>
 * Immutable and thread-safe; the graphs and streams it makes are not.
 */
public final class Workload
{
    /** Mean number of accounts each user follows unless told otherwise. */
    public static final int DEFAULT_FOLLOWS_PER_USER = 20;
    /** Exponent of the Zipf popularity law: account of rank {@code k} has weight {@code 1/(k+1)^s}. */
    static final double ZIPF_EXPONENT = 1.0;
    /** Probability that a user follows each celebrity under {@link FollowerDistribution#CELEBRITY}. */
    static final double CELEBRITY_REACH = 0.5;
    /** Most celebrities under {@link FollowerDistribution#CELEBRITY}; fewer in small populations. */
    static final int MAX_CELEBRITIES = 10;
    /** Counter passed to {@link Mix#mix} for operation stream 0, clear of those of ids and graphs. */
    private static final long FIRST_STREAM_SALT = Long.MIN_VALUE + 1024;

    private final FollowerDistribution distribution;
    private final UserIds userIds;
    private final int followsPerUser;
    private final long seed;

    /**
     * @param distribution   how follows spread over accounts.
     * @param users          how many users, at least 1.
     * @param followsPerUser mean number of accounts a user follows besides celebrities, at least 0.
     * @param seed           what every id, edge and operation is derived from.
     */
    public Workload(final FollowerDistribution distribution, final int users, final int followsPerUser, final long seed)
    {
        if (followsPerUser < 0)
        {
            throw new IllegalArgumentException("follows per user must be at least 0, was " + followsPerUser);
        }
        this.distribution = distribution;
        this.userIds = new UserIds(seed, users);
        this.followsPerUser = followsPerUser;
        this.seed = seed;
    }

    /** The workload called {@code name} ({@code uniform}, {@code zipf} or {@code celebrity}) with default follows. */
    public static Workload named(final String name, final int users, final long seed)
    {
        return new Workload(FollowerDistribution.of(name), users, DEFAULT_FOLLOWS_PER_USER, seed);
    }

    public FollowerDistribution distribution()
    {
        return distribution;
    }

    public int users()
    {
        return userIds.count();
    }

    public int followsPerUser()
    {
        return followsPerUser;
    }

    public long seed()
    {
        return seed;
    }

    /** The users' sparse ids. */
    public UserIds userIds()
    {
        return userIds;
    }

    /** How many celebrities the graph has: accounts followed by about half of all users. */
    public int celebrities()
    {
        return distribution == FollowerDistribution.CELEBRITY ?
            Math.max(1, Math.min(MAX_CELEBRITIES, users() / 1000)) : 0;
    }

    /** A new generator of this workload's follow graph; generating it twice gives the same edges. */
    public FollowGraph followGraph()
    {
        return new FollowGraph(this);
    }

    /**
     * A new stream of operations, independent of the streams with other numbers.
     *
     * @param stream       which stream: give each thread its own.
     * @param readFraction share of home reads among the operations, {@code 0..1}; the rest are posts.
     */
    public OperationStream operations(final int stream, final double readFraction)
    {
        if (stream < 0)
        {
            throw new IllegalArgumentException("stream must be at least 0, was " + stream);
        }
        return new OperationStream(userIds, Mix.mix(seed, FIRST_STREAM_SALT + stream), readFraction);
    }

    @Override
    public String toString()
    {
        return distribution.label() + " workload of " + users() + " users, " + followsPerUser +
            " follows per user, seed " + seed;
    }
}
