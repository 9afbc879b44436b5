package dev.timeline.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Detects truncated queue files before anything maps them.
 * <p>
 * Chronicle Queue grows a queue file a whole mapping block at a time, so its length is always some number of blocks
 * plus the overlap of the last mapping. Any other length means the file was cut short; mapping it and reading past
 * its end would fault, so such a journal is refused up front with the file and its length. The one exception is a
 * reader racing another process that is creating the newest file, which may briefly see it empty.
 */
final class QueueFileSizes
{
    static final String QUEUE_FILE_SUFFIX = ".cq4";

    private QueueFileSizes()
    {
    }

    /**
     * Check the length of every queue file in a journal.
     *
     * @param directory      of the journal.
     * @param blockSize      the queue's mapping block size.
     * @param overlapSize    the queue's mapping overlap.
     * @param newestMayBeEmpty whether the newest file may be empty because another process is creating it.
     * @throws JournalDamagedException naming the first file of a length Chronicle Queue never writes.
     */
    static void requireWholeBlocks(
        final Path directory, final long blockSize, final long overlapSize, final boolean newestMayBeEmpty)
    {
        final List<Path> files = queueFiles(directory);
        for (int i = 0, size = files.size(); i < size; i++)
        {
            final Path file = files.get(i);
            final long length = length(file);
            final boolean wholeBlocks = length >= blockSize + overlapSize && (length - overlapSize) % blockSize == 0;
            final boolean beingCreated = newestMayBeEmpty && 0 == length && i == size - 1;
            if (!wholeBlocks && !beingCreated)
            {
                throw new JournalDamagedException(file, JournalDamagedException.UNKNOWN_INDEX, length, -1,
                    "the file is " + length + " bytes long where Chronicle Queue writes a whole number of " +
                    blockSize + "-byte blocks plus " + overlapSize + " bytes, so it was truncated at byte " + length,
                    null);
            }
        }
    }

    private static List<Path> queueFiles(final Path directory)
    {
        try (Stream<Path> entries = Files.list(directory))
        {
            return entries
                .filter((path) -> path.getFileName().toString().endsWith(QUEUE_FILE_SUFFIX))
                .sorted()
                .collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot list the journal files in " + directory + ": " + ex, ex);
        }
    }

    private static long length(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read the length of " + file + ": " + ex, ex);
        }
    }
}
