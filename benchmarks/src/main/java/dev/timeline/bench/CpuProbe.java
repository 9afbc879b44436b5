package dev.timeline.bench;

import dev.timeline.engine.Strategy;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What posting costs in processor time, for each partition count given: {@link FanOutBenchmark}'s
 * engine (the celebrity workload of 100,000 users, threshold 10,000), its graph loaded and 100,000
 * posts made to warm it, then {@code POSTS} more through its window of async posts. It reports the
 * processor time the writer threads and the posting thread took, per post and per delivery, and
 * the busiest writer's share, beside the wall-clock rates.
 * <p>
 * On a machine shared with other work, wall-clock rates move with what else runs; the processor
 * time a post takes moves much less, so builds and partition counts compare by it. It also says how
 * partitions would scale on a machine with a core for each writer and for the poster: the writers
 * then post at about {@code posts / (busiest writer's time)} a second. For example:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar cpu PUSH 400000 1 2 4 8
 * </pre>
 */
public final class CpuProbe
{
    private static final int USERS = 100_000;
    private static final int CELEBRITY_THRESHOLD = 10_000;
    private static final int WARM_POSTS = 100_000;

    private CpuProbe()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length < 3)
        {
            System.err.println("usage: cpu PUSH|PULL|HYBRID POSTS PARTITIONS...");
            System.exit(2);
        }
        final Strategy strategy = Strategy.valueOf(args[0]);
        final int posts = Integer.parseInt(args[1]);
        System.out.printf("%s, celebrity workload of %,d users, %,d posts after %,d, %d in flight%n",
            strategy, USERS, posts, WARM_POSTS, EngineFixture.WINDOW);
        System.out.printf("%10s %10s %13s %12s %13s %13s %15s %14s %15s%n", "partitions", "posts/s", "deliveries/s",
            "writers s", "busiest s", "poster s", "writer µs/post", "writer ns/del", "posts/busiest s");
        for (int i = 2; i < args.length; i++)
        {
            measure(strategy, posts, Integer.parseInt(args[i]));
        }
    }

    private static void measure(final Strategy strategy, final int posts, final int partitions) throws IOException
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (EngineFixture fixture = new EngineFixture(
            partitions, strategy, Workload.named("celebrity", USERS, 1), CELEBRITY_THRESHOLD))
        {
            fixture.post(0, WARM_POSTS);
            final List<Thread> writers = writers();
            final long[] writersBefore = cpuTimes(threads, writers);
            final long posterBefore = threads.getCurrentThreadCpuTime();
            final long deliveriesBefore = fixture.engine.stats().deliveries();
            final long start = System.nanoTime();

            final OperationStream operations = fixture.workload.operations(1, 0);
            final AsyncWindow window = new AsyncWindow(EngineFixture.WINDOW);
            for (int i = 0; i < posts; i++)
            {
                operations.next();
                window.add(fixture.engine.postAsync(operations.user(), operations.text()));
            }
            window.awaitAll();

            final double seconds = (System.nanoTime() - start) / 1e9;
            final double posterSeconds = (threads.getCurrentThreadCpuTime() - posterBefore) / 1e9;
            final long deliveries = fixture.engine.stats().deliveries() - deliveriesBefore;
            final long[] writersAfter = cpuTimes(threads, writers);
            long writerNanos = 0;
            long busiestNanos = 0;
            for (int w = 0; w < writers.size(); w++)
            {
                final long nanos = writersAfter[w] - writersBefore[w];
                writerNanos += nanos;
                busiestNanos = Math.max(busiestNanos, nanos);
            }
            System.out.printf("%10d %,10.0f %,13.0f %12.2f %13.2f %13.2f %15.2f %14.1f %,15.0f%n", partitions,
                posts / seconds, deliveries / seconds, writerNanos / 1e9, busiestNanos / 1e9, posterSeconds,
                writerNanos / 1e3 / posts, (double)writerNanos / deliveries, posts / (busiestNanos / 1e9));
        }
    }

    private static List<Thread> writers()
    {
        final List<Thread> writers = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().startsWith(TimelineEngine.WRITER_THREAD_PREFIX))
            {
                writers.add(thread);
            }
        }
        return writers;
    }

    private static long[] cpuTimes(final ThreadMXBean threads, final List<Thread> writers)
    {
        final long[] times = new long[writers.size()];
        for (int i = 0; i < times.length; i++)
        {
            times[i] = threads.getThreadCpuTime(writers.get(i).getId());
        }
        return times;
    }
}
