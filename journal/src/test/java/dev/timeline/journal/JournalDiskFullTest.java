package dev.timeline.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a real file system that fills up (a small tmpfs, which needs root to mount): creating a journal that does not
 * fit is refused with a {@link JournalFullException} and leaves no partial file, and succeeds once space is freed.
 */
class JournalDiskFullTest
{
    private static final int SIZE_MB = 24;

    @TempDir
    Path dir;

    private SmallFileSystem fileSystem;
    private Path journalDir;

    @BeforeEach
    void mount() throws IOException, InterruptedException
    {
        fileSystem = SmallFileSystem.mount(dir.resolve("tmpfs"), SIZE_MB);
        journalDir = fileSystem.directory().resolve("journal");
    }

    @AfterEach
    void unmount()
    {
        if (null != fileSystem)
        {
            fileSystem.close();
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aNewJournalOnAFullDiskIsRefusedAndCreatedOnceSpaceIsFreed() throws Exception
    {
        final Path filler = fileSystem.fill("filler", 0);
        final JournalFullException noFormatFile = assertThrows(JournalFullException.class, () -> Journal.open(journalDir));
        assertTrue(noFormatFile.getMessage().startsWith("no space left in " + journalDir + " for the journal's format " +
            "file: needs "), noFormatFile.getMessage());
        assertEquals(List.of(), JournalDirectoryTest.list(journalDir));

        Files.delete(filler);
        fileSystem.fill("filler", 64 * 1024);
        final JournalFullException noMetadata = assertThrows(JournalFullException.class, () -> Journal.open(journalDir));
        assertTrue(noMetadata.getMessage().startsWith("no space left in " + journalDir + " for the journal's " +
            "metadata file: needs 128.0 KiB, "), noMetadata.getMessage());
        assertEquals(List.of(JournalDirectory.FORMAT_FILE_NAME), JournalDirectoryTest.list(journalDir));

        Files.delete(fileSystem.directory().resolve("filler"));
        final DerivedPosts posts = new DerivedPosts();
        try (Journal journal = Journal.open(journalDir))
        {
            posts.append(journal, 0);
            assertReplaysExactly(journal, 1);
        }
    }

    private static void assertReplaysExactly(final Journal journal, final long posts)
    {
        final DerivedPosts.Checker replayed = new DerivedPosts.Checker();
        assertEquals(posts, journal.replay(replayed));
        assertEquals(posts, replayed.count());
        assertEquals(posts, journal.eventCount());
    }
}
