package dev.timeline.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest
{
    @TempDir
    Path dir;

    @Test
    void replaysWhatWasAppended()
    {
        final byte[] text = RecordingHandler.utf8("héllo wörld \uD83D\uDE00\ttab");
        try (Journal journal = Journal.open(dir.resolve("journal")))
        {
            final long i0 = journal.appendFollow(1000, 1, 2);
            final long i1 = journal.appendPost(1001, 77, 2, new UnsafeBuffer(text), 0, text.length);
            final long i2 = journal.appendUnfollow(1002, 1, 2);
            final long i3 = journal.appendDelete(1003, 77);

            final RecordingHandler handler = new RecordingHandler();
            assertEquals(4, journal.replay(handler));
            assertEquals(List.of(
                RecordingHandler.follow(1000, 1, 2),
                RecordingHandler.post(1001, 77, 2, "héllo wörld \uD83D\uDE00\ttab"),
                RecordingHandler.unfollow(1002, 1, 2),
                RecordingHandler.delete(1003, 77)), handler.events);
            assertEquals(List.of(i0, i1, i2, i3), handler.indexes);
            assertEquals(4, journal.eventCount());
            assertEquals(i0, journal.firstIndex());
            assertEquals(i3, journal.lastIndex());
        }
    }

    @Test
    void anEmptyJournalHasNoEvents()
    {
        try (Journal journal = Journal.open(dir))
        {
            assertEquals(0, journal.eventCount());
            assertEquals(-1, journal.firstIndex());
            assertEquals(-1, journal.lastIndex());
            assertEquals(0, journal.replay(new RecordingHandler()));
            assertEquals(dir, journal.directory());
        }

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertEquals(0, journal.eventCount());
            assertEquals(0, journal.replay(new RecordingHandler()));
        }
    }

    @Test
    void replayFromAnIndexIsInclusiveAndFromJustPastTheEndIsEmpty()
    {
        try (Journal journal = Journal.open(dir))
        {
            final long[] indexes = new long[5];
            for (int i = 0; i < indexes.length; i++)
            {
                indexes[i] = journal.appendDelete(i, i);
            }

            final RecordingHandler fromThird = new RecordingHandler();
            assertEquals(3, journal.replay(indexes[2], fromThird));
            assertEquals(List.of(indexes[2], indexes[3], indexes[4]), fromThird.indexes);

            assertEquals(0, journal.replay(indexes[4] + 1, new RecordingHandler()));
            assertEquals(5, journal.replay(0, new RecordingHandler()));

            final JournalException noSuchIndex =
                assertThrows(JournalException.class, () -> journal.replay(indexes[4] + 10, new RecordingHandler()));
            assertTrue(noSuchIndex.getMessage().startsWith("no event at index 0x"), noSuchIndex.getMessage());
        }
    }

    @Test
    void reopeningContinuesTheJournal()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.appendFollow(1, 1, 2);
            journal.sync();
        }

        try (Journal journal = Journal.open(dir))
        {
            journal.appendFollow(2, 3, 4);
            assertEquals(2, journal.eventCount());
            final RecordingHandler handler = new RecordingHandler();
            journal.replay(handler);
            assertEquals(List.of(RecordingHandler.follow(1, 1, 2), RecordingHandler.follow(2, 3, 4)), handler.events);
        }
    }

    @Test
    void tailerFollowsAppendsAndResumesFromItsIndex()
    {
        try (Journal journal = Journal.open(dir); JournalTailer tailer = journal.tailer(0))
        {
            final RecordingHandler handler = new RecordingHandler();
            assertEquals(0, tailer.poll(handler, 10));

            journal.appendFollow(1, 1, 2);
            journal.appendFollow(2, 1, 3);
            journal.appendFollow(3, 1, 4);
            assertEquals(2, tailer.poll(handler, 2));
            assertEquals(1, tailer.poll(handler, 10));
            assertEquals(0, tailer.poll(handler, 10));

            final long resumeIndex = tailer.index();
            final long appended = journal.appendDelete(4, 9);
            try (JournalTailer resumed = journal.tailer(resumeIndex))
            {
                final RecordingHandler resumedHandler = new RecordingHandler();
                assertEquals(1, resumed.poll(resumedHandler, 10));
                assertEquals(List.of(appended), resumedHandler.indexes);
            }
            assertEquals(1, tailer.poll(handler, 10));
            assertEquals(4, handler.events.size());
        }
    }

    @Test
    void aReadOnlyJournalSeesAnotherWritersAppendsAndCannotAppend()
    {
        try (Journal writer = Journal.open(dir))
        {
            writer.appendFollow(1, 1, 2);
            try (Journal reader = Journal.openReadOnly(dir); JournalTailer tailer = reader.tailer(0))
            {
                final RecordingHandler handler = new RecordingHandler();
                assertEquals(1, tailer.poll(handler, 10));
                writer.appendFollow(2, 1, 3);
                assertEquals(1, tailer.poll(handler, 10));
                assertEquals(2, reader.eventCount());
                assertThrows(IllegalStateException.class, () -> reader.appendDelete(1, 1));
                assertThrows(IllegalStateException.class, reader::sync);
            }
        }
    }

    @Test
    void rejectsNegativeIdsAndOverlongText()
    {
        try (Journal journal = Journal.open(dir))
        {
            final UnsafeBuffer text = new UnsafeBuffer(new byte[PostEventDescriptor.MAX_TEXT_LENGTH + 1]);
            assertThrows(IllegalArgumentException.class, () -> journal.appendFollow(1, -1, 2));
            assertThrows(IllegalArgumentException.class, () -> journal.appendUnfollow(1, 1, -2));
            assertThrows(IllegalArgumentException.class, () -> journal.appendDelete(1, Long.MIN_VALUE));
            assertThrows(IllegalArgumentException.class, () -> journal.appendPost(1, -1, 1, text, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> journal.appendPost(1, 1, -1, text, 0, 1));
            assertThrows(IllegalArgumentException.class,
                () -> journal.appendPost(1, 1, 1, text, 0, PostEventDescriptor.MAX_TEXT_LENGTH + 1));
            assertEquals(0, journal.eventCount());

            journal.appendPost(1, Long.MAX_VALUE, Long.MAX_VALUE, text, 1, PostEventDescriptor.MAX_TEXT_LENGTH);
            assertEquals(1, journal.replay(new RecordingHandler()));
        }
    }
}
