package dev.timeline.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The data directory a command looks into, given as its one parameter; it must exist. */
final class DataDirectoryParameter
{
    @Parameters(paramLabel = "DIR", description = "The engine's data directory.")
    private Path directory;

    /** The directory as given. */
    Path path()
    {
        return directory;
    }

    /**
     * The directory, checked.
     *
     * @throws CliException naming it when it does not exist or is not a directory.
     */
    Path existing()
    {
        return DataDirectories.existing(directory);
    }
}
