package dev.timeline.workload;

import dev.timeline.engine.Timelines;

/**
 * Posts tweets of a {@link Workload}'s operation stream into an engine or a cluster as fast as it
 * takes them, through an {@link AsyncWindow}, so that home timelines hold tweets before anything is
 * measured. The load command and the benchmarks fill their engines and clusters with it.
 */
public final class PostLoader
{
    /** Posts kept in flight at most. */
    public static final int IN_FLIGHT = 1024;

    private PostLoader()
    {
    }

    /**
     * Posts {@code posts} tweets of operation stream {@code stream} and waits until all are durable.
     *
     * @param inFlight posts kept in flight: fewer than {@code timelines} admits, such as half; at most
     *                 {@link #IN_FLIGHT} are.
     * @param progress told of progress, in posts; {@link LoadProgress#NONE} for nothing.
     * @throws RuntimeException the first failure of a post, such as a closed engine.
     */
    public static void post(
        final Timelines timelines, final int inFlight, final Workload workload, final int stream, final long posts,
        final LoadProgress progress)
    {
        final OperationStream operations = workload.operations(stream, 0);
        final AsyncWindow window = new AsyncWindow(Math.min(IN_FLIGHT, inFlight));
        final long start = System.nanoTime();
        for (long i = 1; i <= posts; i++)
        {
            operations.next();
            window.add(timelines.postAsync(operations.user(), operations.text()));
            if (i % LoadProgress.INTERVAL == 0)
            {
                progress.loaded(i, System.nanoTime() - start);
            }
        }
        window.awaitAll();
    }
}
