package dev.timeline.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Allocates file space by writing zeros, where a full file system is an {@link IOException} that can be handled,
 * unlike a write through a memory mapping into a page the file system cannot back, which raises SIGBUS and kills the
 * JVM. Tells a full file system apart from other write failures by the space it has left.
 */
final class DiskSpace
{
    private DiskSpace()
    {
    }

    /**
     * Write zeros over {@code [from, to)} of a file, allocating that space.
     *
     * @param channel to the file.
     * @param zeros   a buffer of zeros, any capacity; its position and limit are changed.
     * @param from    first byte to allocate.
     * @param to      byte after the last.
     * @throws IOException if the space cannot be allocated: the bytes before the failure may have been.
     */
    static void writeZeros(final FileChannel channel, final ByteBuffer zeros, final long from, final long to)
        throws IOException
    {
        long position = from;
        while (position < to)
        {
            zeros.clear().limit((int)Math.min(zeros.capacity(), to - position));
            position += channel.write(zeros, position);
        }
    }

    /**
     * The exception for a failed write of {@code bytes} bytes in {@code directory}: a {@link JournalFullException}
     * when the file system has less than that left, otherwise a {@link JournalException} naming the failure.
     *
     * @param directory of the journal.
     * @param purpose   what the space was for, e.g. "the next journal block".
     * @param bytes     the space the write needed.
     * @param cause     the failed write.
     * @return the exception to throw.
     */
    static JournalException writeFailed(
        final Path directory, final String purpose, final long bytes, final IOException cause)
    {
        final long free = usableSpace(directory);
        if (free < bytes)
        {
            return new JournalFullException(directory, purpose, bytes, free, cause);
        }

        return new JournalException("cannot write " + purpose + " in " + directory + ": " + cause, cause);
    }

    /**
     * Remove a file that a failed write left behind.
     *
     * @param file    to remove.
     * @param failure of the write, to which a failure to remove the file is added.
     * @return {@code failure}, to throw.
     */
    static JournalException removeAfterFailure(final Path file, final JournalException failure)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            failure.addSuppressed(ex);
        }

        return failure;
    }

    private static long usableSpace(final Path directory)
    {
        try
        {
            return Files.getFileStore(directory).getUsableSpace();
        }
        catch (final IOException ex)
        {
            return Long.MAX_VALUE;
        }
    }
}
