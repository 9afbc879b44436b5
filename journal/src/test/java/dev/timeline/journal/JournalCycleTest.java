package dev.timeline.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournalCycleTest
{
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);
    private static final List<String> THREE_DAILY_FILES =
        List.of("20241004L.cq4", "20241005L.cq4", "20241006L.cq4", "journal.properties", "metadata.cq4t");

    @TempDir
    Path dir;

    @Test
    void replaysAndTailsAcrossDailyFiles() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        final List<String> expected = new ArrayList<>();
        final List<Long> expectedIndexes = new ArrayList<>();
        try (Journal journal = Journal.open(dir, clock); JournalTailer tailer = journal.tailer(0))
        {
            final RecordingHandler tailed = new RecordingHandler();
            for (int day = 0; day < 3; day++)
            {
                for (int i = 0; i < 4; i++)
                {
                    final long time = clock.currentTimeMillis() + i;
                    expectedIndexes.add(journal.appendFollow(time, day, i));
                    expected.add(RecordingHandler.follow(time, day, i));
                }
                tailer.poll(tailed, 100);
                clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
            }

            assertEquals(expected, tailed.events);
            assertEquals(12, journal.eventCount());
        }

        assertEquals(THREE_DAILY_FILES, JournalDirectoryTest.list(dir));

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final RecordingHandler replayed = new RecordingHandler();
            assertEquals(12, journal.replay(replayed));
            assertEquals(expected, replayed.events);
            assertEquals(expectedIndexes, replayed.indexes);
            assertEquals(12, journal.eventCount());

            final RecordingHandler fromSecondDay = new RecordingHandler();
            assertEquals(8, journal.replay(expectedIndexes.get(4), fromSecondDay));
            assertEquals(expected.subList(4, 12), fromSecondDay.events);

            final RecordingHandler afterFirstDay = new RecordingHandler();
            assertEquals(8, journal.replay(expectedIndexes.get(3) + 1, afterFirstDay));
            assertEquals(expected.subList(4, 12), afterFirstDay.events);
        }
    }

    @Test
    void filesEachEventByItsOwnTimeNeverByAnEarlierOne() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        final long opening = clock.currentTimeMillis();
        final List<String> expected = new ArrayList<>();
        try (Journal journal = Journal.open(dir, clock))
        {
            final long[] times = {0, opening + 5, opening + DAY_MS, opening + 7, opening + 2 * DAY_MS + 1};
            for (final long time : times)
            {
                clock.currentTimeMillis(opening + 10 * DAY_MS);
                journal.appendDelete(time, expected.size());
                expected.add(RecordingHandler.delete(time, expected.size()));
            }
        }

        assertEquals(THREE_DAILY_FILES, JournalDirectoryTest.list(dir));
        final RecordingHandler replayed = new RecordingHandler();
        try (Journal journal = Journal.openReadOnly(dir))
        {
            journal.replay(replayed);
        }
        assertEquals(expected, replayed.events);
    }
}
