package dev.timeline.workload;

import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphLoaderTest
{
    private final Workload workload = new Workload(FollowerDistribution.CELEBRITY, 2_000, 10, 7);

    @TempDir
    Path data;

    @Test
    void loadsEveryFollowOfTheGraphAndCountsFollowers()
    {
        final int[] expectedFollowers = new int[workload.users()];
        final long edges = workload.followGraph().forEachFollow(
            (follower, followee) -> expectedFollowers[workload.userIds().indexOf(followee)]++);
        final List<Long> progress = new ArrayList<>();

        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data).maxInFlight(64)))
        {
            final GraphLoader loader = new GraphLoader(
                engine, 32, workload.userIds(), (follows, elapsedNanos) -> progress.add(follows));
            assertEquals(edges, loader.load(workload.followGraph()));

            assertEquals(edges, engine.stats().follows(), "every follow is applied once load returns");
            final int[] followers = new int[workload.users()];
            for (int i = 0; i < followers.length; i++)
            {
                followers[i] = loader.followers(i);
            }
            assertArrayEquals(expectedFollowers, followers);
        }
        assertTrue(edges > LoadProgress.INTERVAL, "the graph is large enough to report progress");
        assertEquals(edges / LoadProgress.INTERVAL, progress.size());
        assertEquals(LoadProgress.INTERVAL, progress.get(0));
    }

    @Test
    void loadsTheSameGraphForEveryCaller()
    {
        try (TimelineEngine first = TimelineEngine.open(new EngineConfig().dataDirectory(data.resolve("a")));
            TimelineEngine second = TimelineEngine.open(new EngineConfig().dataDirectory(data.resolve("b"))))
        {
            GraphLoader.load(first, workload);
            GraphLoader.load(second, workload);
            assertEquals(first.stats(), second.stats());
        }
    }

    @Test
    void aFailedFollowFailsTheLoad()
    {
        final TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data));
        engine.close();
        assertThrows(EngineClosedException.class, () -> GraphLoader.load(engine, workload));
    }
}
