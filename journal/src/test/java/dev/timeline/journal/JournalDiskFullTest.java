package dev.timeline.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a real file system that fills up (a small tmpfs, which needs root to mount): an append that does not fit is
 * refused with a {@link JournalFullException} before anything is written, every acknowledged event stays intact and
 * in order for the writer and for a read-only reader with its own mappings, and appends resume on the same open
 * journal once space is freed. Nothing ever writes through the memory mapping into space the file system cannot
 * back, which would kill the JVM with SIGBUS.
 */
class JournalDiskFullTest
{
    private static final int SIZE_MB = 24;
    private static final int GROWN_SIZE_MB = 64;
    private static final long MOST_POSTS_THAT_FIT = SIZE_MB * 1024L * 1024 / DerivedPosts.EVENT_LENGTH;
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);

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
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anAppendThatDoesNotFitIsRefusedAndAppendsResumeOnceSpaceIsFreed() throws Exception
    {
        final DerivedPosts posts = new DerivedPosts();
        final DerivedPosts.Checker tailed = new DerivedPosts.Checker();
        long acknowledged = 0;
        try (Journal journal = Journal.open(journalDir);
            Journal reader = Journal.openReadOnly(journalDir);
            JournalTailer tailer = reader.tailer(0))
        {
            final JournalFullException refusal = appendUntilRefused(journal, posts, tailer, tailed);
            acknowledged = journal.eventCount();
            assertTrue(acknowledged > MOST_POSTS_THAT_FIT / 2, acknowledged + " posts fitted in " + SIZE_MB + " MiB");
            assertTrue(refusal.getMessage().startsWith("no space left in " + journalDir + " for "), refusal.getMessage());
            assertTrue(refusal.neededBytes() > refusal.freeBytes(), refusal.getMessage());

            final long next = acknowledged;
            assertThrows(JournalFullException.class, () -> posts.append(journal, next));
            assertReplaysExactly(journal, acknowledged);
            assertReplaysExactly(reader, acknowledged);
            tailer.poll(tailed, Integer.MAX_VALUE);
            assertEquals(acknowledged, tailed.count());

            fileSystem.resize(GROWN_SIZE_MB);
            for (final long end = acknowledged + MOST_POSTS_THAT_FIT / 2; acknowledged < end; acknowledged++)
            {
                posts.append(journal, acknowledged);
            }
            assertEquals(acknowledged, journal.eventCount());
            tailer.poll(tailed, Integer.MAX_VALUE);
            assertEquals(acknowledged, tailed.count());
        }

        try (Journal journal = Journal.open(journalDir))
        {
            assertReplaysExactly(journal, acknowledged);
            posts.append(journal, acknowledged++);
            assertReplaysExactly(journal, acknowledged);
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aJournalReopenedOnAFullDiskReplaysAndTakesAppendsOnceSpaceIsFreed() throws Exception
    {
        final DerivedPosts posts = new DerivedPosts();
        try (Journal journal = Journal.open(journalDir))
        {
            for (long n = 0; n < 10; n++)
            {
                posts.append(journal, n);
            }
        }

        final Path filler = fileSystem.fill("filler", 0);
        try (Journal journal = Journal.open(journalDir))
        {
            assertReplaysExactly(journal, 10);
            assertThrows(JournalFullException.class, () -> posts.append(journal, 10));
            assertReplaysExactly(journal, 10);

            Files.delete(filler);
            posts.append(journal, 10);
            assertReplaysExactly(journal, 11);
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

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aRollToANewDailyFileOnAFullDiskIsRefusedUntilSpaceIsFreed() throws Exception
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        final long firstDay = clock.currentTimeMillis();
        try (Journal journal = Journal.open(journalDir, clock))
        {
            journal.appendDelete(firstDay, 0);
            journal.appendDelete(firstDay + 1, 1);
            final Path filler = fileSystem.fill("filler", 0);

            final JournalFullException refusal =
                assertThrows(JournalFullException.class, () -> journal.appendDelete(firstDay + DAY_MS, 2));
            assertTrue(refusal.getMessage().startsWith("no space left in " + journalDir + " for a new daily journal " +
                "file: needs 4.0 MiB, "), refusal.getMessage());
            assertEquals(List.of("20241004L.cq4", "journal.properties", "metadata.cq4t"),
                JournalDirectoryTest.list(journalDir));
            assertEquals(2, journal.eventCount());

            Files.delete(filler);
            journal.appendDelete(firstDay + DAY_MS, 2);
            assertEquals(List.of("20241004L.cq4", "20241005L.cq4", "journal.properties", "metadata.cq4t"),
                JournalDirectoryTest.list(journalDir));

            final RecordingHandler replayed = new RecordingHandler();
            assertEquals(3, journal.replay(replayed));
            assertEquals(List.of(
                RecordingHandler.delete(firstDay, 0),
                RecordingHandler.delete(firstDay + 1, 1),
                RecordingHandler.delete(firstDay + DAY_MS, 2)), replayed.events);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aProcessAppendingOntoAFullDiskGetsTheRefusalAndExitsNormally() throws Exception
    {
        final Path workDir = Files.createDirectories(dir.resolve("child"));
        final Process child = new ProcessBuilder(ChildJvm.command(FillingAppender.class, journalDir.toString()))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .start();
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), output);

        final String crashLog = "hs_err_pid" + child.pid() + ".log";
        assertFalse(Files.exists(workDir.resolve(crashLog)), "the child crashed: " + output);
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), crashLog)), "the child crashed: " + output);
        assertEquals(0, child.exitValue(), output);

        final String refusal = output.lines()
            .filter((line) -> line.contains(" acknowledged, then JournalFullException: no space left in " + journalDir))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no refusal in the child's output: " + output));
        final long acknowledged = Long.parseLong(refusal.substring(0, refusal.indexOf(' ')));
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            assertReplaysExactly(journal, acknowledged);
        }
    }

    private static JournalFullException appendUntilRefused(
        final Journal journal, final DerivedPosts posts, final JournalTailer tailer, final DerivedPosts.Checker tailed)
    {
        for (long n = 0; n <= MOST_POSTS_THAT_FIT; n++)
        {
            try
            {
                posts.append(journal, n);
            }
            catch (final JournalFullException ex)
            {
                return ex;
            }

            if (0 == n % 1000)
            {
                tailer.poll(tailed, Integer.MAX_VALUE);
            }
        }

        throw new AssertionError("more than " + MOST_POSTS_THAT_FIT + " posts of " + DerivedPosts.EVENT_LENGTH +
            " bytes were acknowledged on a " + SIZE_MB + " MiB file system");
    }

    private static void assertReplaysExactly(final Journal journal, final long posts)
    {
        final DerivedPosts.Checker replayed = new DerivedPosts.Checker();
        assertEquals(posts, journal.replay(replayed));
        assertEquals(posts, replayed.count());
        assertEquals(posts, journal.eventCount());
    }
}
