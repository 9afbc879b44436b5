package dev.timeline.cli;

import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.LoadProgress;

import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous writes kept in flight through an {@link AsyncWindow}, as many as the window holds, so
 * that an engine commits them in batches and a cluster's log carries many at once; counts them and
 * tells the progress every {@link LoadProgress#INTERVAL} writes. For one submitting thread.
 */
final class WindowedWrites
{
    private final AsyncWindow window;
    private final LoadProgress progress;
    private final long startNanos = System.nanoTime();
    private long submitted;

    WindowedWrites(final int inFlight, final LoadProgress progress)
    {
        this.window = new AsyncWindow(inFlight);
        this.progress = progress;
    }

    /** Adds a write just submitted, first waiting for the oldest if the window is full. */
    void add(final CompletableFuture<?> write)
    {
        window.add(write);
        if (++submitted % LoadProgress.INTERVAL == 0)
        {
            progress.loaded(submitted, System.nanoTime() - startNanos);
        }
    }

    /**
     * Waits until every write is durable.
     *
     * @return how many writes were added.
     * @throws RuntimeException the first failure of a write.
     */
    long awaitAll()
    {
        window.awaitAll();
        return submitted;
    }
}
