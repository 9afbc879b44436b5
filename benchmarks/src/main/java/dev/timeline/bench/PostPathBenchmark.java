package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.AsyncWindow;
import org.agrona.IoUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The post path alone: 140-byte posts by authors nobody follows, so each costs the inbox, the
 * journal append, the tweet store and the author's own timeline. Run beside
 * {@code JournalBenchmark.appendPost}, the raw append of the same payload, to see what the engine
 * adds to the journal's ceiling.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PostPathBenchmark
{
    private static final int POSTS_PER_INVOCATION = 256;
    private static final int AUTHORS = 1024;
    private static final String TEXT = "x".repeat(JournalBenchmark.TEXT_LENGTH);

    private Path directory;
    private TimelineEngine engine;
    private AsyncWindow window;
    private long author;

    @Setup(Level.Iteration)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory("timeline-bench");
        engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory).snapshotInterval(0));
        window = new AsyncWindow(EngineFixture.WINDOW);
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        window.awaitAll();
        engine.close();
        IoUtil.delete(directory.toFile(), true);
    }

    /** A busy front end: many posts in flight, acknowledged in batches. */
    @Benchmark
    @OperationsPerInvocation(POSTS_PER_INVOCATION)
    public void postAsync()
    {
        for (int i = 0; i < POSTS_PER_INVOCATION; i++)
        {
            window.add(engine.postAsync(nextAuthor(), TEXT));
        }
    }

    /** One caller waiting for each acknowledgement: the latency-bound rate. */
    @Benchmark
    public long postBlocking()
    {
        return engine.post(nextAuthor(), TEXT);
    }

    private long nextAuthor()
    {
        return author++ % AUTHORS;
    }
}
