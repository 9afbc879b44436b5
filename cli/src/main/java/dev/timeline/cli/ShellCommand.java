package dev.timeline.cli;

import dev.timeline.cluster.ClientConfig;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.TimelineClient;
import dev.timeline.engine.TimelineEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code timeline shell}: engine commands from standard input, one per line, to an engine or a cluster. */
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
        "",
        "With --cluster, talks to a replicated cluster (see 'timeline node') instead of",
        "an engine of its own: every command goes through the cluster's log, reads too,",
        "so each read shows every write committed before it. While the cluster has no",
        "leader, a command waits for one up to --timeout, then is answered with an error.",
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
        "      \"time\":\"2026-11-21T20:57:00.123Z\"}]}",
        "  export TIMELINE_CLUSTER_SECRET=s3cret   a client of a cluster ('timeline node')",
        "  timeline shell --cluster localhost:20000,localhost:20010,localhost:20020",
        "  timeline shell --cluster 10.0.0.1:20000,10.0.0.2:20000,10.0.0.3:20000 --json \\",
        "      --secret-file secret.txt"
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

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...", converter = MembersConverter.class,
        description = "Talk to the cluster of these members instead of an engine of the shell's own.")
    private Members cluster;

    @Mixin
    private SecretOption secretOption;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "With --cluster: how long a command waits for the cluster's answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws IOException
    {
        final ShellSession session = new ShellSession(parent.stdin(), spec.commandLine().getOut(), json);
        if (cluster != null)
        {
            Usage.refuse(spec, Usage.optionsOf(spec, "engineOptions", "--data"),
                "is for an engine of the shell's own, not for --cluster");
            Usage.require(spec, timeoutSeconds >= 1, "--timeout must be at least 1 second, was " + timeoutSeconds);
            final ClientConfig config = new ClientConfig()
                .members(cluster)
                .secret(secretOption.secret())
                .timeout(Duration.ofSeconds(timeoutSeconds));
            try (TimelineClient client = TimelineClient.connect(config))
            {
                session.run(new ShellInterpreter(client), "the cluster " + cluster);
                if (client.refusal() != null)
                {
                    throw new CliException(client.refusal());
                }
            }
            return 0;
        }
        Usage.refuse(spec, Usage.optionsOf(spec, "secretOption", "--timeout"), "is for --cluster, which is missing");
        final Path directory = null == data ? DataDirectories.defaultDirectory() : data;
        try (TimelineEngine engine = TimelineEngine.open(engineOptions.config(directory)))
        {
            session.run(new ShellInterpreter(engine), directory.toString());
        }
        return 0;
    }
}
