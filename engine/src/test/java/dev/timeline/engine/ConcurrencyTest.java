package dev.timeline.engine;

import dev.timeline.engine.model.EdgeChange;
import dev.timeline.engine.model.ReferenceTimelines;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers on several threads hammer home timelines while writers post, delete, follow and
 * unfollow. Every read must be whole and current: newest first without duplicates, within the
 * limit, untorn, only from accounts the home follows, free of tweets deleted before it began; and
 * every acknowledged write is visible to a read that starts after it, on any thread. Once the
 * writers are done, every timeline is exactly what the reference makes of what they left.
 * <p>
 * Runs as long as its iteration counts say ({@code -Dtimeline.concurrency.posts=N} per poster);
 * the timeout only stops a hung engine.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConcurrencyTest
{
    private static final int POSTS = Integer.getInteger("timeline.concurrency.posts", 4_000);
    private static final int CHURNS = POSTS / 3;
    private static final int MIN_READS = POSTS * 2;
    private static final int POSTERS = 2;
    private static final int READERS = 2;
    private static final long[] HOMES = LongStream.range(1_000, 1_004).toArray();
    private static final long[] STABLE = LongStream.range(2_000, 2_006).toArray();
    private static final long[] CHURNED = LongStream.range(3_000, 3_004).toArray();
    private static final long[] STRANGERS = LongStream.range(4_000, 4_004).toArray();
    private static final Tweet END = new Tweet(0, 0, "", Instant.EPOCH);

    private final DeletionLog deletions = new DeletionLog();
    private final FollowVersions follows = new FollowVersions(HOMES.length * CHURNED.length);
    private final AtomicLong serials = new AtomicLong();
    private final BlockingQueue<Handoff> handoffs = new LinkedBlockingQueue<>();
    private final Queue<Tweet> posted = new ConcurrentLinkedQueue<>();
    private final CountDownLatch writersRunning = new CountDownLatch(POSTERS + 1);
    private TimelineEngine engine;

    static Stream<Arguments> shapes()
    {
        return Stream.of(1, 3).flatMap(
            partitions -> Stream.of(Strategy.values()).map(strategy -> Arguments.of(strategy, partitions)));
    }

    @ParameterizedTest(name = "{0}, {1} partition(s)")
    @MethodSource("shapes")
    void readsAreWholeAndCurrent(final Strategy strategy, final int partitions, @TempDir final Path dataDirectory)
        throws Throwable
    {
        engine = TimelineEngine.open(new EngineConfig()
            .dataDirectory(dataDirectory)
            .partitions(partitions)
            .strategy(strategy)
            .timelineCapacity(4)
            .celebrityThreshold(3));
        final ExecutorService threads = Executors.newFixedThreadPool(POSTERS + READERS + 2);
        try
        {
            followEveryone(engine::follow);
            final List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < POSTERS; i++)
            {
                final int seed = i;
                tasks.add(threads.submit(() -> post(new Random(seed))));
            }
            tasks.add(threads.submit(() -> churn(new Random(-1))));
            for (int i = 0; i < READERS; i++)
            {
                final int seed = 100 + i;
                tasks.add(threads.submit(() -> read(new Random(seed))));
            }
            tasks.add(threads.submit(this::checkHandoffs));
            for (final Future<?> task : tasks)
            {
                task.get();
            }
            assertSettled();
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause();
        }
        finally
        {
            threads.shutdownNow();
            engine.close();
        }
    }

    /** The follows that stay: every home follows every stable author, and the strangers follow each other. */
    private static void followEveryone(final EdgeChange follow)
    {
        for (final long home : HOMES)
        {
            for (final long stable : STABLE)
            {
                follow.apply(home, stable);
            }
        }
        for (final long follower : STRANGERS)
        {
            LongStream.of(STRANGERS).filter(followee -> followee != follower).forEach(followee -> follow.apply(follower, followee));
        }
    }

    /**
     * Once the writers are done, every timeline is exactly what the reference makes of the follows
     * and the live tweets they left: concurrency left no hole and no ghost behind.
     */
    private void assertSettled()
    {
        final ReferenceTimelines reference = new ReferenceTimelines();
        followEveryone(reference::follow);
        for (int edge = 0; edge < HOMES.length * CHURNED.length; edge++)
        {
            if (follows.mayFollow(edge))
            {
                reference.follow(HOMES[edge / CHURNED.length], CHURNED[edge % CHURNED.length]);
            }
        }
        posted.stream()
            .filter(tweet -> !deletions.deletedBy(tweet.id(), Long.MAX_VALUE))
            .sorted(Comparator.comparingLong(Tweet::id))
            .forEach(tweet -> reference.post(tweet.id(), tweet.author(), tweet.text()));
        for (final long[] users : List.of(HOMES, STABLE, CHURNED, STRANGERS))
        {
            for (final long user : users)
            {
                ReferenceChecks.assertSameTimelines(reference, engine, user, "settled");
            }
        }
    }

    /** Posts by every kind of author and deletes some; hands each acknowledged write to the checker. */
    private Void post(final Random random) throws InterruptedException
    {
        final long[][] authors = {HOMES, STABLE, STABLE, CHURNED, STRANGERS};
        final List<Tweet> deletable = new ArrayList<>();
        long previousId = 0;
        try
        {
            for (int i = 0; i < POSTS; i++)
            {
                final long[] kind = authors[random.nextInt(authors.length)];
                final long author = kind[random.nextInt(kind.length)];
                final String text = SignedText.of(author, serials.incrementAndGet());
                final long id = random.nextBoolean() ? engine.post(author, text) : engine.postAsync(author, text).join();
                assertTrue(id > previousId, "id " + id + " acknowledged after id " + previousId);
                previousId = id;
                final Tweet tweet = new Tweet(id, author, text, Instant.ofEpochMilli(TweetIds.timeMillis(id)));
                posted.add(tweet);
                if (kind == STABLE && random.nextInt(3) == 0)
                {
                    deletable.add(tweet);
                }
                else
                {
                    handoffs.put(new Handoff(tweet, false));
                }
                if (!deletable.isEmpty() && random.nextInt(4) == 0)
                {
                    final Tweet victim = deletable.remove(random.nextInt(deletable.size()));
                    engine.delete(victim.id());
                    deletions.deleted(victim.id());
                    handoffs.put(new Handoff(victim, true));
                }
            }
        }
        finally
        {
            writersRunning.countDown();
            handoffs.put(new Handoff(END, false));
        }
        return null;
    }

    /** Follows and unfollows the churned authors, checking each change is visible as soon as it is acknowledged. */
    private Void churn(final Random random)
    {
        try
        {
            for (int i = 0; i < CHURNS; i++)
            {
                final int home = random.nextInt(HOMES.length);
                final int churned = random.nextInt(CHURNED.length);
                final int edge = home * CHURNED.length + churned;
                if (follows.mayFollow(edge))
                {
                    engine.unfollow(HOMES[home], CHURNED[churned]);
                    follows.unfollowed(edge);
                }
                else
                {
                    follows.following(edge);
                    engine.follow(HOMES[home], CHURNED[churned]);
                }
                checkEdge(HOMES[home], CHURNED[churned], follows.mayFollow(edge));
            }
        }
        finally
        {
            writersRunning.countDown();
        }
        return null;
    }

    private void checkEdge(final long home, final long followee, final boolean followed)
    {
        final List<Tweet> latest = engine.tweets(followee, 1);
        final long before = latest.isEmpty() ? Long.MAX_VALUE : latest.get(0).id() + 1;
        final List<Tweet> page = engine.home(home, Limits.MAX_LIMIT, before);
        final String where = home + (followed ? " follows " : " unfollowed ") + followee + ", home below " + before;
        if (followed && !latest.isEmpty())
        {
            assertEquals(latest, page.stream().limit(1).toList(), where);
        }
        if (!followed)
        {
            assertTrue(page.stream().noneMatch(tweet -> tweet.author() == followee), where + ": " + page);
        }
    }

    /** Reads pages of home timelines, into lists and into a buffer, and checks each is a possible answer. */
    private Void read(final Random random)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        long before = Long.MAX_VALUE;
        for (int reads = 0; reads < MIN_READS || writersRunning.getCount() > 0; reads++)
        {
            final int home = random.nextInt(HOMES.length);
            final int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(Limits.MAX_LIMIT) : 1 + random.nextInt(8);
            final long time = deletions.now();
            final long[] versionsBefore = versions(home);
            final List<Tweet> page;
            if (random.nextBoolean())
            {
                page = engine.home(HOMES[home], limit, before);
            }
            else
            {
                assertEquals(engine.home(HOMES[home], limit, before, buffer), buffer.size());
                page = buffer.toList();
            }
            final long[] versionsAfter = versions(home);
            final String where = "home(" + HOMES[home] + ", " + limit + ", " + before + ") = " + page;
            assertTrue(page.size() <= limit, where);
            long previousId = before;
            for (final Tweet tweet : page)
            {
                assertTrue(tweet.id() < previousId, "not strictly newest first: " + where);
                assertTrue(SignedText.isWhole(tweet), "torn " + tweet + " in " + where);
                assertTrue(
                    followed(home, tweet.author(), versionsBefore, versionsAfter), "never followed " + tweet + " in " + where);
                assertFalse(deletions.deletedBy(tweet.id(), time), "deleted " + tweet + " in " + where);
                previousId = tweet.id();
            }
            before = page.size() == limit && random.nextInt(3) != 0 ? previousId : Long.MAX_VALUE;
        }
        return null;
    }

    private long[] versions(final int home)
    {
        final long[] versions = new long[CHURNED.length];
        for (int i = 0; i < versions.length; i++)
        {
            versions[i] = follows.version(home * CHURNED.length + i);
        }
        return versions;
    }

    private static boolean followed(final int home, final long author, final long[] versionsBefore, final long[] versionsAfter)
    {
        if (author == HOMES[home] || LongStream.of(STABLE).anyMatch(stable -> stable == author))
        {
            return true;
        }
        for (int i = 0; i < CHURNED.length; i++)
        {
            if (CHURNED[i] == author)
            {
                return !FollowVersions.absentThroughout(versionsBefore[i], versionsAfter[i]);
            }
        }
        return false;
    }

    /** Read-your-writes across threads: each acknowledged post or delete is seen by a read that starts after it. */
    private Void checkHandoffs() throws InterruptedException
    {
        final Random random = new Random(7);
        final TimelineBuffer buffer = new TimelineBuffer();
        int ended = 0;
        while (ended < POSTERS)
        {
            final Handoff handoff = handoffs.take();
            final Tweet tweet = handoff.tweet();
            if (tweet == END)
            {
                ended++;
                continue;
            }
            final List<Tweet> expected = handoff.deleted() ? List.of() : List.of(tweet);
            final long before = tweet.id() + 1;
            final String where = (handoff.deleted() ? "deleted " : "posted ") + tweet;
            assertEquals(expected, withId(engine.tweets(tweet.author(), 1, before), tweet.id()), where);
            for (final long home : homesOf(tweet.author()))
            {
                engine.home(home, 1, before, buffer);
                assertEquals(expected, withId(buffer.toList(), tweet.id()), where + " in the home of " + home);
            }
            final long anyHome = HOMES[random.nextInt(HOMES.length)];
            if (LongStream.of(STABLE).anyMatch(stable -> stable == tweet.author()))
            {
                assertEquals(expected, withId(engine.home(anyHome, 1, before), tweet.id()), where + " in the home of " + anyHome);
            }
        }
        return null;
    }

    private static long[] homesOf(final long author)
    {
        if (LongStream.of(HOMES).anyMatch(home -> home == author))
        {
            return new long[]{author};
        }
        return LongStream.of(STRANGERS).anyMatch(stranger -> stranger == author) ?
            LongStream.of(STRANGERS).filter(stranger -> stranger != author).toArray() : new long[0];
    }

    private static List<Tweet> withId(final List<Tweet> page, final long id)
    {
        return page.stream().filter(tweet -> tweet.id() == id).toList();
    }

    private record Handoff(Tweet tweet, boolean deleted)
    {
    }
}
