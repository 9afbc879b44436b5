package dev.timeline.engine;

import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counters file shows a running engine's work to any reader, and its final values once it closed. */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CountersFileTest
{
    @TempDir
    Path directory;

    @Test
    void countsWhileRunningAndKeepsTheFinalValuesWhenClosed()
    {
        final TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory));
        try (CountersFile counters = CountersFile.open(directory))
        {
            engine.follow(1, 2);
            engine.follow(3, 2);
            final long id = engine.post(2, "counted");
            engine.delete(id);
            engine.post(2, "kept");
            engine.home(1, 20);
            engine.tweets(2, 20);
            while (counters.get(Counter.HOME_READS) < 1 || counters.get(Counter.POSTS) < 2)
            {
                Thread.onSpinWait();
            }
            assertTrue(counters.isEngineAlive());
            assertEquals(ProcessHandle.current().pid(), counters.pid());
            assertEquals(2, counters.get(Counter.FOLLOWS));
            assertEquals(1, counters.get(Counter.DELETES));
            assertEquals(6, counters.get(Counter.DELIVERIES), "each post to its author and two followers");
            assertEquals(3, counters.get(Counter.USERS));
            assertEquals(1, counters.get(Counter.LIVE_TWEETS));
            assertEquals(0, counters.get(Counter.LAST_SNAPSHOT), "no snapshot yet");

            engine.close();
            assertFalse(counters.isEngineAlive(), "closed, though its process lives on");
            assertEquals(2, counters.get(Counter.POSTS));
            assertTrue(counters.get(Counter.LAST_SNAPSHOT) > 0, "the snapshot written on close is counted");
        }
    }

    @Test
    void aDirectoryWithoutAnEngineHasNoCounters()
    {
        final DataDirectoryException thrown = assertThrows(DataDirectoryException.class, () -> CountersFile.open(directory));
        assertTrue(thrown.getMessage().contains("no counters file"), thrown.getMessage());
    }
}
