package dev.timeline.workload;

import java.util.SplittableRandom;

/**
 * Generates the follow graph of a {@link Workload} edge by edge, without storing it.
 * <p>
 * Accounts are given a popularity rank by a seeded shuffle; each user follows a number of accounts
 * drawn from an exponential law around the workload's mean, picked by popularity (uniformly, or by
 * Zipf's law), plus, for the celebrity workload, each celebrity with a high probability. No user
 * follows themself or the same account twice.
 */
public final class FollowGraph
{
    /** Counters passed to {@link Mix#mix} for this class's randomness; user ids use {@code 0..users-1}. */
    private static final long RANK_SALT = Long.MIN_VALUE;
    private static final long EDGE_SALT = Long.MIN_VALUE + 1;

    private final Workload workload;
    private final UserIds userIds;
    private final int[] userAtRank;
    private final AliasSampler popularity;
    private final int maxFollows;

    FollowGraph(final Workload workload)
    {
        this.workload = workload;
        this.userIds = workload.userIds();
        final int users = userIds.count();
        this.userAtRank = shuffledUsers(users, new SplittableRandom(Mix.mix(workload.seed(), RANK_SALT)));
        this.popularity = workload.distribution() == FollowerDistribution.UNIFORM ? null : zipf(users);
        this.maxFollows = (int)Math.min(users - 1L, 10L * workload.followsPerUser());
    }

    /** The id of the account of popularity rank {@code rank}: rank 0 is expected to have the most followers. */
    public long userAtRank(final int rank)
    {
        return userIds.id(userAtRank[rank]);
    }

    /**
     * Generates every edge, follower by follower in index order, always in the same order for a workload.
     *
     * @return how many edges were generated.
     */
    public long forEachFollow(final FollowConsumer consumer)
    {
        final SplittableRandom random = new SplittableRandom(Mix.mix(workload.seed(), EDGE_SALT));
        final int celebrities = workload.celebrities();
        final int[] chosen = new int[maxFollows + celebrities];
        final int users = userIds.count();
        long edges = 0;
        for (int follower = 0; follower < users; follower++)
        {
            int count = 0;
            for (int rank = 0; rank < celebrities; rank++)
            {
                final int celebrity = userAtRank[rank];
                if (celebrity != follower && random.nextDouble() < Workload.CELEBRITY_REACH)
                {
                    chosen[count++] = celebrity;
                }
            }

            final int wanted = count + followCount(random);
            for (int attempt = 0, maxAttempts = 4 * wanted; count < wanted && attempt < maxAttempts; attempt++)
            {
                final int followee = pickAccount(random);
                if (followee != follower && !contains(chosen, count, followee))
                {
                    chosen[count++] = followee;
                }
            }

            final long followerId = userIds.id(follower);
            for (int i = 0; i < count; i++)
            {
                consumer.onFollow(followerId, userIds.id(chosen[i]));
            }
            edges += count;
        }
        return edges;
    }

    private int followCount(final SplittableRandom random)
    {
        final double exponential = -workload.followsPerUser() * Math.log(1.0 - random.nextDouble());
        return (int)Math.min(maxFollows, Math.max(1, Math.round(exponential)));
    }

    private int pickAccount(final SplittableRandom random)
    {
        return null == popularity ? random.nextInt(userAtRank.length) : userAtRank[popularity.sample(random)];
    }

    private static boolean contains(final int[] values, final int length, final int value)
    {
        for (int i = 0; i < length; i++)
        {
            if (values[i] == value)
            {
                return true;
            }
        }
        return false;
    }

    private static int[] shuffledUsers(final int users, final SplittableRandom random)
    {
        final int[] order = new int[users];
        for (int i = 0; i < users; i++)
        {
            order[i] = i;
        }
        for (int i = users - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static AliasSampler zipf(final int users)
    {
        final double[] weights = new double[users];
        for (int rank = 0; rank < users; rank++)
        {
            weights[rank] = 1.0 / Math.pow(rank + 1, Workload.ZIPF_EXPONENT);
        }
        return new AliasSampler(weights);
    }
}
