package dev.timeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code timeline} command: try the engine, talk to it, and look inside its data directories.
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "A home-timeline engine: single writer, off-heap timelines, a journal for crash recovery.",
    subcommands = {
        DemoCommand.class, LoadCommand.class, ShellCommand.class, ReplayCommand.class, DumpCommand.class, StatCommand.class,
        NodeCommand.class, ClusterCommand.class },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline demo                      a Twitter-like graph, posts, reads, restart",
        "  timeline load --rate 200000        reads and posts at a fixed rate, latencies",
        "  timeline shell                     type commands at the engine",
        "  echo 'post 1 hi' | timeline shell --json --data /tmp/tl",
        "  timeline replay /tmp/tl            rebuild the state from the journal",
        "  timeline dump /tmp/tl --limit 20   the first 20 events of the journal",
        "  timeline stat /tmp/tl --watch      the counters of the engine running there",
        "  timeline node --id 0 --members h1:20000,h2:20000,h3:20000 --data /tmp/m0",
        "                                     one member of a replicated cluster",
        "  timeline cluster demo              three members, the leader killed under load",
        "",
        "Exit status: 0 success, 1 failure, 2 usage error.",
        "'timeline COMMAND --help' tells more about each command."
    })
public final class TimelineCli implements Runnable
{
    private final InputStream stdin;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param stdin what {@code shell} reads its commands from.
     */
    public TimelineCli(final InputStream stdin)
    {
        this.stdin = stdin;
    }

    /** Where {@code shell} reads its commands from. */
    InputStream stdin()
    {
        return stdin;
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: demo, load, shell, replay, dump, stat, node or cluster");
    }

    /**
     * A command line for the {@code timeline} command: its exit codes, one-line error messages and
     * UTF-8 output; {@link CommandLine#setOut} and {@link CommandLine#setErr} may replace the streams.
     */
    public static CommandLine commandLine(final InputStream stdin)
    {
        final FailureHandler failureHandler = new FailureHandler();
        return new CommandLine(new TimelineCli(stdin))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(failureHandler)
            .setExecutionExceptionHandler(failureHandler)
            .setOut(utf8(System.out))
            .setErr(utf8(System.err));
    }

    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(commandLine(System.in).execute(args));
    }

    private static PrintWriter utf8(final OutputStream stream)
    {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
