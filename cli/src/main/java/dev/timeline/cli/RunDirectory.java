package dev.timeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory of a command that runs an engine of its own, such as {@code demo}: a new
 * temporary one, deleted on close and also when the command is interrupted, unless it is to be
 * kept; or one the user named, which is always kept.
 */
final class RunDirectory implements AutoCloseable
{
    private final Path path;
    private final boolean keep;
    private final Thread deleteOnInterrupt;

    private RunDirectory(final Path path, final boolean keep)
    {
        this.path = path;
        this.keep = keep;
        this.deleteOnInterrupt = keep ? null : new Thread(this::deleteQuietly, "run-directory-cleanup");
        if (!keep)
        {
            Runtime.getRuntime().addShutdownHook(deleteOnInterrupt);
        }
    }

    /**
     * @param prefix what the name of a temporary directory starts with, such as {@code timeline-demo-}.
     * @param given  the directory the user named, or null for a new temporary one.
     * @param keep   whether a temporary directory survives the command.
     */
    static RunDirectory create(final String prefix, final Path given, final boolean keep) throws IOException
    {
        return null == given ?
            new RunDirectory(Files.createTempDirectory(prefix), keep) :
            new RunDirectory(given, true);
    }

    Path path()
    {
        return path;
    }

    /** The path, and whether it stays after the command. */
    String description()
    {
        return path + (keep ? " (kept)" : " (deleted at the end; --keep keeps it)");
    }

    @Override
    public void close() throws IOException
    {
        if (!keep)
        {
            Runtime.getRuntime().removeShutdownHook(deleteOnInterrupt);
            DataDirectories.delete(path);
        }
    }

    private void deleteQuietly()
    {
        try
        {
            DataDirectories.delete(path);
        }
        catch (final IOException | UncheckedIOException ignore)
        {
            // the process is exiting: nothing more can be done about it
        }
    }
}
