package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.GraphLoader;
import dev.timeline.workload.LoadProgress;
import dev.timeline.workload.PostLoader;
import dev.timeline.workload.Workload;
import org.agrona.IoUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine for a benchmark: opened on a fresh temporary data directory, loaded with a workload's
 * follow graph and warmed with posts, so timelines are full before anything is measured; closing
 * it deletes the directory.
 */
final class EngineFixture implements AutoCloseable
{
    /** Async writes a benchmark thread keeps in flight: enough for the writer to batch. */
    static final int WINDOW = PostLoader.IN_FLIGHT;

    final TimelineEngine engine;
    final Workload workload;
    private final Path directory;

    EngineFixture(final int partitions, final Strategy strategy, final Workload workload, final int celebrityThreshold)
        throws IOException
    {
        this.workload = workload;
        directory = Files.createTempDirectory("timeline-bench");
        engine = TimelineEngine.open(new EngineConfig()
            .dataDirectory(directory)
            .partitions(partitions)
            .strategy(strategy)
            .celebrityThreshold(celebrityThreshold)
            .snapshotInterval(0));
        GraphLoader.load(engine, workload);
    }

    /** Posts {@code posts} tweets from operation stream {@code stream} and waits for them all. */
    void post(final int stream, final int posts)
    {
        post(engine, workload, stream, posts);
    }

    /** Posts {@code posts} tweets of {@code workload}'s operation stream {@code stream} into {@code engine}. */
    static void post(final TimelineEngine engine, final Workload workload, final int stream, final int posts)
    {
        PostLoader.post(engine, engine.config().maxInFlight() / 2, workload, stream, posts, LoadProgress.NONE);
    }

    @Override
    public void close()
    {
        engine.close();
        IoUtil.delete(directory.toFile(), true);
    }
}
