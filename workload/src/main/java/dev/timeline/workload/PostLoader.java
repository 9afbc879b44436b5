package dev.timeline.workload;

import dev.timeline.engine.TimelineEngine;

/**
 * Posts tweets of a {@link Workload}'s operation stream into an engine as fast as the engine takes
 * them, through an {@link AsyncWindow} of {@link #IN_FLIGHT} posts, so that home timelines hold
 * tweets before anything is measured. The load command and the benchmarks fill their engines with it.
 */
public final class PostLoader
{
    /** Posts kept in flight, or half the engine's {@code maxInFlight} if that is fewer. */
    public static final int IN_FLIGHT = 1024;

    private PostLoader()
    {
    }

    /**
     * Posts {@code posts} tweets of operation stream {@code stream} and waits until all are durable.
     *
     * @param progress told of progress, in posts; {@link LoadProgress#NONE} for nothing.
     * @throws RuntimeException the first failure of a post, such as a closed engine.
     */
    public static void post(
        final TimelineEngine engine, final Workload workload, final int stream, final long posts,
        final LoadProgress progress)
    {
        final OperationStream operations = workload.operations(stream, 0);
        final AsyncWindow window = new AsyncWindow(Math.min(IN_FLIGHT, Math.max(1, engine.config().maxInFlight() / 2)));
        final long start = System.nanoTime();
        for (long i = 1; i <= posts; i++)
        {
            operations.next();
            window.add(engine.postAsync(operations.user(), operations.text()));
            if (i % LoadProgress.INTERVAL == 0)
            {
                progress.loaded(i, System.nanoTime() - start);
            }
        }
        window.awaitAll();
    }
}
