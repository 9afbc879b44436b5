package dev.timeline.cli;

import dev.timeline.engine.status.CountersFile;
import dev.timeline.engine.status.ErrorLogFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeline stat DIR}: the counters of the engine running on a data directory, read from its
 * counters file by this separate process, once, again and again, or at each scrape by Prometheus.
 */
@Command(
    name = "stat",
    header = "Shows the live counters of the engine running on a data directory.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Reads the counters file an engine keeps in its data directory (counters.dat,",
        "updated about every millisecond while it runs) from this separate process,",
        "without disturbing the engine: its process id, whether it still runs, its",
        "uptime, then each counter. The writer heartbeat and the last snapshot are",
        "shown as ages, the journal index in hex as 'timeline dump' shows indexes.",
        "Once the engine has stopped, the values it last wrote are shown.",
        "With --watch, reads again every SECONDS and adds the rate of each count per",
        "second, until Ctrl-C or the engine stops.",
        "With --serve, serves the counters at http://ADDRESS:PORT/metrics in the",
        "Prometheus text format instead, read afresh at each scrape, until SIGINT or",
        "SIGTERM; an engine that restarts on the directory is followed.",
        "With --errors, prints the distinct errors the engine logged (errors.dat):",
        "each once, with how often and when it was first and last seen.",
        "",
        "On the data directory of a member of a cluster (see 'timeline node'), it shows",
        "first the member's role, which member leads, the leadership term and election,",
        "how far the log is committed, archived here and applied to this member's",
        "replica (positions in bytes), and its last snapshot. These come from the",
        "counters of the member's media driver and its recording log, read in place;",
        "only which member leads is asked of a follower's consensus module.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline stat /tmp/tl",
        "  timeline stat /tmp/tl --watch            every second, with rates",
        "  timeline stat /tmp/tl --watch 5 --json | jq -c .perSecond",
        "  timeline stat /tmp/tl --serve 9464       at http://127.0.0.1:9464/metrics",
        "  timeline stat /tmp/tl --serve 9464 --bind 0.0.0.0",
        "  timeline stat /tmp/tl --errors           what went wrong, each error once",
        "  timeline stat /tmp/m0                    a member: role, leader, log positions, snapshot"
    })
final class StatCommand implements Callable<Integer>
{
    private static final int MAX_PORT = 65535;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectoryParameter directory;

    @Option(names = "--watch", paramLabel = "SECONDS", arity = "0..1", preprocessor = WatchSeconds.class,
        description = "Read again every SECONDS (default: " + WatchSeconds.DEFAULT + ", fractions allowed) and show " +
        "rates per second.")
    private Double watchSeconds;

    @Option(names = "--json", description = "One JSON object per reading, one per line.")
    private boolean json;

    @Option(names = "--serve", paramLabel = "PORT", description = "Serve the counters for Prometheus at " +
        MetricsServer.PATH + " on PORT (0 takes any free port) until stopped.")
    private Integer servePort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "The address " +
        "--serve listens on (default: ${DEFAULT-VALUE}, this host only; 0.0.0.0 for every interface).")
    private InetAddress bindAddress;

    @Option(names = "--errors", description = "Print the distinct errors the engine logged instead of the counters.")
    private boolean errors;

    @Override
    public Integer call() throws InterruptedException
    {
        checkOptions();
        if (servePort != null)
        {
            return serve();
        }
        if (errors)
        {
            return printErrors();
        }
        final PrintWriter out = spec.commandLine().getOut();
        final StatPrinter printer = json ? new StatJson(out, directory.path()) : new StatText(out, directory.path(),
            null == watchSeconds ? null : "every " + Format.duration(Math.round(watchSeconds * 1000)),
            null != watchSeconds && Terminal.stdoutIsTerminal());
        final boolean member = MemberStatus.isMemberDirectory(directory.existing());
        try (CountersFile counters = CountersFile.open(directory.existing()))
        {
            CounterSample previous = null;
            final long intervalNanos = null == watchSeconds ? 0 : Math.round(watchSeconds * 1e9);
            long nextNanos = System.nanoTime();
            while (true)
            {
                final CounterSample sample = CounterSample.read(counters, directory.existing());
                printer.print(sample, member ? MemberStatus.read(directory.existing()) : null, previous);
                if (null == watchSeconds || !sample.alive())
                {
                    return 0;
                }
                previous = sample;
                nextNanos = Math.max(nextNanos + intervalNanos, System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(nextNanos - System.nanoTime());
            }
        }
    }

    private void checkOptions()
    {
        if (watchSeconds != null && !(watchSeconds > 0))
        {
            throw usageError("--watch must be above 0 seconds, was " + watchSeconds);
        }
        if (null == servePort && spec.commandLine().getParseResult().hasMatchedOption("--bind"))
        {
            throw usageError("--bind is the address of --serve, which is missing");
        }
        if (servePort != null && (servePort < 0 || servePort > MAX_PORT))
        {
            throw usageError("--serve must be a port from 0 to " + MAX_PORT + ", was " + servePort);
        }
        if (servePort != null && (watchSeconds != null || json))
        {
            throw usageError("--serve cannot be combined with --watch or --json");
        }
        if (errors && (servePort != null || watchSeconds != null || json))
        {
            throw usageError("--errors cannot be combined with --serve, --watch or --json");
        }
    }

    private ParameterException usageError(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }

    private int printErrors()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (ErrorLogFile log = ErrorLogFile.open(directory.existing()))
        {
            final String described = log.describe();
            out.print(described.isEmpty() ? "no errors\n" : described);
        }
        out.flush();
        return 0;
    }

    /** Serves the counters until this thread is interrupted or the process is stopped. */
    private int serve()
    {
        final Path existing = directory.existing();
        CountersFile.open(existing).close(); // as without --serve, a directory no engine has run on is a failure
        try (MetricsServer server = MetricsServer.start(existing, bindAddress, servePort))
        {
            final PrintWriter err = spec.commandLine().getErr();
            err.println("timeline stat: serving " + directory.path() + " counters at " + server.url());
            err.flush();
            new CountDownLatch(1).await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Takes the argument after {@code --watch} as its SECONDS only when it is a number, so that
     * {@code stat --watch DIR} watches DIR every second.
     */
    static final class WatchSeconds implements IParameterPreprocessor
    {
        static final String DEFAULT = "1";

        @Override
        public boolean preprocess(
            final Stack<String> args, final CommandSpec spec, final ArgSpec option, final Map<String, Object> info)
        {
            if (" ".equals(info.get("separator")) && (args.isEmpty() || !isNumber(args.peek())))
            {
                args.push(DEFAULT);
            }
            return false;
        }

        private static boolean isNumber(final String arg)
        {
            try
            {
                Double.parseDouble(arg);
                return true;
            }
            catch (final NumberFormatException ex)
            {
                return false;
            }
        }
    }
}
