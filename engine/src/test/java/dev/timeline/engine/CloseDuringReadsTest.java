package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing frees the engine's off-heap memory, so it must never do so under a read: readers racing
 * a close either finish their read or are told the engine is closed, and the process survives.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CloseDuringReadsTest
{
    @TempDir
    Path directory;

    @Test
    void readsRacingACloseFinishOrAreRefused() throws InterruptedException
    {
        for (int round = 0; round < 20; round++)
        {
            final TimelineEngine engine = TimelineEngine.open(
                new EngineConfig().dataDirectory(directory).timelineCapacity(16));
            for (long user = 1; user < 20; user++)
            {
                engine.follow(0, user);
                engine.post(user, "tweet of " + user + " in round " + round);
            }
            final AtomicLong reads = new AtomicLong();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++)
            {
                final Thread reader = new Thread(() -> readUntilClosed(engine, reads, failure));
                readers.add(reader);
                reader.start();
            }
            while (reads.get() < 1_000)
            {
                Thread.onSpinWait();
            }
            engine.close();
            for (final Thread reader : readers)
            {
                reader.join();
            }
            assertNull(failure.get());
            assertThrows(EngineClosedException.class, () -> engine.home(0, 20));
        }
    }

    private static void readUntilClosed(
        final TimelineEngine engine, final AtomicLong reads, final AtomicReference<Throwable> failure)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        try
        {
            while (true)
            {
                assertTrue(engine.home(0, 20, Long.MAX_VALUE, buffer) > 0);
                for (int i = 0; i < buffer.size(); i++)
                {
                    assertTrue(buffer.text(i).startsWith("tweet of " + buffer.author(i) + " "));
                }
                reads.incrementAndGet();
            }
        }
        catch (final EngineClosedException closed)
        {
            reads.incrementAndGet();
        }
        catch (final Throwable unexpected)
        {
            failure.compareAndSet(null, unexpected);
        }
    }
}
