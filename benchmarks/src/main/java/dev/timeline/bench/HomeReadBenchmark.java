package dev.timeline.bench;

import dev.timeline.engine.Strategy;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineView;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Home reads into a caller-owned result on a warm 100,000-user engine: {@code PUSH} reads only the
 * materialized timeline; {@code HYBRID} with a low threshold also merges the celebrities a user
 * follows at read time. With {@code writer = busy} a background thread keeps posting while the
 * reads are measured. {@code into = buffer} copies the texts into a {@link TimelineBuffer};
 * {@code into = view} copies ids and authors into a {@link TimelineView} and views the texts in place.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HomeReadBenchmark
{
    static final int BUSY_POSTS_PER_SECOND = 10_000;

    /** The engine, and the posting thread that keeps its writer busy. */
    @State(Scope.Benchmark)
    public static class Engine
    {
        @Param({"PUSH", "HYBRID"})
        public Strategy strategy;

        @Param({"idle", "busy"})
        public String writer;

        @Param({"100000"})
        public int users;

        /** 1: one writer and all the memory (scaling up); more: sharding inside the process. */
        @Param({"1"})
        public int partitions;

        EngineFixture fixture;
        private Thread poster;
        private volatile boolean posting;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            fixture = new EngineFixture(partitions, strategy, Workload.named("celebrity", users, 1), 1_000);
            fixture.post(0, 500_000);
            if ("busy".equals(writer))
            {
                posting = true;
                poster = new Thread(this::postUntilStopped, "busy-writer");
                poster.setDaemon(true);
                poster.start();
            }
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException
        {
            posting = false;
            if (poster != null)
            {
                poster.join();
            }
            fixture.close();
        }

        private void postUntilStopped()
        {
            final OperationStream operations = fixture.workload.operations(2, 0);
            final AsyncWindow window = new AsyncWindow(64);
            final long intervalNanos = TimeUnit.SECONDS.toNanos(1) / BUSY_POSTS_PER_SECOND;
            long next = System.nanoTime();
            while (posting)
            {
                operations.next();
                window.add(fixture.engine.postAsync(operations.user(), operations.text()));
                next += intervalNanos;
                final long wait = next - System.nanoTime();
                if (wait > 0)
                {
                    LockSupport.parkNanos(wait);
                }
            }
            window.awaitAll();
        }
    }

    /** A reading thread's result and stream of users. */
    @State(Scope.Thread)
    public static class Reader
    {
        @Param({"20", "200"})
        public int limit;

        @Param({"buffer", "view"})
        public String into;

        final TimelineBuffer buffer = new TimelineBuffer();
        final TimelineView view = new TimelineView();
        OperationStream users;

        @Setup(Level.Trial)
        public void start(final Engine engine)
        {
            users = engine.fixture.workload.operations(3, 1);
        }
    }

    @Benchmark
    public int home(final Engine engine, final Reader reader)
    {
        reader.users.next();
        final long user = reader.users.user();
        return "view".equals(reader.into) ?
            engine.fixture.engine.homeView(user, reader.limit, Long.MAX_VALUE, reader.view) :
            engine.fixture.engine.home(user, reader.limit, Long.MAX_VALUE, reader.buffer);
    }
}
