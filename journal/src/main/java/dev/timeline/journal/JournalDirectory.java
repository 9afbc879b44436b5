package dev.timeline.journal;

import net.openhft.chronicle.core.OS;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The directory of a journal and the format file in it that marks it as one and records its format version.
 * <p>
 * The format file is a small text file, {@value #FORMAT_FILE_NAME}, written atomically (temporary file, fsync,
 * rename, fsync of the directory) before any queue file exists, so every directory holding journal data has one.
 * Chronicle Queue's metadata file, which it writes through a memory mapping, is made here too, allocated in full, so
 * that on a full disk creating a journal fails with a {@link JournalFullException} rather than a fault.
 */
final class JournalDirectory
{
    static final String FORMAT_FILE_NAME = "journal.properties";
    static final String FORMAT_NAME = "timeline-journal";

    /**
     * Length of Chronicle Queue's metadata file: one mapping block of {@link OS#SAFE_PAGE_SIZE} and as much overlap,
     * which Chronicle maps whole and never grows.
     */
    static final long METADATA_FILE_LENGTH = 2L * OS.SAFE_PAGE_SIZE;

    private static final String FORMAT_KEY = "format";
    private static final String VERSION_KEY = "version";

    private JournalDirectory()
    {
    }

    /**
     * Make {@code directory} ready for appending: check its format file, or create the directory and the file when
     * the directory is absent or empty.
     *
     * @param directory of the journal.
     * @throws JournalException if it is not a journal this build can write.
     */
    static void createOrCheck(final Path directory)
    {
        if (Files.exists(directory.resolve(FORMAT_FILE_NAME)))
        {
            check(directory);
        }
        else
        {
            create(directory);
        }

        final Path metadataFile = directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE);
        if (!Files.exists(metadataFile))
        {
            writeAtomically(metadataFile, "the journal's metadata file", METADATA_FILE_LENGTH, (channel) ->
                DiskSpace.writeZeros(channel, ByteBuffer.allocate(OS.SAFE_PAGE_SIZE), 0, METADATA_FILE_LENGTH));
        }
    }

    /**
     * Check that {@code directory} is a journal in a format version this build reads, writing nothing.
     *
     * @param directory of the journal.
     * @throws JournalException if it is missing, not a journal, or of an unknown format version.
     */
    static void check(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": no such directory");
        }

        final Path formatFile = directory.resolve(FORMAT_FILE_NAME);
        if (!Files.isRegularFile(formatFile))
        {
            throw new JournalException(directory + " is not a journal: it has no " + FORMAT_FILE_NAME);
        }

        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(formatFile, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new JournalException("cannot read " + formatFile + ": " + ex, ex);
        }

        if (!FORMAT_NAME.equals(properties.getProperty(FORMAT_KEY)))
        {
            throw new JournalException(directory + " is not a journal: " + formatFile + " does not say " +
                FORMAT_KEY + "=" + FORMAT_NAME);
        }

        final int version = parseVersion(formatFile, properties.getProperty(VERSION_KEY));
        if (version > Journal.FORMAT_VERSION)
        {
            throw new JournalException("the journal in " + directory + " has format version " + version +
                ", newer than this build reads (up to " + Journal.FORMAT_VERSION + "): use a newer version");
        }
    }

    private static int parseVersion(final Path formatFile, final String value)
    {
        try
        {
            final int version = Integer.parseInt(null == value ? "" : value.trim());
            if (version >= 1)
            {
                return version;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }

        throw new JournalException(formatFile + " has no valid " + VERSION_KEY + " (found: " + value + ")");
    }

    private static boolean isEmptyDirectory(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }

        try (Stream<Path> entries = Files.list(directory))
        {
            return entries.findAny().isEmpty();
        }
    }

    private static void create(final Path directory)
    {
        try
        {
            if (Files.exists(directory) && !isEmptyDirectory(directory))
            {
                throw new JournalException(directory + " is not a journal: it has no " + FORMAT_FILE_NAME +
                    " and is not empty, so no journal is created in it");
            }

            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot create a journal in " + directory + ": " + ex, ex);
        }

        final String content =
            "# Timeline engine journal: do not edit or delete this file.\n" +
            FORMAT_KEY + "=" + FORMAT_NAME + "\n" +
            VERSION_KEY + "=" + Journal.FORMAT_VERSION + "\n";
        final ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
        writeAtomically(directory.resolve(FORMAT_FILE_NAME), "the journal's format file", bytes.remaining(),
            (channel) -> channel.write(bytes));
    }

    /**
     * Write a file whole or not at all: into a temporary file, forced, renamed into place, the directory forced.
     * The temporary file is removed if the write fails, so a failed creation leaves the directory as it was.
     */
    private static void writeAtomically(
        final Path file, final String purpose, final long length, final ContentWriter writer)
    {
        final Path directory = file.getParent();
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                writer.write(channel);
                channel.force(true);
            }

            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory);
        }
        catch (final IOException ex)
        {
            throw DiskSpace.removeAfterFailure(temporary, DiskSpace.writeFailed(directory, purpose, length, ex));
        }
    }

    /**
     * Writes the content of a new file.
     */
    @FunctionalInterface
    private interface ContentWriter
    {
        void write(FileChannel channel) throws IOException;
    }

    /**
     * Force a directory's entries to storage, so files created or renamed in it survive power loss.
     *
     * @param directory to force.
     * @throws IOException if the directory cannot be opened or forced.
     */
    static void forceDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }
}
