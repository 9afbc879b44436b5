package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.SyncMode;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The engine settings a command can be given on its command line. */
final class EngineOptions
{
    @Option(names = "--strategy", paramLabel = "push|pull|hybrid", defaultValue = "hybrid",
        description = "Fan-out strategy (default: ${DEFAULT-VALUE}); only speed differs, never answers.")
    Strategy strategy;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "" + EngineConfig.DEFAULT_TIMELINE_CAPACITY,
        description = "Entries kept per home timeline (default: ${DEFAULT-VALUE}).")
    int capacity;

    @Option(names = "--celebrity-threshold", paramLabel = "N",
        defaultValue = "" + EngineConfig.DEFAULT_CELEBRITY_THRESHOLD,
        description = "Followers from which hybrid merges an author at read time (default: ${DEFAULT-VALUE}).")
    int celebrityThreshold;

    @Option(names = "--sync", paramLabel = "none|batch", defaultValue = "none",
        description = "none: a reply survives kill -9; batch: it also survives power loss (default: ${DEFAULT-VALUE}).")
    SyncMode sync;

    /** A configuration of the engine on {@code dataDirectory} with these settings. */
    EngineConfig config(final Path dataDirectory)
    {
        return new EngineConfig()
            .dataDirectory(dataDirectory)
            .strategy(strategy)
            .timelineCapacity(capacity)
            .celebrityThreshold(celebrityThreshold)
            .syncMode(sync);
    }
}
