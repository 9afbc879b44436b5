package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.agrona.IoUtil;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A blocking post's latency, sampled, beside its two floors in the same run: a round trip to a
 * writer that does no work ({@link EchoWriter}), and the raw journal append
 * ({@code JournalBenchmark.appendPost}). One caller, each call right after the last, so the writer
 * never idles long; {@code benchmarks.jar latency} measures at a fixed rate instead. With
 * {@code busySpin} the writers and the caller spin instead of parking.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PostLatencyBenchmark
{
    private static final int AUTHORS = 1024;
    private static final String TEXT = "x".repeat(JournalBenchmark.TEXT_LENGTH);

    /** How the writers idle: parking until woken, or spinning. */
    @State(Scope.Benchmark)
    public static class Idle
    {
        @Param({"false", "true"})
        boolean busySpin;

        EngineConfig config()
        {
            return new EngineConfig().busySpin(busySpin).snapshotInterval(0);
        }
    }

    /** A writer that does no work. */
    @State(Scope.Thread)
    public static class Echo
    {
        EchoWriter writer;

        @Setup(Level.Trial)
        public void open(final Idle idle)
        {
            writer = new EchoWriter(idle.config());
        }

        @TearDown(Level.Trial)
        public void close()
        {
            writer.close();
        }
    }

    /** An engine whose posts are by authors nobody follows. */
    @State(Scope.Thread)
    public static class Engine
    {
        Path directory;
        TimelineEngine engine;
        long author;

        @Setup(Level.Trial)
        public void open(final Idle idle) throws IOException
        {
            directory = Files.createTempDirectory("timeline-bench");
            engine = TimelineEngine.open(idle.config().dataDirectory(directory));
        }

        @TearDown(Level.Trial)
        public void close()
        {
            engine.close();
            IoUtil.delete(directory.toFile(), true);
        }
    }

    /** Floor: to a writer and back, with no work. */
    @Benchmark
    public long roundTripNoWork(final Echo echo)
    {
        return echo.writer.call();
    }

    /** Floor: the journal append of a post, on the caller's thread. */
    @Benchmark
    public long journalAppend(final JournalBenchmark.AppendState state)
    {
        final long tweetId = state.tweetId++;
        return state.journal.appendPost(tweetId, tweetId, JournalBenchmark.AUTHOR, state.text, 0,
            JournalBenchmark.TEXT_LENGTH);
    }

    /** A blocking post, to its durable acknowledgement. */
    @Benchmark
    public long postBlocking(final Engine engine)
    {
        return engine.engine.post(engine.author++ % AUTHORS, TEXT);
    }
}
