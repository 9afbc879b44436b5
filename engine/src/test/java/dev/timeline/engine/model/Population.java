package dev.timeline.engine.model;

import java.util.Arrays;
import java.util.Random;

/**
 * A small set of sparse user ids, as Snowflake-like ids look: the edges of the id range (0, 1,
 * {@link Long#MAX_VALUE} and its neighbour) and random ones in between, with Zipf-skewed popularity
 * so that a few accounts gain many followers and post most.
 */
public final class Population
{
    private final long[] users;
    private final Zipf popularity;

    /**
     * @param random shuffles which id is popular; the same seed gives the same population.
     * @param size   users, at least 4.
     */
    public Population(final Random random, final int size)
    {
        users = new long[size];
        users[0] = 0;
        users[1] = 1;
        users[2] = Long.MAX_VALUE;
        users[3] = Long.MAX_VALUE - 1;
        for (int i = 4; i < size; i++)
        {
            users[i] = random.nextLong() >>> 1;
        }
        for (int i = size - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final long swap = users[i];
            users[i] = users[j];
            users[j] = swap;
        }
        popularity = new Zipf(size, 1.1);
    }

    /** A user drawn by popularity: the likely author of a post or the target of a follow. */
    public long popular(final Random random)
    {
        return users[popularity.next(random)];
    }

    /** A user drawn uniformly: a reader or a follower. */
    public long any(final Random random)
    {
        return users[random.nextInt(users.length)];
    }

    public long[] all()
    {
        return Arrays.copyOf(users, users.length);
    }
}
