package dev.timeline.cli;

import dev.timeline.cluster.Members;
import dev.timeline.cluster.NodeConfig;
import dev.timeline.cluster.TimelineNode;
import io.aeron.cluster.service.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code timeline node}: one member of a replicated cluster in the foreground, its role on stderr,
 * until SIGTERM or SIGINT; with {@code --shell}, the shell's commands on it from standard input.
 */
@Command(
    name = "node",
    header = "Runs one member of a replicated cluster, in the foreground.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs member --id of the cluster of --members in this process. Each member holds",
        "the whole state and applies the cluster's log to it; writes are committed once",
        "a majority has them, so a cluster of three goes on with any two. Every member is",
        "given the same --members, timeline settings and secret; member N listens on",
        "ports PORT to PORT+9 of the N-th HOST:PORT (from 0). Its log, snapshots,",
        "counters and errors are in --data, which 'timeline stat DIR' reads.",
        "",
        "The secret comes from --secret-file or the environment variable",
        "TIMELINE_CLUSTER_SECRET; clients must present it too.",
        "",
        "The member's role goes to stderr whenever it changes, with the time:",
        "  2026-12-04T19:30:01.123Z timeline node 0: leader",
        "SIGTERM or SIGINT stop it cleanly: it asks for a snapshot, so that a restart",
        "replays little, then leaves; a leader leaving is replaced at once. A member",
        "that halts (stops applying the log) says why in one line and exits with 1.",
        "",
        "With --shell, standard input takes the commands of 'timeline shell' and 'sync',",
        "one answer per line (--json: one JSON object per line, {\"ok\":true} for sync).",
        "Writes go through the cluster and are answered once this member applied them;",
        "reads come from this member's replica; 'sync' waits until this member applied",
        "every write the cluster committed before it. While there is no leader, writes",
        "wait up to --timeout, then are answered with an error. The end of the input",
        "stops the member cleanly, with exit status 0.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  Three members on three hosts, the same secret and members on each:",
        "  export TIMELINE_CLUSTER_SECRET=s3cret",
        "  timeline node --id 0 --members 10.0.0.1:20000,10.0.0.2:20000,10.0.0.3:20000 \\",
        "      --data /var/lib/timeline",
        "",
        "  Three members on this host, a terminal each, then a client:",
        "  export TIMELINE_CLUSTER_SECRET=s3cret",
        "  M=localhost:20000,localhost:20010,localhost:20020",
        "  timeline node --id 0 --members $M --data /tmp/m0",
        "  timeline node --id 1 --members $M --data /tmp/m1",
        "  timeline node --id 2 --members $M --data /tmp/m2 --shell",
        "  timeline shell --cluster $M",
        "  timeline stat /tmp/m0            its role, log positions and last snapshot",
        "",
        "  printf 'follow 1 2\\npost 2 hi\\nsync\\nhome 1\\n' |",
        "      timeline node --id 2 --members $M --data /tmp/m2 --shell --json"
    })
final class NodeCommand implements Callable<Integer>
{
    /** How often the member's role and health are looked at. */
    private static final long POLL_MILLIS = 100;

    @ParentCommand
    private TimelineCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "N",
        description = "This member's id: its place in --members, from 0.")
    private int id;

    @Option(names = "--members", required = true, paramLabel = "HOST:PORT,...", converter = MembersConverter.class,
        description = "Every member of the cluster, in the same order on each; a member takes ports PORT to PORT+9.")
    private Members members;

    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "This member's data directory, created if absent.")
    private Path data;

    @Mixin
    private TimelineOptions timelineOptions;

    @Option(names = "--shell", description = "Take the shell's commands, and 'sync', from standard input.")
    private boolean shell;

    @Option(names = "--json", description = "With --shell: answer each line with exactly one JSON object on one line.")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "How long a write waits for a leader and its commit (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Mixin
    private SecretOption secretOption;

    private volatile RuntimeException shellFailure;

    @Override
    public Integer call() throws InterruptedException
    {
        final NodeConfig config = config();
        final PrintWriter err = spec.commandLine().getErr();
        try (StopSignal stop = new StopSignal())
        {
            try (TimelineNode node = TimelineNode.launch(config))
            {
                say(err, "member " + id + " of " + members + ", data in " + data.toAbsolutePath());
                if (shell)
                {
                    startShell(node, stop);
                }
                watch(node, stop, err);
                say(err, "stopping: a snapshot, then leaving the cluster");
            }
            say(err, "stopped");
        }
        if (shellFailure != null)
        {
            throw shellFailure;
        }
        return 0;
    }

    private NodeConfig config()
    {
        Usage.require(spec, id >= 0 && id < members.count(),
            "--id must be 0.." + (members.count() - 1) + " for " + members.count() + " members, was " + id);
        Usage.require(spec, shell || !json, "--json is for --shell, which is missing");
        Usage.require(spec, timeoutSeconds >= 1, "--timeout must be at least 1 second, was " + timeoutSeconds);
        final NodeConfig config = new NodeConfig()
            .members(members)
            .memberId(id)
            .dataDirectory(data)
            .secret(secretOption.secret())
            .strategy(timelineOptions.strategy)
            .timelineCapacity(timelineOptions.capacity)
            .celebrityThreshold(timelineOptions.celebrityThreshold)
            .writeTimeout(Duration.ofSeconds(timeoutSeconds));
        try
        {
            return config.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), EngineOptions.optionMessage(ex.getMessage()));
        }
    }

    /** Prints the member's role each time it changes, until asked to stop; fails if the member halts. */
    private void watch(final TimelineNode node, final StopSignal stop, final PrintWriter err) throws InterruptedException
    {
        Cluster.Role shown = null;
        do
        {
            final Cluster.Role role = node.role();
            if (role != shown)
            {
                say(err, role.name().toLowerCase(Locale.ROOT));
                shown = role;
            }
            final Throwable halted = node.halted();
            if (halted != null)
            {
                throw new CliException("member " + id + " halted: " + halted.getMessage());
            }
        }
        while (!stop.await(POLL_MILLIS));
    }

    /** Answers standard input on a thread of its own; its end, or 'quit', stops the member. */
    private void startShell(final TimelineNode node, final StopSignal stop)
    {
        final ShellSession session = new ShellSession(parent.stdin(), spec.commandLine().getOut(), json);
        final Thread thread = new Thread(() ->
        {
            try
            {
                session.run(new ShellInterpreter(node, node::sync), "member " + id + " of the cluster " + members);
            }
            catch (final IOException ex)
            {
                shellFailure = new UncheckedIOException(ex);
            }
            catch (final RuntimeException ex)
            {
                shellFailure = ex;
            }
            finally
            {
                stop.request();
            }
        }, "timeline-node-shell");
        thread.setDaemon(true);
        thread.start();
    }

    /** One line on stderr about this member, with the time. */
    private void say(final PrintWriter err, final String what)
    {
        err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " timeline node " + id + ": " + what);
    }
}
