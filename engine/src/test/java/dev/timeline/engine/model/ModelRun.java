package dev.timeline.engine.model;

import dev.timeline.engine.Limits;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.Timelines;
import dev.timeline.engine.Tweet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One random workload, from one seed, run against a {@link ModelTarget} and the
 * {@link ReferenceTimelines} side by side: every write must succeed or fail alike, every read must
 * return the same tweets in the same order. The target recovers along the way, as it can: an engine
 * from its data directory, a cluster by restarting its members.
 */
public final class ModelRun implements AutoCloseable
{
    private static final int USERS = Integer.getInteger("timeline.model.users", 24);

    private final ReferenceTimelines reference = new ReferenceTimelines();
    private final Map<String, Long> cursors = new HashMap<>();
    private final TimelineBuffer buffer = new TimelineBuffer();
    private final ModelTarget target;
    private final long seed;
    private final Random random;
    private final Population population;
    private Timelines engine;
    private int step;

    /** A run of the workload of {@code seed} against {@code target}, which it closes at the end. */
    public ModelRun(final ModelTarget target, final long seed)
    {
        this.target = target;
        this.seed = seed;
        this.random = new Random(seed);
        this.population = new Population(random, USERS);
    }

    /** Runs {@code steps} random calls, recovering the target {@code recoveries} times along the way. */
    public void run(final int steps, final int recoveries)
    {
        final int recoverEvery = Math.max(1, steps / (recoveries + 1));
        for (step = 1; step <= steps; step++)
        {
            step();
            if (step % recoverEvery == 0 && step < steps)
            {
                recover();
            }
        }
        verifyEverything();
    }

    @Override
    public void close()
    {
        target.close();
    }

    private void step()
    {
        engine = target.writer(random);
        final int roll = random.nextInt(100);
        if (roll < 8)
        {
            follow(population.any(random), population.popular(random));
        }
        else if (roll < 16)
        {
            final long[] edge = reference.anyEdge(random);
            final boolean existing = edge != null && random.nextBoolean();
            unfollow(existing ? edge[0] : population.any(random), existing ? edge[1] : population.popular(random));
        }
        else if (roll < 45)
        {
            post(population.popular(random), Texts.next(random));
        }
        else if (roll < 51)
        {
            final Tweet victim = reference.anyLiveTweet(random);
            delete(victim == null ? reference.lastId() + 1 : victim.id());
        }
        else if (roll < 53)
        {
            delete(random.nextBoolean() ? reference.anyDeletedId(random) : reference.lastId() + random.nextInt(3) - 1);
        }
        else if (roll < 56)
        {
            invalidCall();
        }
        else if (roll < 59)
        {
            walk(random.nextInt(4) != 0, population.any(random), 1 + random.nextInt(random.nextBoolean() ? 7 : Limits.MAX_LIMIT));
        }
        else
        {
            pagedRead();
        }
    }

    private void follow(final long follower, final long followee)
    {
        changeEdge("follow", follower, followee, engine::follow, engine::followAsync, reference::follow);
    }

    private void unfollow(final long follower, final long followee)
    {
        changeEdge("unfollow", follower, followee, engine::unfollow, engine::unfollowAsync, reference::unfollow);
    }

    private void changeEdge(
        final String name,
        final long follower,
        final long followee,
        final EdgeChange onEngine,
        final AsyncEdgeChange onEngineAsync,
        final EdgeChange onReference)
    {
        final boolean async = random.nextInt(4) == 0;
        compare(
            name + (async ? "Async(" : "(") + follower + ", " + followee + ")",
            () -> async ? onEngineAsync.apply(follower, followee).join() : call(() -> onEngine.apply(follower, followee)),
            () -> call(() -> onReference.apply(follower, followee)));
    }

    private void post(final long author, final String text)
    {
        final boolean async = random.nextInt(4) == 0;
        final Outcome actual = Outcome.of(() -> async ? engine.postAsync(author, text).join() : engine.post(author, text));
        final long id = actual.succeeded() ? (Long)actual.value() : reference.lastId() + 1;
        final Outcome expected = Outcome.of(() -> reference.post(id, author, text));
        check("post" + (async ? "Async" : "") + "(" + author + ", \"" + escape(text) + "\")", actual, expected);
    }

    private void delete(final long tweetId)
    {
        final boolean async = random.nextInt(4) == 0;
        compare(
            "delete" + (async ? "Async" : "") + "(" + tweetId + ")",
            () -> async ? engine.deleteAsync(tweetId).join() : call(() -> engine.delete(tweetId)),
            () -> call(() -> reference.delete(tweetId)));
    }

    private void invalidCall()
    {
        final long user = population.any(random);
        final long negative = -1 - random.nextInt(Integer.MAX_VALUE);
        switch (random.nextInt(6))
        {
            case 0:
                post(user, Texts.invalid(random));
                break;
            case 1:
                post(negative, Texts.next(random));
                break;
            case 2:
                follow(user, user);
                break;
            case 3:
                unfollow(negative, user);
                break;
            case 4:
                read(random.nextBoolean(), negative, 10, Long.MAX_VALUE);
                break;
            default:
                read(random.nextBoolean(), user, random.nextBoolean() ? 0 : Limits.MAX_LIMIT + 1, Long.MAX_VALUE);
                break;
        }
    }

    /** A read that starts afresh, continues from the previous page of the same timeline, or starts anywhere. */
    private void pagedRead()
    {
        final boolean home = random.nextInt(4) != 0;
        final long user = population.any(random);
        final int limit = 1 + random.nextInt(random.nextInt(3) == 0 ? Limits.MAX_LIMIT : 10);
        final String cursorKey = (home ? "home " : "tweets ") + user;
        final int roll = random.nextInt(10);
        final long before;
        if (roll < 5 && cursors.containsKey(cursorKey))
        {
            before = cursors.get(cursorKey);
        }
        else if (roll < 7)
        {
            before = 1 + (long)(random.nextDouble() * (reference.lastId() + 2));
        }
        else
        {
            before = Long.MAX_VALUE;
        }
        final List<?> page = read(home, user, limit, before);
        if (page.size() == limit)
        {
            cursors.put(cursorKey, ((Tweet)page.get(limit - 1)).id());
        }
        else
        {
            cursors.remove(cursorKey);
        }
    }

    /** Pages through a whole timeline, back to its first tweet, however far below the capacity that is. */
    private void walk(final boolean home, final long user, final int limit)
    {
        long before = Long.MAX_VALUE;
        List<?> page;
        do
        {
            page = read(home, user, limit, before);
            before = page.isEmpty() ? before : ((Tweet)page.get(page.size() - 1)).id();
        }
        while (page.size() == limit);
    }

    private List<?> read(final boolean home, final long user, final int limit, final long before)
    {
        engine = target.reader(random);
        final int variant = random.nextInt(3);
        final String op = (home ? "home(" : "tweets(") + user + ", " + limit + ", " + before + ")" +
            (variant == 0 ? " into a buffer" : "");
        final Outcome actual = compare(
            op,
            () -> variant == 0 ? readIntoBuffer(home, user, limit, before) : readList(home, user, limit, before, variant == 1),
            () -> home ? reference.home(user, limit, before) : reference.tweets(user, limit, before));
        return actual.succeeded() ? (List<?>)actual.value() : List.of();
    }

    private List<Tweet> readList(final boolean home, final long user, final int limit, final long before, final boolean unbounded)
    {
        if (unbounded && before == Long.MAX_VALUE)
        {
            return home ? engine.home(user, limit) : engine.tweets(user, limit);
        }
        return home ? engine.home(user, limit, before) : engine.tweets(user, limit, before);
    }

    private List<Tweet> readIntoBuffer(final boolean home, final long user, final int limit, final long before)
    {
        final int count = home ? engine.home(user, limit, before, buffer) : engine.tweets(user, limit, before, buffer);
        if (count != buffer.size())
        {
            throw new IllegalStateException("returned " + count + " but the buffer holds " + buffer.size());
        }
        return buffer.toList();
    }

    private void recover()
    {
        target.recover();
        verifyEverything();
    }

    private void verifyEverything()
    {
        for (final long user : population.all())
        {
            walk(true, user, Limits.MAX_LIMIT);
            walk(false, user, Limits.MAX_LIMIT);
        }
        target.assertSameCounts(reference, "seed " + seed + ", step " + step + ", " + target);
    }

    private Outcome compare(final String op, final Callable<?> onEngine, final Callable<?> onReference)
    {
        final Outcome actual = Outcome.of(onEngine);
        check(op, actual, Outcome.of(onReference));
        return actual;
    }

    private void check(final String op, final Outcome actual, final Outcome expected)
    {
        if (!actual.sameAs(expected))
        {
            fail(String.format(
                "seed %d, step %d, %s: %s%n  engine:    %s%n  reference: %s%s",
                seed, step, target, op, summary(actual), summary(expected), firstDifference(actual, expected)));
        }
    }

    /** A read as its tweet ids, any other outcome as it is. */
    private static String summary(final Outcome outcome)
    {
        if (outcome.value() instanceof List<?> tweets)
        {
            return tweets.stream().map(tweet -> Long.toString(((Tweet)tweet).id())).toList().toString();
        }
        return escape(outcome.toString());
    }

    private static String firstDifference(final Outcome actual, final Outcome expected)
    {
        if (!(actual.value() instanceof List<?> engineTweets && expected.value() instanceof List<?> referenceTweets))
        {
            return "";
        }
        int index = 0;
        while (index < engineTweets.size() && index < referenceTweets.size() &&
            engineTweets.get(index).equals(referenceTweets.get(index)))
        {
            index++;
        }
        return String.format(
            "%n  first difference, at index %d:%n  engine:    %s%n  reference: %s", index,
            index < engineTweets.size() ? escape(engineTweets.get(index).toString()) : "(end)",
            index < referenceTweets.size() ? escape(referenceTweets.get(index).toString()) : "(end)");
    }

    private static Object call(final Runnable write)
    {
        write.run();
        return null;
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
    }

    @FunctionalInterface
    private interface AsyncEdgeChange
    {
        CompletableFuture<Void> apply(long follower, long followee);
    }
}
