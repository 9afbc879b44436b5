package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.GraphLoader;
import dev.timeline.workload.Workload;
import org.agrona.IoUtil;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How large an engine fits and how fast it comes back: loads a Zipf graph of {@code USERS} users
 * following {@code FOLLOWS} accounts each on average, posts {@code POSTS} tweets, prints the memory
 * per user and follow edge and the off-heap memory, then closes the engine (writing a snapshot) and
 * reopens it from that snapshot. For example:
 * <pre>
 * java -XX:MaxDirectMemorySize=20g -jar benchmarks/target/benchmarks.jar scale 1000000 100 1000000
 * </pre>
 */
public final class ScaleProbe
{
    private ScaleProbe()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length != 3)
        {
            System.err.println("usage: ScaleProbe USERS FOLLOWS POSTS");
            System.exit(2);
        }
        final Workload workload = new Workload(
            FollowerDistribution.ZIPF, Integer.parseInt(args[0]), Integer.parseInt(args[1]), 1);
        final int posts = Integer.parseInt(args[2]);
        final Path directory = Files.createTempDirectory("timeline-scale");
        final EngineConfig config = new EngineConfig().dataDirectory(directory).snapshotInterval(0);
        try
        {
            final long heapAtStart = usedHeap();
            final TimelineEngine engine = TimelineEngine.open(config);
            long start = System.nanoTime();
            GraphLoader.load(engine, workload);
            final EngineStats graph = engine.stats();
            report("follows loaded", graph.follows(), start);
            final long graphHeap = usedHeap() - heapAtStart;
            System.out.printf("  heap for %,d users and %,d follows: %,d bytes, %.1f per edge%n",
                graph.users(), graph.follows(), graphHeap, graphHeap / (double)graph.follows());

            start = System.nanoTime();
            EngineFixture.post(engine, workload, 0, posts);
            report("posts", posts, start);
            final EngineStats loaded = engine.stats();
            System.out.printf("  %,d deliveries; off-heap reserved %,d bytes; heap now %,d bytes%n",
                loaded.deliveries(), loaded.offHeapBytes(), usedHeap() - heapAtStart);

            start = System.nanoTime();
            engine.close();
            report("closed, snapshot written of events", graph.follows() + posts, start);

            start = System.nanoTime();
            try (TimelineEngine reopened = TimelineEngine.open(config))
            {
                report("reopened from the snapshot, events", reopened.recovery().snapshotEvents(), start);
            }
        }
        finally
        {
            IoUtil.delete(directory.toFile(), true);
        }
    }

    private static void report(final String what, final long count, final long startNanos)
    {
        final long nanos = System.nanoTime() - startNanos;
        System.out.printf("%s: %,d in %.2f s (%,.0f/s)%n", what, count, nanos / 1e9, count * 1e9 / nanos);
    }

    private static long usedHeap()
    {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
