package dev.timeline.bench;

import dev.timeline.journal.EventEncoder;
import dev.timeline.journal.Journal;
import dev.timeline.journal.JournalHandler;
import dev.timeline.journal.PostEventDescriptor;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The journal's ceiling for the engine's post path: appends and replays of posts with 140 bytes of text through the
 * {@link Journal} API, and, for reference, appends of the same encoded bytes straight to Chronicle Queue. Each append
 * iteration starts from a new, empty journal in the temporary directory.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalBenchmark
{
    static final int TEXT_LENGTH = 140;
    static final int REPLAY_EVENTS = 1_000_000;
    static final long AUTHOR = 42;

    /**
     * An empty journal per iteration and the text to post.
     */
    @State(Scope.Thread)
    public static class AppendState
    {
        final UnsafeBuffer text = tweetText();
        Journal journal;
        long tweetId;

        @Setup(Level.Iteration)
        public void open() throws IOException
        {
            journal = openTemporaryJournal();
        }

        @TearDown(Level.Iteration)
        public void close()
        {
            closeAndDelete(journal);
        }
    }

    /**
     * A journal of {@link #REPLAY_EVENTS} posts.
     */
    @State(Scope.Benchmark)
    public static class ReplayState
    {
        final SumHandler handler = new SumHandler();
        Journal journal;

        @Setup(Level.Trial)
        public void fill() throws IOException
        {
            journal = openTemporaryJournal();
            final UnsafeBuffer text = tweetText();
            for (int i = 0; i < REPLAY_EVENTS; i++)
            {
                journal.appendPost(i, i, AUTHOR, text, 0, TEXT_LENGTH);
            }
        }

        @TearDown(Level.Trial)
        public void close()
        {
            closeAndDelete(journal);
        }
    }

    /**
     * A bare Chronicle queue with the journal's settings per iteration, and one post event encoded as the journal
     * would encode it.
     */
    @State(Scope.Thread)
    public static class RawChronicleState
    {
        final byte[] event = encodedPost();
        Path directory;
        SingleChronicleQueue queue;
        ExcerptAppender appender;

        @Setup(Level.Iteration)
        public void open() throws IOException
        {
            directory = Files.createTempDirectory("chronicle-bench");
            queue = SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(Journal.ROLL_CYCLE)
                .blockSize(Journal.BLOCK_SIZE)
                .build();
            appender = queue.createAppender();
        }

        @TearDown(Level.Iteration)
        public void close()
        {
            appender.close();
            queue.close();
            IoUtil.delete(directory.toFile(), false);
        }
    }

    @Benchmark
    public long appendPost(final AppendState state)
    {
        final long tweetId = state.tweetId++;
        return state.journal.appendPost(tweetId, tweetId, AUTHOR, state.text, 0, TEXT_LENGTH);
    }

    @Benchmark
    @OperationsPerInvocation(REPLAY_EVENTS)
    public long replayPosts(final ReplayState state)
    {
        state.journal.replay(state.handler);
        return state.handler.sum;
    }

    @Benchmark
    public long rawChronicleAppend(final RawChronicleState state)
    {
        try (DocumentContext context = state.appender.writingDocument())
        {
            context.wire().bytes().write(state.event);
        }

        return state.appender.lastIndexAppended();
    }

    static Journal openTemporaryJournal() throws IOException
    {
        return Journal.open(Files.createTempDirectory("journal-bench"));
    }

    static void closeAndDelete(final Journal journal)
    {
        journal.close();
        IoUtil.delete(journal.directory().toFile(), false);
    }

    static UnsafeBuffer tweetText()
    {
        final StringBuilder text = new StringBuilder(TEXT_LENGTH);
        while (text.length() < TEXT_LENGTH)
        {
            text.append("Posting about timelines, fan-out and celebrities. ");
        }

        return new UnsafeBuffer(text.substring(0, TEXT_LENGTH).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] encodedPost()
    {
        final UnsafeBuffer event = new UnsafeBuffer(new byte[PostEventDescriptor.length(TEXT_LENGTH)]);
        new EventEncoder().wrap(event, 0).encodePost(0, 0, 0, AUTHOR, tweetText(), 0, TEXT_LENGTH);
        return event.byteArray();
    }

    /**
     * Touches every field and the text of each post, so replay cannot be optimised away.
     */
    static final class SumHandler implements JournalHandler
    {
        long sum;

        public void onFollow(final long index, final long time, final long follower, final long followee)
        {
            sum += followee;
        }

        public void onUnfollow(final long index, final long time, final long follower, final long followee)
        {
            sum -= followee;
        }

        public void onPost(
            final long index,
            final long time,
            final long tweetId,
            final long author,
            final DirectBuffer text,
            final int offset,
            final int length)
        {
            sum += index + time + tweetId + author + text.getByte(offset) + text.getByte(offset + length - 1);
        }

        public void onDelete(final long index, final long time, final long tweetId)
        {
            sum += tweetId;
        }
    }
}
