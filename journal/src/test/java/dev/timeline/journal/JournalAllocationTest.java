package dev.timeline.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appending and replaying allocate nothing per event, counted by the JVM's per-thread allocation counter.
 */
class JournalAllocationTest
{
    private static final int WARM_UP_ROUNDS = 5;
    private static final int EVENTS_PER_ROUND = 40_000;
    private static final long ALLOWED_BYTES = 4096;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void appendAndReplayAllocateNothingPerEvent()
    {
        final DerivedEvents events = new DerivedEvents();
        final DerivedEvents.Checker checker = new DerivedEvents.Checker();
        try (Journal journal = Journal.open(dir); JournalTailer tailer = journal.tailer(0))
        {
            for (int i = 0; i < WARM_UP_ROUNDS; i++)
            {
                appendRound(journal, events, checker.count());
                tailer.poll(checker, Integer.MAX_VALUE);
            }

            final long beforeAppends = allocatedBytes();
            appendRound(journal, events, checker.count());
            final long appendBytes = allocatedBytes() - beforeAppends;

            final long beforePolls = allocatedBytes();
            final int polled = tailer.poll(checker, Integer.MAX_VALUE);
            final long pollBytes = allocatedBytes() - beforePolls;

            assertEquals(EVENTS_PER_ROUND, polled);
            assertEquals((WARM_UP_ROUNDS + 1L) * EVENTS_PER_ROUND, checker.count());
            assertTrue(appendBytes < ALLOWED_BYTES, appendBytes + " bytes allocated by " + polled + " appends");
            assertTrue(pollBytes < ALLOWED_BYTES, pollBytes + " bytes allocated by reading " + polled + " events");
        }
    }

    private static void appendRound(final Journal journal, final DerivedEvents events, final long first)
    {
        for (long n = first, end = first + EVENTS_PER_ROUND; n < end; n++)
        {
            events.append(journal, n);
        }
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
