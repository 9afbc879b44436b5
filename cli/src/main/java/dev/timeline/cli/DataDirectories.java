package dev.timeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where data directories are, and the checks and clean-up around them. */
final class DataDirectories
{
    private DataDirectories()
    {
    }

    /** The shell's data directory when none is given: {@code $XDG_DATA_HOME/timeline} or {@code ~/.local/share/timeline}. */
    static Path defaultDirectory()
    {
        final String dataHome = System.getenv("XDG_DATA_HOME");
        final Path base = null == dataHome || dataHome.isEmpty() ?
            Paths.get(System.getProperty("user.home"), ".local", "share") : Paths.get(dataHome);
        return base.resolve("timeline");
    }

    /**
     * Checks that {@code directory} exists and is a directory.
     *
     * @throws CliException naming the directory when it is not.
     */
    static Path existing(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new CliException(
                (Files.exists(directory) ? "not a directory: " : "no such directory: ") + directory);
        }
        return directory;
    }

    /** Deletes {@code directory} and everything below it. */
    static void delete(final Path directory) throws IOException
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
    }

    /** Bytes in the files below {@code directory}. */
    static long size(final Path directory) throws IOException
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            long bytes = 0;
            for (final Path path : (Iterable<Path>)paths.filter(Files::isRegularFile)::iterator)
            {
                bytes += Files.size(path);
            }
            return bytes;
        }
    }
}
