package dev.timeline.bench;

import dev.timeline.engine.Strategy;
import dev.timeline.engine.TimelineView;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.AsyncWindow;
import org.HdrHistogram.Recorder;

import java.io.IOException;

/**
 * The engine in the comparison: posts through its async API with a fixed window in flight, as
 * {@link FanOutBenchmark} does, each post's latency recorded when its future completes; home reads
 * into a reused {@link TimelineView}: ids and authors copied, each UTF-8 text a view of the engine's
 * memory, as the naive baseline hands out references to its tweets.
 */
final class EngineContender implements Contender
{
    private final EngineFixture fixture;
    private final AsyncWindow window;
    private final TimelineView view = new TimelineView();

    /**
     * Opens an engine of {@code settings}' partitions on a fresh temporary directory with the default timeline
     * capacity and loads {@code settings}' follow graph.
     */
    EngineContender(final Strategy strategy, final ComparisonSettings settings) throws IOException
    {
        fixture = new EngineFixture(
            settings.partitions(), strategy, settings.workload(), settings.celebrityThreshold());
        this.window = new AsyncWindow(settings.window());
    }

    TimelineEngine engine()
    {
        return fixture.engine;
    }

    @Override
    public int inFlight()
    {
        return window.capacity();
    }

    @Override
    public void post(final Posts posts, final int from, final int to, final Recorder latency)
    {
        for (int i = from; i < to; i++)
        {
            final long start = System.nanoTime();
            window.add(fixture.engine.postAsync(posts.author(i), posts.text(i))
                .thenRun(() -> latency.recordValue(System.nanoTime() - start)));
        }
        window.awaitAll();
    }

    @Override
    public long deliveries()
    {
        return fixture.engine.stats().deliveries();
    }

    @Override
    public int home(final long user, final int limit)
    {
        return fixture.engine.homeView(user, limit, Long.MAX_VALUE, view);
    }

    @Override
    public void close()
    {
        fixture.close();
    }
}
