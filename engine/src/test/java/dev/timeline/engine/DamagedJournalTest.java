package dev.timeline.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged or truncated journal stops the open with an error naming the journal file, instead of
 * serving a state that silently lost acknowledged writes; the refused open leaves the directory free.
 */
class DamagedJournalTest
{
    private static final int POSTS = 100;
    private static final String DAMAGED_TEXT = text(POSTS / 2);

    @TempDir
    private Path dataDirectory;
    private Path journalFile;
    private long damagedOffset;

    @BeforeEach
    void writeJournal() throws IOException
    {
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            engine.follow(1, 2);
            for (int i = 0; i < POSTS; i++)
            {
                engine.post(2, text(i));
            }
        }
        final byte[] marker = DAMAGED_TEXT.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDirectory))
        {
            for (final Path file : files.filter(path -> path.toString().endsWith(".cq4")).toList())
            {
                final long offset = indexOf(Files.readAllBytes(file), marker);
                if (offset >= 0)
                {
                    journalFile = file;
                    damagedOffset = offset;
                }
            }
        }
        assertTrue(journalFile != null, "no journal file holds the text " + DAMAGED_TEXT);
    }

    @Test
    void aChangedByteStopsAReplayOfTheWholeJournal() throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(journalFile.toFile(), "rw"))
        {
            file.seek(damagedOffset + 3);
            final int original = file.read();
            file.seek(damagedOffset + 3);
            file.write(original ^ 0x20);
        }
        assertRefused(config().ignoreSnapshots(true));
        assertRefused(config().ignoreSnapshots(true).readOnly(true));
    }

    @Test
    void aTruncatedJournalIsRefused() throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(journalFile.toFile(), "rw"))
        {
            file.setLength(damagedOffset);
        }
        assertRefused(config());
        assertRefused(config().readOnly(true));
    }

    @Test
    void anIntactJournalReplaysToTheSameAnswers()
    {
        try (TimelineEngine engine = TimelineEngine.open(config().ignoreSnapshots(true)))
        {
            final List<Tweet> home = Pages.all((limit, before) -> engine.home(1, limit, before));
            assertEquals(POSTS, home.size());
            assertEquals(DAMAGED_TEXT, home.get(POSTS - 1 - POSTS / 2).text());
        }
    }

    private void assertRefused(final EngineConfig config)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            final DataDirectoryException refused =
                assertThrows(DataDirectoryException.class, () -> TimelineEngine.open(config).close());
            assertTrue(refused.getMessage().contains(journalFile.getFileName().toString()), refused.getMessage());
        }
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(dataDirectory);
    }

    private static String text(final int serial)
    {
        return "post number " + serial + " of the journal";
    }

    private static long indexOf(final byte[] bytes, final byte[] marker)
    {
        for (int i = 0; i + marker.length <= bytes.length; i++)
        {
            int matched = 0;
            while (matched < marker.length && bytes[i + matched] == marker[matched])
            {
                matched++;
            }
            if (matched == marker.length)
            {
                return i;
            }
        }
        return -1;
    }
}
