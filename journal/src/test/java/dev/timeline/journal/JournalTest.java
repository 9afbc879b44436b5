package dev.timeline.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournalTest
{
    @TempDir
    Path dir;

    @Test
    void replaysWhatWasAppended()
    {
        final byte[] text = RecordingHandler.utf8("héllo wörld \uD83D\uDE00\ttab");
        final Path journalDir = dir.resolve("journal");
        try (Journal journal = Journal.open(journalDir))
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
}
