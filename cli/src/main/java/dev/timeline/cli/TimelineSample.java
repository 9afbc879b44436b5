package dev.timeline.cli;

import dev.timeline.engine.Limits;
import dev.timeline.engine.Timelines;
import dev.timeline.engine.Tweet;
import dev.timeline.workload.UserIds;

import java.util.ArrayList;
import java.util.List;

/**
 * The home timelines and own tweets of users spread evenly over a workload's population, as read
 * at one moment: taken before and after a restart, or on every member of a cluster, they must be equal.
 */
final class TimelineSample
{
    private final List<List<Tweet>> homes = new ArrayList<>();
    private final List<List<Tweet>> tweets = new ArrayList<>();

    /** Reads the newest {@link Limits#MAX_LIMIT} tweets of up to {@code users} users' timelines. */
    static TimelineSample take(final Timelines timelines, final UserIds userIds, final int users)
    {
        return take(timelines::home, timelines::tweets, userIds, users);
    }

    /** As {@link #take(Timelines, UserIds, int)}, reading home timelines with {@code home}, own tweets with {@code tweets}. */
    static TimelineSample take(final Read home, final Read tweets, final UserIds userIds, final int users)
    {
        final TimelineSample sample = new TimelineSample();
        final int count = Math.min(users, userIds.count());
        for (int i = 0; i < count; i++)
        {
            final long user = userIds.id((int)((long)i * userIds.count() / count));
            sample.homes.add(home.read(user, Limits.MAX_LIMIT));
            sample.tweets.add(tweets.read(user, Limits.MAX_LIMIT));
        }
        return sample;
    }

    /** Timelines compared: home timelines plus tweet lists. */
    int size()
    {
        return homes.size() + tweets.size();
    }

    /** Tweets held in all the timelines. */
    long tweetCount()
    {
        long count = 0;
        for (final List<Tweet> home : homes)
        {
            count += home.size();
        }
        for (final List<Tweet> own : tweets)
        {
            count += own.size();
        }
        return count;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof TimelineSample &&
            homes.equals(((TimelineSample)other).homes) &&
            tweets.equals(((TimelineSample)other).tweets);
    }

    @Override
    public int hashCode()
    {
        return homes.hashCode() * 31 + tweets.hashCode();
    }

    /** A read of the newest {@code limit} tweets of one of {@code user}'s timelines, newest first. */
    @FunctionalInterface
    interface Read
    {
        List<Tweet> read(long user, int limit);
    }
}
