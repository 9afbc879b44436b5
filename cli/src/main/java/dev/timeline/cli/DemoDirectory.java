package dev.timeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's data directory: a new temporary one, deleted on close and also when the demo is
 * interrupted, unless it is to be kept; or one the user named, which is always kept.
 */
final class DemoDirectory implements AutoCloseable
{
    private final Path path;
    private final boolean keep;
    private final Thread deleteOnInterrupt;

    private DemoDirectory(final Path path, final boolean keep)
    {
        this.path = path;
        this.keep = keep;
        this.deleteOnInterrupt = keep ? null : new Thread(this::deleteQuietly, "demo-directory-cleanup");
        if (!keep)
        {
            Runtime.getRuntime().addShutdownHook(deleteOnInterrupt);
        }
    }

    /**
     * @param given the directory the user named, or null for a new temporary one.
     * @param keep  whether a temporary directory survives the demo.
     */
    static DemoDirectory create(final Path given, final boolean keep) throws IOException
    {
        return null == given ?
            new DemoDirectory(Files.createTempDirectory("timeline-demo-"), keep) :
            new DemoDirectory(given, true);
    }

    Path path()
    {
        return path;
    }

    /** Whether the directory stays after the demo. */
    boolean kept()
    {
        return keep;
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
