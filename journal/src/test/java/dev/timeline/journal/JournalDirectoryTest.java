package dev.timeline.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JournalDirectoryTest
{
    @TempDir
    Path dir;

    @Test
    void openCreatesTheDirectoryAndRecordsTheFormatVersion() throws IOException
    {
        final Path journalDir = dir.resolve("a/b/journal");
        Journal.open(journalDir).close();

        assertEquals(
            List.of("# Timeline engine journal: do not edit or delete this file.", "format=timeline-journal", "version=1"),
            Files.readAllLines(journalDir.resolve("journal.properties")));
        assertEquals(List.of("journal.properties", "metadata.cq4t"), list(journalDir));
    }

    @Test
    void openReadOnlyOfAMissingDirectoryCreatesNothing()
    {
        final Path missing = dir.resolve("missing");
        assertMessage("no journal at " + missing + ": no such directory", () -> Journal.openReadOnly(missing));
        assertFalse(Files.exists(missing));
    }

    @Test
    void aDirectoryWithoutTheFormatFileIsNotAJournal() throws IOException
    {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertMessage(dir + " is not a journal: it has no journal.properties", () -> Journal.openReadOnly(dir));
        assertMessage(dir + " is not a journal: it has no journal.properties and is not empty, so no journal is " +
            "created in it", () -> Journal.open(dir));
        assertEquals(List.of("notes.txt"), list(dir));
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException
    {
        Journal.open(dir).close();
        Files.writeString(dir.resolve("journal.properties"), "format=timeline-journal\nversion=2\n");

        final String expected = "the journal in " + dir + " has format version 2, newer than this build reads " +
            "(up to 1): use a newer version";
        assertMessage(expected, () -> Journal.open(dir));
        assertMessage(expected, () -> Journal.openReadOnly(dir));
    }

    @Test
    void anotherFormatOrAnUnreadableVersionIsRefused() throws IOException
    {
        Journal.open(dir).close();
        final Path formatFile = dir.resolve("journal.properties");

        Files.writeString(formatFile, "format=something-else\nversion=1\n");
        assertMessage(dir + " is not a journal: " + formatFile + " does not say format=timeline-journal",
            () -> Journal.openReadOnly(dir));

        Files.writeString(formatFile, "format=timeline-journal\nversion=one\n", StandardCharsets.UTF_8);
        assertMessage(formatFile + " has no valid version (found: one)", () -> Journal.open(dir));
    }

    @Test
    void openingReadOnlyWritesNothing() throws IOException
    {
        try (Journal journal = Journal.open(dir))
        {
            journal.appendFollow(1, 1, 2);
        }
        final List<String> before = snapshot(dir);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            journal.replay(new RecordingHandler());
            journal.eventCount();
        }

        assertEquals(before, snapshot(dir));
    }

    static List<String> list(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.map((path) -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> snapshot(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.sorted().map(JournalDirectoryTest::describe).collect(Collectors.toList());
        }
    }

    private static String describe(final Path file)
    {
        try
        {
            final CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            return file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file) + " " +
                crc.getValue();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void assertMessage(final String expected, final Runnable open)
    {
        assertEquals(expected, assertThrows(JournalException.class, open::run).getMessage());
    }
}
