package dev.timeline.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Chronicle Queue writes to a daily file besides the events fits in what {@link CycleFileReserve} allocates
 * ahead: the head of a new file, and the index arrays it writes inline between events. Pre-created files do not
 * outlive the appender that made them.
 */
class CycleFileReserveTest
{
    private static final long EVENTS_PAST_FIRST_INLINE_INDEX_ARRAY =
        Journal.ROLL_CYCLE.defaultIndexCount() * (long)Journal.ROLL_CYCLE.defaultIndexSpacing() + 1000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aPrecreatedFileLeftByAStoppedAppenderIsRemovedOnOpening() throws IOException
    {
        Journal.open(dir).close();
        Files.write(dir.resolve("20200101L.precreated"), new byte[CycleFileReserve.PAGE_SIZE]);

        Journal.open(dir).close();

        assertEquals(List.of("journal.properties", "metadata.cq4t"), JournalDirectoryTest.list(dir));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void chronicleWritesNoMoreBesideTheEventsThanIsAllocatedAhead()
    {
        try (Journal journal = Journal.open(dir))
        {
            final long time = System.currentTimeMillis();
            for (long n = 0; n < EVENTS_PAST_FIRST_INLINE_INDEX_ARRAY; n++)
            {
                journal.appendDelete(time, n);
            }
        }

        long firstEventPosition = -1;
        long previousEnd = -1;
        long widestGap = 0;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(Journal.ROLL_CYCLE)
            .blockSize(Journal.BLOCK_SIZE)
            .readOnly(true)
            .build();
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext context = tailer.readingDocument())
                {
                    if (!context.isPresent())
                    {
                        break;
                    }

                    final Bytes<?> bytes = context.wire().bytes();
                    if (firstEventPosition < 0)
                    {
                        firstEventPosition = bytes.readPosition();
                    }
                    else
                    {
                        widestGap = Math.max(widestGap, bytes.readPosition() - previousEnd);
                    }
                    previousEnd = bytes.readLimit();
                }
            }
        }

        assertTrue(firstEventPosition <= CycleFileReserve.HEAD_EXTENT,
            "a new daily file's head is longer than allowed: its first event starts at " + firstEventPosition);
        assertTrue(CycleFileReserve.HEAD_EXTENT + CycleFileReserve.APPEND_EXTENT <= CycleFileReserve.RESERVE_AHEAD,
            "a new daily file's head and first append do not fit in what is allocated ahead");
        assertTrue(widestGap > CycleFileReserve.INDEX_ARRAY_EXTENT / 2,
            "no index array between events, widest gap " + widestGap + " bytes: too few events to test");
        assertTrue(widestGap <= CycleFileReserve.INDEX_ARRAY_EXTENT,
            "Chronicle wrote " + widestGap + " bytes between two events, more than an append is allowed");
    }
}
