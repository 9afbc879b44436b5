package dev.timeline.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The files of an engine's data directory and who may write them:
 * <pre>
 *   DIR/engine.properties        format version and partition count, fixed at creation
 *   DIR/engine.lock              held by the one engine that writes DIR
 *   DIR/counters.dat             the live counters, read by timeline stat
 *   DIR/errors.dat               the distinct-error log, errors.log the errors of earlier runs
 *   DIR/partition-N/journal/     the journal of partition N
 *   DIR/partition-N/snapshots/   its snapshots
 * </pre>
 * A writable open takes an exclusive lock on the directory; a read-only open takes none and writes
 * nothing.
 */
final class DataDirectory implements AutoCloseable
{
    static final int FORMAT_VERSION = 1;
    private static final String SETTINGS = "engine.properties";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private int partitions;

    private DataDirectory(final Path root, final FileChannel lockChannel, final FileLock lock)
    {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens {@code root} for writing, creating it if absent.
     *
     * @param partitions the partition count asked for, or {@link EngineConfig#DIRECTORY_PARTITIONS}.
     */
    static DataDirectory openWritable(final Path root, final int partitions)
    {
        try
        {
            Files.createDirectories(root);
        }
        catch (final IOException ex)
        {
            throw new DataDirectoryException("cannot create data directory " + root + ": " + ex.getMessage(), ex);
        }
        final FileChannel channel;
        final FileLock lock;
        try
        {
            channel = FileChannel.open(
                root.resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
        }
        catch (final IOException ex)
        {
            throw new DataDirectoryException("cannot lock data directory " + root + ": " + ex.getMessage(), ex);
        }
        if (lock == null)
        {
            closeQuietly(channel);
            throw new DataDirectoryException(
                "data directory " + root + " is in use by another engine; close it first or open read-only");
        }
        final DataDirectory directory = new DataDirectory(root, channel, lock);
        try
        {
            directory.checkOrWriteSettings(partitions);
            return directory;
        }
        catch (final RuntimeException ex)
        {
            directory.close();
            throw ex;
        }
    }

    /** Opens an existing data directory for reading only. */
    static DataDirectory openReadOnly(final Path root, final int partitions)
    {
        if (!Files.isRegularFile(root.resolve(SETTINGS)))
        {
            throw new DataDirectoryException(root + " is not a timeline data directory (no " + SETTINGS + ")");
        }
        final DataDirectory directory = new DataDirectory(root, null, null);
        directory.checkOrWriteSettings(partitions);
        return directory;
    }

    Path root()
    {
        return root;
    }

    Path journal(final int partition)
    {
        return root.resolve("partition-" + partition).resolve("journal");
    }

    Path snapshots(final int partition)
    {
        return root.resolve("partition-" + partition).resolve("snapshots");
    }

    boolean isReadOnly()
    {
        return lock == null;
    }

    @Override
    public void close()
    {
        if (lockChannel != null)
        {
            closeQuietly(lockChannel);
        }
    }

    /** The partition count the directory was created with. */
    int partitions()
    {
        return partitions;
    }

    /** @param requested the partition count asked for, or {@link EngineConfig#DIRECTORY_PARTITIONS}. */
    private void checkOrWriteSettings(final int requested)
    {
        final Path file = root.resolve(SETTINGS);
        if (!Files.exists(file))
        {
            if (isReadOnly())
            {
                throw new DataDirectoryException(root + " is not a timeline data directory (no " + SETTINGS + ")");
            }
            partitions = requested == EngineConfig.DIRECTORY_PARTITIONS ? 1 : requested;
            writeSettings(file, partitions);
            return;
        }
        final Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            settings.load(in);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new DataDirectoryException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        final int format = intSetting(settings, "format", file);
        if (format > FORMAT_VERSION)
        {
            throw new DataDirectoryException(
                root + " was written by a newer engine (format " + format + "); this engine reads format " +
                FORMAT_VERSION + " and older");
        }
        final int written = intSetting(settings, "partitions", file);
        if (written < 1 || written > EngineConfig.MAX_PARTITIONS)
        {
            throw new DataDirectoryException(file + " names " + written + " partitions, which no engine writes");
        }
        if (requested != EngineConfig.DIRECTORY_PARTITIONS && written != requested)
        {
            throw new DataDirectoryException(
                root + " was written with " + written + " partition(s), not " + requested +
                "; open it with partitions = " + written + " (or leave the count unset)");
        }
        partitions = written;
    }

    private static void writeSettings(final Path file, final int partitions)
    {
        final Properties settings = new Properties();
        settings.setProperty("format", Integer.toString(FORMAT_VERSION));
        settings.setProperty("partitions", Integer.toString(partitions));
        final Path temporary = file.resolveSibling(SETTINGS + ".tmp");
        try
        {
            try (OutputStream out = Files.newOutputStream(temporary))
            {
                settings.store(out, "timeline engine data directory: do not edit");
            }
            try
            {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException ex)
        {
            throw new DataDirectoryException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static int intSetting(final Properties settings, final String name, final Path file)
    {
        final String value = settings.getProperty(name);
        try
        {
            return Integer.parseInt(value == null ? "" : value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new DataDirectoryException(file + " is damaged: setting '" + name + "' is " + value, ex);
        }
    }

    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            return null;
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // the lock is released with the channel; nothing else to do
        }
    }
}
