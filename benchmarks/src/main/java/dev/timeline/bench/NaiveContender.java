package dev.timeline.bench;

import dev.timeline.bench.baseline.NaiveTimelines;
import dev.timeline.engine.EngineConfig;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The naive on-heap baseline in the comparison: {@link NaiveTimelines} called synchronously by a
 * fixed number of posting threads, as a service's request threads would call it, so as many posts
 * are in flight as there are threads; a post's latency is its call.
 */
final class NaiveContender extends BaselineContender<NaiveTimelines>
{
    private final int threads;
    private final ExecutorService posters;

    /** Loads {@code workload}'s follow graph; posts from {@code threads} threads. */
    NaiveContender(final Workload workload, final int threads)
    {
        super(new NaiveTimelines(EngineConfig.DEFAULT_TIMELINE_CAPACITY));
        this.threads = threads;
        load(workload);
        posters = Executors.newFixedThreadPool(threads, runnable ->
        {
            final Thread thread = new Thread(runnable, "naive-poster");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int inFlight()
    {
        return threads;
    }

    @Override
    public void post(final Posts posts, final int from, final int to, final Recorder latency)
    {
        final List<Future<?>> running = new ArrayList<>(threads);
        for (int thread = 0; thread < threads; thread++)
        {
            final int first = from + thread;
            running.add(posters.submit(() ->
            {
                for (int i = first; i < to; i += threads)
                {
                    final long start = System.nanoTime();
                    timelines().post(posts.author(i), posts.text(i));
                    latency.recordValue(System.nanoTime() - start);
                }
            }));
        }
        for (final Future<?> poster : running)
        {
            await(poster);
        }
    }

    @Override
    public void close()
    {
        posters.shutdownNow();
    }

    private static void await(final Future<?> poster)
    {
        try
        {
            poster.get();
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ?
                (RuntimeException)ex.getCause() : new IllegalStateException(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting", ex);
        }
    }
}
