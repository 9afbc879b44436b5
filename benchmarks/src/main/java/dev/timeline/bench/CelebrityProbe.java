package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.UserIds;
import dev.timeline.workload.Workload;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How soon a celebrity's post reaches every follower: builds an engine of {@code FOLLOWERS + 1} users
 * (a Zipf graph of 20 follows each, and one account that all the others follow) and five background
 * posts per user, so home timelines hold tweets, then, for {@link Strategy#PUSH} and {@link Strategy#HYBRID}, has the
 * celebrity post and times the post from submission to acknowledgement. Right after the
 * acknowledgement it reads every follower's home timeline, a page of {@link #READ_LIMIT}, one after
 * the other, and checks that the post is its newest tweet, reading again until it is; it reports
 * for how many followers the first read missed the post ({@code first missed}: 0, since the engine
 * acknowledges a write once readers see it), and when the first and the last follower saw it,
 * counted from the acknowledgement: the last is the end of the sweep. The engine runs {@code PARTITIONS}
 * partitions, 1 unless told. For example:
 * <pre>
 * java -XX:MaxDirectMemorySize=8g -jar benchmarks/target/benchmarks.jar celebrity 1000000
 * java -XX:MaxDirectMemorySize=8g -jar benchmarks/target/benchmarks.jar celebrity 1000000 2
 * </pre>
 */
public final class CelebrityProbe
{
    /** Tweets each home read asks for: a page. */
    static final int READ_LIMIT = 20;
    /** Celebrity posts per strategy, each followed by a sweep of every follower. */
    private static final int ROUNDS = 3;
    /** Background posts per user, as {@code timeline load} makes before it starts. */
    private static final int BACKGROUND_POSTS_PER_USER = 5;
    /** How long a follower's reads may miss the post before the probe gives up. */
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final TimelineEngine engine;
    private final UserIds userIds;
    private final long celebrity;
    private final TimelineBuffer buffer = new TimelineBuffer();

    private CelebrityProbe(final TimelineEngine engine, final UserIds userIds, final long celebrity)
    {
        this.engine = engine;
        this.userIds = userIds;
        this.celebrity = celebrity;
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length < 1 || args.length > 2)
        {
            System.err.println("usage: celebrity FOLLOWERS [PARTITIONS]");
            System.exit(2);
        }
        final int followers = Integer.parseInt(args[0]);
        final int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        final Workload workload = new Workload(
            FollowerDistribution.ZIPF, followers + 1, Workload.DEFAULT_FOLLOWS_PER_USER, 1);
        for (final Strategy strategy : new Strategy[]{ Strategy.PUSH, Strategy.HYBRID })
        {
            final long start = System.nanoTime();
            try (EngineFixture fixture = new EngineFixture(
                partitions, strategy, workload, EngineConfig.DEFAULT_CELEBRITY_THRESHOLD))
            {
                final long celebrity = workload.followGraph().userAtRank(0);
                followedByEveryone(fixture.engine, workload.userIds(), celebrity);
                final int background = workload.users() * BACKGROUND_POSTS_PER_USER;
                fixture.post(0, background);
                System.out.printf("%s, %d partition(s), celebrity threshold %,d: user %d followed by all %,d others; " +
                    "%,d follows and %,d background posts loaded in %.1f s%n",
                    strategy, partitions, EngineConfig.DEFAULT_CELEBRITY_THRESHOLD, celebrity, followers,
                    fixture.engine.stats().follows(), background, (System.nanoTime() - start) / 1e9);
                System.out.printf("  %-6s %14s %11s %14s %18s %18s %14s%n", "post", "submit to ack", "followers",
                    "first missed", "ack to first seen", "ack to last seen", "sweep reads/s");
                final CelebrityProbe probe = new CelebrityProbe(fixture.engine, workload.userIds(), celebrity);
                for (int round = 1; round <= ROUNDS; round++)
                {
                    probe.postAndSweep(round);
                }
            }
        }
    }

    private static void followedByEveryone(final TimelineEngine engine, final UserIds userIds, final long celebrity)
    {
        final AsyncWindow window = new AsyncWindow(EngineFixture.WINDOW);
        for (int i = 0; i < userIds.count(); i++)
        {
            final long user = userIds.id(i);
            if (user != celebrity)
            {
                window.add(engine.followAsync(user, celebrity));
            }
        }
        window.awaitAll();
    }

    private void postAndSweep(final int round)
    {
        final long submitted = System.nanoTime();
        final long tweetId = engine.post(celebrity, "celebrity post " + round + " to every follower");
        final long acknowledged = System.nanoTime();

        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long readers = 0;
        long missed = 0;
        for (int i = 0; i < userIds.count(); i++)
        {
            final long follower = userIds.id(i);
            if (follower == celebrity)
            {
                continue;
            }
            final int misses = readUntilSeen(follower, tweetId, acknowledged);
            final long seen = System.nanoTime();
            firstSeen = Math.min(firstSeen, seen);
            lastSeen = Math.max(lastSeen, seen);
            readers++;
            missed += misses > 0 ? 1 : 0;
        }
        System.out.printf("  %-6d %,11.1f ms %,11d %,14d %,15.1f µs %,15.1f ms %,14.0f%n",
            round, (acknowledged - submitted) / 1e6, readers, missed, (firstSeen - acknowledged) / 1e3,
            (lastSeen - acknowledged) / 1e6, readers * 1e9 / (lastSeen - acknowledged));
    }

    /**
     * Reads {@code follower}'s home timeline until {@code tweetId} is its newest tweet.
     *
     * @return how many reads missed it.
     * @throws IllegalStateException if it still misses {@link #GIVE_UP_NANOS} after the acknowledgement.
     */
    private int readUntilSeen(final long follower, final long tweetId, final long acknowledged)
    {
        int misses = 0;
        while (engine.home(follower, READ_LIMIT, Long.MAX_VALUE, buffer) == 0 || buffer.id(0) != tweetId)
        {
            misses++;
            if (System.nanoTime() - acknowledged > GIVE_UP_NANOS)
            {
                throw new IllegalStateException("user " + follower + " has not seen tweet " + tweetId + " after " +
                    TimeUnit.NANOSECONDS.toSeconds(GIVE_UP_NANOS) + " s");
            }
        }
        return misses;
    }
}
