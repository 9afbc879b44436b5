package dev.timeline.bench;

import dev.timeline.workload.OperationStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same workload on each implementation in turn: loads the follow graph, makes the warm-up
 * posts, then the measured posts (throughput, processor time, deliveries, latency of each), then home reads of
 * {@value ComparisonSettings#READ_LIMIT} tweets one at a time from one thread (a tenth as many, for
 * a second at least, unmeasured first). Each implementation is closed and the heap collected before
 * the next one starts.
 */
final class BaselineComparison
{
    private static final int POST_STREAM = 0;
    private static final int READ_STREAM = 1;
    /** Posts between two progress checks. */
    private static final int CHUNK = 1 << 14;
    /** Home reads between two progress checks. */
    private static final int READ_CHUNK = 1 << 12;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final ComparisonSettings settings;
    private final Progress progress;
    private final Posts posts;

    BaselineComparison(final ComparisonSettings settings, final Progress progress)
    {
        this.settings = settings;
        this.progress = progress;
        this.posts = new Posts(settings.workload(), POST_STREAM, settings.warmupPosts() + settings.posts());
    }

    /** Measures each of {@code implementations}, in that order. */
    List<Measurement> run(final List<Implementation> implementations) throws IOException, InterruptedException
    {
        final List<Measurement> measurements = new ArrayList<>();
        for (final Implementation implementation : implementations)
        {
            measurements.add(run(implementation));
            System.gc();
        }
        return measurements;
    }

    /** Measures {@code implementation}. */
    Measurement run(final Implementation implementation) throws IOException, InterruptedException
    {
        final String name = implementation.title();
        progress.line("%s: loading the follow graph", name);
        final long loadStart = System.nanoTime();
        try (Contender contender = implementation.open(settings))
        {
            progress.line("%s: follow graph loaded in %.1f s", name, (System.nanoTime() - loadStart) / 1e9);
            final Recorder postLatency = new Recorder(SIGNIFICANT_DIGITS);
            post(contender, name + ": warming up", 0, settings.warmupPosts(), postLatency);
            postLatency.getIntervalHistogram();

            final long deliveriesBefore = contender.deliveries();
            final long processorBefore = contender.processorNanos();
            final long postStart = System.nanoTime();
            post(contender, name + ": posting", settings.warmupPosts(), posts.count(), postLatency);
            final long postNanos = System.nanoTime() - postStart;
            final long postProcessorNanos = contender.processorNanos() - processorBefore;
            final long deliveries = contender.deliveries() - deliveriesBefore;

            final OperationStream users = settings.workload().operations(READ_STREAM, 1);
            warmUpReads(contender, name, users);
            final Histogram readLatency = new Histogram(SIGNIFICANT_DIGITS);
            final long readStart = System.nanoTime();
            read(contender, name + ": reading", users, settings.reads(), readLatency);
            final long readNanos = System.nanoTime() - readStart;

            return new Measurement(implementation, contender.inFlight(), settings.posts(), postNanos,
                postProcessorNanos, deliveries, postLatency.getIntervalHistogram(), settings.reads(), readNanos,
                readLatency);
        }
    }

    private void post(
        final Contender contender, final String phase, final int from, final int to, final Recorder latency)
    {
        final long start = System.nanoTime();
        for (int chunk = from; chunk < to; chunk += CHUNK)
        {
            final int end = Math.min(to, chunk + CHUNK);
            contender.post(posts, chunk, end, latency);
            progress.tick("%s: %,d of %,d posts (%,.0f/s)",
                phase, end - from, to - from, (end - from) * 1e9 / (System.nanoTime() - start));
        }
    }

    /**
     * Home reads not measured: {@link ComparisonSettings#warmupReads()}, and for
     * {@link ComparisonSettings#WARMUP_READ_SECONDS} at least.
     */
    private void warmUpReads(final Contender contender, final String name, final OperationStream users)
    {
        final long start = System.nanoTime();
        final long leastNanos = TimeUnit.SECONDS.toNanos(ComparisonSettings.WARMUP_READ_SECONDS);
        for (int i = 1; i <= settings.warmupReads() || System.nanoTime() - start < leastNanos; i++)
        {
            users.next();
            contender.home(users.user(), ComparisonSettings.READ_LIMIT);
            if (i % READ_CHUNK == 0)
            {
                progress.tick("%s: warming up, %,d home reads (%,.0f/s)", name, i, i * 1e9 / (System.nanoTime() - start));
            }
        }
    }

    private void read(
        final Contender contender, final String phase, final OperationStream users, final int reads,
        final Histogram latency)
    {
        final long start = System.nanoTime();
        for (int i = 1; i <= reads; i++)
        {
            users.next();
            final long readStart = System.nanoTime();
            contender.home(users.user(), ComparisonSettings.READ_LIMIT);
            latency.recordValue(System.nanoTime() - readStart);
            if (i % READ_CHUNK == 0)
            {
                progress.tick("%s: %,d of %,d home reads (%,.0f/s)",
                    phase, i, reads, i * 1e9 / (System.nanoTime() - start));
            }
        }
    }
}
