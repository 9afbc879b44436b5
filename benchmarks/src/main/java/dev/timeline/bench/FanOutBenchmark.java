package dev.timeline.bench;

import dev.timeline.engine.Strategy;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Posts per second, and the deliveries into home timelines they cause, for each strategy on a
 * Twitter-like graph: Zipf follower counts plus a few celebrities followed by half of all users.
 * One thread keeps {@link EngineFixture#WINDOW} async posts in flight, as a busy front end would.
 * Compare the {@code deliveries} rate with {@link RandomWriteBenchmark}, the cost of one delivery at
 * least.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FanOutBenchmark
{
    static final int POSTS_PER_INVOCATION = 256;
    /** Posts made before measuring, so that timelines hold some entries. */
    static final int PRELOAD_POSTS = 100_000;
    /** How many times the entries every timeline could hold are delivered to fill them: most, not all, get that many. */
    static final double FILL_MARGIN = 1.25;

    /** The engine with its graph loaded. */
    @State(Scope.Benchmark)
    public static class Engine
    {
        @Param({"PUSH", "PULL", "HYBRID"})
        public Strategy strategy;

        @Param({"celebrity"})
        public String workload;

        @Param({"100000"})
        public int users;

        /** 1: one writer and all the memory (scaling up); more: sharding inside the process. */
        @Param({"1"})
        public int partitions;

        @Param({"10000"})
        public int celebrityThreshold;

        /**
         * {@code growing}: {@link #PRELOAD_POSTS} first, so timelines grow while measured, new blocks
         * allocated and rings moved to larger ones; {@code full}: then posts until every timeline has
         * been delivered {@link #FILL_MARGIN} times its capacity, the state of an engine that has run
         * a while, each delivery trimming the oldest entry, as the floor of
         * {@link RandomWriteBenchmark#headerThenEntry} writes into memory allocated before. Pull keeps
         * no timelines: for it both are the same.
         */
        @Param({"growing", "full"})
        public String timelines;

        EngineFixture fixture;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            fixture = new EngineFixture(partitions, strategy, Workload.named(workload, users, 1), celebrityThreshold);
            fixture.post(0, PRELOAD_POSTS);
            final double deliveriesPerPost = (double)fixture.engine.stats().deliveries() / PRELOAD_POSTS;
            if ("full".equals(timelines) && deliveriesPerPost > 0)
            {
                final long entries = (long)users * fixture.engine.config().timelineCapacity();
                fixture.post(2, (int)Math.ceil(FILL_MARGIN * entries / deliveriesPerPost));
            }
        }

        @TearDown(Level.Trial)
        public void close()
        {
            fixture.close();
        }
    }

    /** The posting thread's stream and window, and the deliveries its posts caused. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Poster
    {
        /** Entries written into home timelines, reported per second beside the posts. */
        public long deliveries;

        OperationStream operations;
        AsyncWindow window;
        long deliveriesAtStart;

        @Setup(Level.Iteration)
        public void start(final Engine engine)
        {
            if (operations == null)
            {
                operations = engine.fixture.workload.operations(1, 0);
                window = new AsyncWindow(EngineFixture.WINDOW);
            }
            deliveriesAtStart = engine.fixture.engine.stats().deliveries();
            deliveries = 0;
        }

        @TearDown(Level.Iteration)
        public void stop()
        {
            window.awaitAll();
        }
    }

    @Benchmark
    @OperationsPerInvocation(POSTS_PER_INVOCATION)
    public void post(final Engine engine, final Poster poster)
    {
        for (int i = 0; i < POSTS_PER_INVOCATION; i++)
        {
            poster.operations.next();
            poster.window.add(engine.fixture.engine.postAsync(poster.operations.user(), poster.operations.text()));
        }
        poster.deliveries = engine.fixture.engine.stats().deliveries() - poster.deliveriesAtStart;
    }
}
