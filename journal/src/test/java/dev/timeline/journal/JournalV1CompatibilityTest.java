package dev.timeline.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every later build keeps reading the journal written by format version 1 and kept in the test resources.
 */
class JournalV1CompatibilityTest
{
    @TempDir
    Path dir;

    @Test
    void replaysTheVersion1JournalExactly() throws IOException
    {
        JournalV1Fixture.unzipTo(dir);
        final int firstDay = (int)JournalV1Fixture.FIRST_DAY.toEpochDay();

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final RecordingHandler handler = new RecordingHandler();
            assertEquals(9, journal.replay(handler));
            assertEquals(JournalV1Fixture.events(), handler.events);
            assertEquals(9, journal.eventCount());

            final long day0 = Journal.ROLL_CYCLE.toIndex(firstDay, 0);
            final long day1 = Journal.ROLL_CYCLE.toIndex(firstDay + 1, 0);
            assertEquals(List.of(day0, day0 + 1, day0 + 2, day0 + 3, day0 + 4, day0 + 5, day1, day1 + 1, day1 + 2),
                handler.indexes);
            assertEquals(day0, journal.firstIndex());
            assertEquals(day1 + 2, journal.lastIndex());
        }

        try (Journal journal = Journal.open(dir))
        {
            final long appended = journal.appendDelete(1, 1_001);
            assertEquals(10, journal.eventCount());
            assertEquals(1, journal.replay(appended, new RecordingHandler()));
        }
    }
}
