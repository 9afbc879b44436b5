package dev.timeline.bench;

import dev.timeline.bench.baseline.StoredTweet;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.Tweet;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.UserIds;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * What the baselines are checked against: a small workload posted into the engine with the push
 * strategy, through the comparison's own {@link EngineContender}. Tweets are compared by author and
 * text, as each implementation numbers its tweets its own way.
 */
final class EngineTimelines implements AutoCloseable
{
    /** Every user follows about 10 accounts; two celebrities are followed by half of them. */
    static final Workload WORKLOAD = new Workload(FollowerDistribution.CELEBRITY, 2_000, 10, 3);
    static final Posts POSTS = new Posts(WORKLOAD, 0, 3_000);
    /** Long enough for every timeline of {@link #WORKLOAD} and {@link #POSTS}. */
    static final int LIMIT = 200;

    private final EngineContender engine;

    EngineTimelines() throws IOException
    {
        engine = new EngineContender(Strategy.PUSH,
            new ComparisonSettings(WORKLOAD, POSTS.count(), 1, 64, 1, EngineConfig.DEFAULT_CELEBRITY_THRESHOLD, 1));
        post(engine);
    }

    /** Makes {@code contender} post every one of {@link #POSTS}. */
    static void post(final Contender contender)
    {
        contender.post(POSTS, 0, POSTS.count(), new Recorder(3));
    }

    long deliveries()
    {
        return engine.deliveries();
    }

    /** The {@code limit} newest tweets of {@code user}'s home timeline in the engine, as author and text. */
    List<String> home(final long user, final int limit)
    {
        final List<String> page = new ArrayList<>();
        for (final Tweet tweet : engine.engine().home(user, limit))
        {
            page.add(tweet.author() + " " + tweet.text());
        }
        return page;
    }

    /** Calls {@code check} with the id of every user of {@link #WORKLOAD}. */
    static void forEachUser(final LongConsumer check)
    {
        final UserIds users = WORKLOAD.userIds();
        for (int i = 0; i < users.count(); i++)
        {
            check.accept(users.id(i));
        }
    }

    /** A baseline's home timeline, as author and text. */
    static List<String> authorsAndTexts(final List<StoredTweet> tweets)
    {
        final List<String> page = new ArrayList<>();
        for (final StoredTweet tweet : tweets)
        {
            page.add(tweet.author() + " " + tweet.text());
        }
        return page;
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
