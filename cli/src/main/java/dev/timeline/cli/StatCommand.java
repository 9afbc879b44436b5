package dev.timeline.cli;

import dev.timeline.engine.CountersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeline stat DIR}: the counters of the engine running on a data directory, read from its
 * counters file by this separate process, once or again and again.
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
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline stat /tmp/tl",
        "  timeline stat /tmp/tl --watch            every second, with rates",
        "  timeline stat /tmp/tl --watch 5 --json | jq -c .perSecond"
    })
final class StatCommand implements Callable<Integer>
{
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

    @Override
    public Integer call() throws InterruptedException
    {
        if (watchSeconds != null && !(watchSeconds > 0))
        {
            throw new ParameterException(spec.commandLine(), "--watch must be above 0 seconds, was " + watchSeconds);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final StatPrinter printer = json ? new StatJson(out, directory.path()) : new StatText(out, directory.path(),
            null == watchSeconds ? null : "every " + Format.duration(Math.round(watchSeconds * 1000)),
            null != watchSeconds && Terminal.stdoutIsTerminal());
        try (CountersFile counters = CountersFile.open(directory.existing()))
        {
            CounterSample previous = null;
            final long intervalNanos = null == watchSeconds ? 0 : Math.round(watchSeconds * 1e9);
            long nextNanos = System.nanoTime();
            while (true)
            {
                final CounterSample sample = CounterSample.read(counters);
                printer.print(sample, previous);
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
