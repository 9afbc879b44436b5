package dev.timeline.workload;

import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostLoaderTest
{
    private final Workload workload = new Workload(FollowerDistribution.ZIPF, 500, 5, 3);

    @TempDir
    Path data;

    @Test
    void postsTheTweetsOfTheStreamAndWaitsForThemAll()
    {
        final int posts = 2 * LoadProgress.INTERVAL + 10;
        final List<Long> progress = new ArrayList<>();
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data).maxInFlight(64)))
        {
            GraphLoader.load(engine, workload);
            PostLoader.post(engine, 32, workload, 4, posts, (count, elapsedNanos) -> progress.add(count));

            assertEquals(posts, engine.stats().tweets(), "every post is applied once post returns");
            final OperationStream stream = workload.operations(4, 0);
            String lastText = null;
            long lastAuthor = 0;
            for (int i = 0; i < posts; i++)
            {
                stream.next();
                lastAuthor = stream.user();
                lastText = stream.text().toString();
            }
            assertEquals(lastText, engine.tweets(lastAuthor, 1).get(0).text(), "the stream's last post is its author's newest");
        }
        assertEquals(List.of((long)LoadProgress.INTERVAL, 2L * LoadProgress.INTERVAL), progress);
    }

    @Test
    void aFailedPostFailsTheLoad()
    {
        final TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data));
        engine.close();
        assertThrows(EngineClosedException.class, () -> PostLoader.post(engine, 32, workload, 0, 10, LoadProgress.NONE));
    }
}
