package dev.timeline.cli;

import dev.timeline.engine.TimelineEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code timeline shell}: engine commands from standard input, one per line. */
@Command(
    name = "shell",
    header = "Engine commands from standard input, one per line; --json for scripts.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Answers each line of standard input. An answer to a write means it is durable.",
        "End of input or 'quit' closes the engine. With --json, one object per line:",
        "",
        "  follow A B, unfollow A B, delete ID  {\"ok\":true}",
        "  post A TEXT (TEXT: rest of line)     {\"id\":ID}",
        "  home U [LIMIT [BEFORE]]              {\"tweets\":[{\"id\":ID,\"author\":A,",
        "  tweets U [LIMIT [BEFORE]]                        \"text\":\"..\",\"time\":\"..\"},..]}",
        "  anything invalid, an empty line too  {\"error\":\"what is wrong\"}, and goes on",
        "Without --json, answers are in words and empty lines are skipped.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline shell              interactive, data in the default directory",
        "  printf 'follow 1 2\\npost 2 hi there\\nhome 1\\n' |",
        "      timeline shell --json --data /tmp/tl",
        "  {\"ok\":true}",
        "  {\"id\":7398571224129536000}",
        "  {\"tweets\":[{\"id\":7398571224129536000,\"author\":2,\"text\":\"hi there\",",
        "      \"time\":\"2026-11-21T20:57:00.123Z\"}]}"
    })
final class ShellCommand implements Callable<Integer>
{
    @ParentCommand
    private TimelineCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Answer each line with exactly one JSON object on one line.")
    private boolean json;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data directory, created if absent (default: $XDG_DATA_HOME/timeline or ~/.local/share/timeline).")
    private Path data;

    @Mixin
    private EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException
    {
        final ShellSession session = new ShellSession(parent.stdin(), spec.commandLine().getOut(), json);
        final Path directory = null == data ? DataDirectories.defaultDirectory() : data;
        try (TimelineEngine engine = TimelineEngine.open(engineOptions.config(directory)))
        {
            session.run(new ShellInterpreter(engine), directory.toString());
        }
        return 0;
    }
}
