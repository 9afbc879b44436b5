package dev.timeline.bench;

import dev.timeline.bench.baseline.NaiveTimelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.timeline.bench.EngineTimelines.LIMIT;
import static dev.timeline.bench.EngineTimelines.POSTS;
import static dev.timeline.bench.EngineTimelines.WORKLOAD;
import static dev.timeline.bench.EngineTimelines.authorsAndTexts;
import static dev.timeline.bench.EngineTimelines.forEachUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The naive baseline does the engine's work: the same deliveries, the same home timelines. */
class NaiveBaselineTest
{
    private static EngineTimelines engine;

    @BeforeAll
    static void postIntoTheEngine() throws IOException
    {
        engine = new EngineTimelines();
    }

    @AfterAll
    static void closeTheEngine()
    {
        engine.close();
    }

    @Test
    void givesTheEnginesHomeTimelines()
    {
        try (NaiveContender naive = new NaiveContender(WORKLOAD, 1))
        {
            EngineTimelines.post(naive);

            assertEquals(engine.deliveries(), naive.deliveries());
            forEachUser(user ->
            {
                final List<String> expected = engine.home(user, LIMIT);
                assertTrue(expected.size() < LIMIT, "the limit reaches back to the first tweet of every timeline");
                assertEquals(expected, authorsAndTexts(naive.timelines().home(user, LIMIT)), "home of user " + user);
            });
        }
    }

    @Test
    void keepsTheNewestEntriesUpToTheCapacity()
    {
        final int capacity = 8;
        final NaiveTimelines naive = new NaiveTimelines(capacity);
        WORKLOAD.followGraph().forEachFollow(naive::follow);
        for (int i = 0; i < POSTS.count(); i++)
        {
            naive.post(POSTS.author(i), POSTS.text(i));
        }

        final AtomicInteger overCapacity = new AtomicInteger();
        forEachUser(user ->
        {
            assertEquals(engine.home(user, capacity), authorsAndTexts(naive.home(user, LIMIT)), "home of user " + user);
            overCapacity.addAndGet(engine.home(user, capacity + 1).size() > capacity ? 1 : 0);
        });
        assertTrue(overCapacity.get() > WORKLOAD.users() / 2,
            "most timelines were trimmed, only " + overCapacity + " were");
    }

    @Test
    void postsFromSeveralThreadsReachEveryTimeline()
    {
        try (NaiveContender naive = new NaiveContender(WORKLOAD, 3))
        {
            EngineTimelines.post(naive);

            assertEquals(engine.deliveries(), naive.deliveries());
            forEachUser(user -> assertEquals(sorted(engine.home(user, LIMIT)),
                sorted(authorsAndTexts(naive.timelines().home(user, LIMIT))), "home of user " + user));
        }
    }

    @Test
    void refusesACapacityBelowOne()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new NaiveTimelines(0));
        assertEquals("capacity must be at least 1, was 0", ex.getMessage());
    }

    private static List<String> sorted(final List<String> page)
    {
        final List<String> sorted = new ArrayList<>(page);
        Collections.sort(sorted);
        return sorted;
    }
}
