package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.SyncMode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;

/** The engine settings a command can be given on its command line. */
final class EngineOptions
{
    /** The option that sets each {@link EngineConfig} setting, which the engine names when it refuses a value. */
    private static final Map<String, String> OPTION_OF_SETTING = Map.of(
        "strategy", "--strategy",
        "timelineCapacity", "--capacity",
        "celebrityThreshold", "--celebrity-threshold",
        "syncMode", "--sync",
        "partitions", "--partitions");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--partitions", paramLabel = "P",
        description = {
            "Partitions, each with its own writer thread and journal (1.." + EngineConfig.MAX_PARTITIONS + ").",
            "Default: what the data directory was created with, 1 for a new one; a directory keeps its count."})
    int partitions = EngineConfig.DIRECTORY_PARTITIONS;

    @Mixin
    TimelineOptions timeline;

    @Option(names = "--sync", paramLabel = "none|batch", defaultValue = "none",
        description = "none: a reply survives kill -9; batch: it also survives power loss (default: ${DEFAULT-VALUE}).")
    SyncMode sync;

    @Option(names = "--busy-spin",
        description = "Writers spin instead of parking when idle: the lowest latency, for a whole processor per partition.")
    boolean busySpin;

    /** The strategy as typed on the command line, such as {@code hybrid}. */
    String label()
    {
        return timeline.label();
    }

    /**
     * A configuration of the engine on {@code dataDirectory} with these settings, checked by the engine.
     *
     * @throws ParameterException naming the option, when the engine refuses its value.
     */
    EngineConfig config(final Path dataDirectory)
    {
        final EngineConfig config = new EngineConfig()
            .dataDirectory(dataDirectory)
            .partitions(partitions)
            .strategy(timeline.strategy)
            .timelineCapacity(timeline.capacity)
            .celebrityThreshold(timeline.celebrityThreshold)
            .syncMode(sync)
            .busySpin(busySpin);
        try
        {
            return config.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), optionMessage(ex.getMessage()));
        }
    }

    /** The engine's message about a setting, such as {@code timelineCapacity must be ...}, naming the option instead. */
    static String optionMessage(final String message)
    {
        final int end = message.indexOf(' ');
        final String option = end < 0 ? null : OPTION_OF_SETTING.get(message.substring(0, end));
        return null == option ? message : option + message.substring(end);
    }
}
