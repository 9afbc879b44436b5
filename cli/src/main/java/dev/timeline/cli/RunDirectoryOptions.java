package dev.timeline.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --data} and {@code --keep}: where a command that runs an engine of its own keeps its data. */
final class RunDirectoryOptions
{
    @Option(names = "--keep", description = "Keep the temporary data directory.")
    private boolean keep;

    @Option(names = "--data", paramLabel = "DIR", description = "Use DIR as the data directory (kept).")
    private Path data;

    /**
     * The directory named by {@code --data}, or a new temporary one whose name starts with {@code prefix}.
     */
    RunDirectory create(final String prefix) throws IOException
    {
        return RunDirectory.create(prefix, data, keep);
    }
}
