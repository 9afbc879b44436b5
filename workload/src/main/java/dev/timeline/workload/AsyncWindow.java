package dev.timeline.workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A bounded window of asynchronous writes, as a busy client keeps them: at most {@link #capacity()}
 * futures in flight, and adding one to a full window first waits for the oldest. Enough writes stay
 * outstanding for the engine's writer to commit them in batches, never so many that it turns them away.
 * <p>
 * Waiting for a future that failed rethrows its cause, unwrapped when it is unchecked. For one
 * submitting thread: a window is not thread-safe.
 */
public final class AsyncWindow
{
    private final CompletableFuture<?>[] inFlight;
    private long added;
    private long awaited;

    /**
     * @param capacity the most futures in flight, at least 1.
     */
    public AsyncWindow(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        inFlight = new CompletableFuture<?>[capacity];
    }

    /** The most futures in flight. */
    public int capacity()
    {
        return inFlight.length;
    }

    /** Futures added and not yet waited for. */
    public int inFlight()
    {
        return (int)(added - awaited);
    }

    /**
     * Adds {@code future}, first waiting for the oldest in flight if the window is full.
     *
     * @throws RuntimeException the cause of the oldest future's failure, if it failed; {@code future}
     *                          is added all the same.
     */
    public void add(final CompletableFuture<?> future)
    {
        try
        {
            if (inFlight() == inFlight.length)
            {
                awaitOldest();
            }
        }
        finally
        {
            inFlight[(int)(added++ % inFlight.length)] = future;
        }
    }

    /**
     * Waits for every future in flight, oldest first.
     *
     * @throws RuntimeException the cause of the first failure met; the futures after it stay in flight.
     */
    public void awaitAll()
    {
        while (awaited < added)
        {
            awaitOldest();
        }
    }

    private void awaitOldest()
    {
        final int slot = (int)(awaited++ % inFlight.length);
        final CompletableFuture<?> oldest = inFlight[slot];
        inFlight[slot] = null;
        try
        {
            oldest.join();
        }
        catch (final CompletionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause() : ex;
        }
    }
}
