package dev.timeline.engine;

import dev.timeline.engine.state.Partitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Writers that park until woken, and never wake by themselves, still take every write: a
 * submission wakes its partition's writer, a delivery the writer of the partition it goes to, and a
 * raised watermark the writers whose acknowledgements wait for it; close wakes them to stop. Busy
 * writers and callers, which never park, take them too.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParkingIdleStrategyTest
{
    @TempDir
    Path directory;

    @Test
    void aWakeBeforeTheParkEndsItAtOnce()
    {
        final ParkingIdleStrategy strategy = new ParkingIdleStrategy(0, ParkingIdleStrategy.PARK_UNTIL_WOKEN);
        strategy.idle(0);
        strategy.idle(0);
        strategy.wake();
        strategy.idle(0);
        strategy.idle(0);
        strategy.reset();
    }

    @Test
    void aWriterParkedUntilWokenTakesAWrite()
    {
        try (TimelineEngine engine = TimelineEngine.open(parkingUntilWoken(1)))
        {
            awaitParked("timeline-writer-0");
            engine.follow(1, 2);
            awaitParked("timeline-writer-0");
            final long id = engine.post(2, "woken");
            awaitParked("timeline-writer-0");
            assertEquals(id, engine.postAsync(2, "woken again").thenApply(ignore -> id).join());
            assertEquals(2, engine.home(1, 10).size());
        }
    }

    @Test
    void parkedWritersOfSeveralPartitionsDeliverAndAcknowledgeAPost()
    {
        final Partitioner partitioner = new Partitioner(3);
        final long author = 1;
        long follower = 2;
        while (partitioner.ofUser(follower) == partitioner.ofUser(author))
        {
            follower++;
        }
        try (TimelineEngine engine = TimelineEngine.open(parkingUntilWoken(3)))
        {
            engine.follow(follower, author);
            for (int i = 0; i < 100; i++)
            {
                for (int partition = 0; partition < 3; partition++)
                {
                    awaitParked("timeline-writer-" + partition);
                }
                final long id = engine.post(author, "tweet " + i);
                assertEquals(id, engine.home(follower, 1).get(0).id(), "the post is in the follower's partition");
            }
        }
    }

    @Test
    void closeStopsWritersParkedUntilWoken()
    {
        final TimelineEngine engine = TimelineEngine.open(parkingUntilWoken(2));
        awaitParked("timeline-writer-0");
        awaitParked("timeline-writer-1");
        engine.close();
        assertThrows(EngineClosedException.class, () -> engine.post(1, "closed"));
    }

    @Test
    void busySpinningWritersAndCallersTakeWrites()
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory).partitions(2)
            .busySpin(true)))
        {
            engine.follow(1, 2);
            final long id = engine.post(2, "spun");
            assertEquals(id, engine.home(1, 1).get(0).id());
        }
    }

    private EngineConfig parkingUntilWoken(final int partitions)
    {
        return new EngineConfig()
            .dataDirectory(directory)
            .partitions(partitions)
            .idleStrategy(() -> new ParkingIdleStrategy(0, ParkingIdleStrategy.PARK_UNTIL_WOKEN));
    }

    /** Waits until the thread named {@code name} is parked in its idle strategy. */
    private static void awaitParked(final String name)
    {
        final Thread writer = thread(name);
        while (!(LockSupport.getBlocker(writer) instanceof ParkingIdleStrategy) ||
            writer.getState() != Thread.State.WAITING)
        {
            Thread.onSpinWait();
        }
    }

    private static Thread thread(final String name)
    {
        Thread found = null;
        while (found == null)
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (name.equals(thread.getName()))
                {
                    found = thread;
                }
            }
        }
        assertNotNull(found);
        return found;
    }
}
