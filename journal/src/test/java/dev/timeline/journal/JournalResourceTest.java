package dev.timeline.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalResourceTest
{
    @TempDir
    Path dir;

    @Test
    void closeUnmapsEveryFileAndLeavesNoThreads() throws IOException
    {
        useJournal(dir.resolve("warm-up"));
        final Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

        final Path journalDir = dir.resolve("journal");
        useJournal(journalDir);

        assertEquals(List.of(), mappingsOf(journalDir));
        final Set<String> newThreads = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> !threadsBefore.contains(thread) && thread.isAlive())
            .map(Thread::getName)
            .collect(Collectors.toSet());
        assertEquals(Set.of(), newThreads);
    }

    @Test
    void chronicleAnalyticsAndBackgroundThreadsAreOff() throws IOException
    {
        useJournal(dir);

        assertEquals("true", System.getProperty("chronicle.analytics.disable"));
        assertEquals(Set.of(), Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter((name) -> name.contains("~"))
            .collect(Collectors.toSet()), "Chronicle names its threads with a ~");
    }

    private static void useJournal(final Path journalDir) throws IOException
    {
        try (Journal journal = Journal.open(journalDir); JournalTailer tailer = journal.tailer(0))
        {
            journal.appendFollow(1, 1, 2);
            journal.sync();
            tailer.poll(new RecordingHandler(), 10);
            journal.replay(new RecordingHandler());
            try (Journal reader = Journal.openReadOnly(journalDir))
            {
                reader.replay(new RecordingHandler());
            }
            assertFalse(mappingsOf(journalDir).isEmpty());
        }
    }

    private static List<String> mappingsOf(final Path journalDir) throws IOException
    {
        final Path maps = Path.of("/proc/self/maps");
        assertTrue(Files.exists(maps), "needs Linux /proc");
        return Files.readAllLines(maps).stream()
            .filter((line) -> line.contains(journalDir.toString()))
            .collect(Collectors.toList());
    }
}
