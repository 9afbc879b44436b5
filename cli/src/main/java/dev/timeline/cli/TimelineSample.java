package dev.timeline.cli;

import dev.timeline.engine.Limits;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.Tweet;
import dev.timeline.workload.UserIds;

import java.util.ArrayList;
import java.util.List;

/**
 * The home timelines and own tweets of users spread evenly over a workload's population, as read
 * at one moment: taken before and after a restart, they must be equal.
 */
final class TimelineSample
{
    private final List<List<Tweet>> homes = new ArrayList<>();
    private final List<List<Tweet>> tweets = new ArrayList<>();

    /** Reads the newest {@link Limits#MAX_LIMIT} tweets of up to {@code users} users' timelines. */
    static TimelineSample take(final TimelineEngine engine, final UserIds userIds, final int users)
    {
        final TimelineSample sample = new TimelineSample();
        final int count = Math.min(users, userIds.count());
        for (int i = 0; i < count; i++)
        {
            final long user = userIds.id((int)((long)i * userIds.count() / count));
            sample.homes.add(engine.home(user, Limits.MAX_LIMIT));
            sample.tweets.add(engine.tweets(user, Limits.MAX_LIMIT));
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
}
