package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The settings that shape the timelines, the same for an engine and for every member of a cluster:
 * the fan-out strategy, the capacity of a home timeline and the celebrity threshold.
 */
final class TimelineOptions
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

    /** The strategy as typed on the command line, such as {@code hybrid}. */
    String label()
    {
        return strategy.name().toLowerCase(Locale.ROOT);
    }
}
