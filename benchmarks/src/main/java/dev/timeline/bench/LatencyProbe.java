package dev.timeline.bench;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.state.CommandStages;
import dev.timeline.journal.Journal;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.GraphLoader;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code java -jar benchmarks.jar latency}: where the time of a post's acknowledgement goes, against
 * its floors, all in one run. One thread calls at a fixed rate (open loop, each latency from the time
 * the call was due), in rounds of a second that take turns between three targets: a writer that does
 * no work ({@link EchoWriter}: the round trip through an inbox and back), the raw journal append, and
 * blocking posts to an engine, whose stages the engine records ({@link CommandStages}). Prints the
 * percentiles of each, and of each stage of a post; optionally saves them as an HdrHistogram log, a
 * tag each, for {@code plot}.
 */
@Command(
    name = "latency",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Times blocking posts stage by stage against two floors measured in the same run, in turns: " +
        "a round trip to a writer that does no work, and the raw journal append. Prints percentiles in " +
        "microseconds.",
    footer = {
        "", "Example:", "  java -Xlog:gc,safepoint:file=gc.log -jar benchmarks/target/benchmarks.jar latency " +
        "--rate 20000 --seconds 10 --histogram-log latency.hlog",
        "", "Exit status: 0 success, 1 failure, 2 usage error."
    })
public final class LatencyProbe implements Callable<Integer>
{
    private static final String STAGES_PROPERTY = "timeline.stages";
    private static final long ROUND_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Waits for the next call longer than this park, and spin for the rest. */
    private static final long SPIN_NANOS = 50_000;
    private static final double[] PERCENTILES = { 50, 90, 99, 99.9, 99.99 };
    private static final int TEXT_LENGTH = JournalBenchmark.TEXT_LENGTH;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "calls per second (default: ${DEFAULT-VALUE})")
    private int rate = 20_000;

    @Option(names = "--seconds", paramLabel = "N", description = "measured rounds of each target (default: ${DEFAULT-VALUE})")
    private int seconds = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "rounds of each before measuring (default: ${DEFAULT-VALUE})")
    private int warmup = 3;

    @Option(names = "--users", paramLabel = "N",
        description = "users of a celebrity-workload graph loaded first, whose posts fan out; 0 for authors " +
            "nobody follows (default: ${DEFAULT-VALUE})")
    private int users = 30_000;

    @Option(names = "--busy-spin", description = "writers and callers spin when idle instead of parking")
    private boolean busySpin;

    @Option(names = "--spin-before-park", paramLabel = "MICROS",
        description = "how long writers and callers spin before they park (default: the engine's)")
    private Long spinBeforeParkMicros;

    @Option(names = "--histogram-log", paramLabel = "FILE", description = "also save the latencies as an HdrHistogram log")
    private Path histogramLog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the probe with {@code args}, recording the engine's stages, and exits with its status. */
    public static void main(final String[] args)
    {
        System.setProperty(STAGES_PROPERTY, "true");
        System.exit(new CommandLine(new LatencyProbe())
            .setParameterExceptionHandler((ex, ignored) ->
            {
                ex.getCommandLine().getErr().println("latency: " + ex.getMessage() + " (see --help)");
                return CommandLine.ExitCode.USAGE;
            })
            .setExecutionExceptionHandler((ex, commandLine, parseResult) ->
            {
                commandLine.getErr().println("latency: " + ex);
                return CommandLine.ExitCode.SOFTWARE;
            })
            .execute(args));
    }

    @Override
    public Integer call() throws IOException
    {
        check(rate >= 1 && rate <= 1_000_000, "--rate must be 1 to 1,000,000, was " + rate);
        check(seconds >= 1, "--seconds must be at least 1, was " + seconds);
        check(warmup >= 0, "--warmup must be at least 0, was " + warmup);
        check(users == 0 || users >= 2, "--users must be 0 or at least 2, was " + users);
        check(spinBeforeParkMicros == null || spinBeforeParkMicros >= 0,
            "--spin-before-park must be 0 or more, was " + spinBeforeParkMicros);
        if (!CommandStages.ENABLED)
        {
            throw new IllegalStateException("the engine's classes loaded before -D" + STAGES_PROPERTY + "=true was set");
        }
        final PrintStream out = System.out;
        final Path directory = Files.createTempDirectory("timeline-latency");
        final EngineConfig config = engineConfig(directory.resolve("engine"));
        final StageLatencies stages = new StageLatencies();
        final Histogram echoLatency = new Histogram(3);
        final Histogram journalLatency = new Histogram(3);
        final Histogram postLatency = new Histogram(3);
        try (EchoWriter echo = new EchoWriter(config);
            Journal journal = Journal.open(directory.resolve("journal"));
            TimelineEngine engine = TimelineEngine.open(config))
        {
            final OperationStream posts = prepare(engine, out);
            final UnsafeBuffer text = JournalBenchmark.tweetText();
            CommandStages.listener(stages);
            out.printf("%,d calls/s from one thread, in turns of 1 s: %d warm-up and %d measured of each%n",
                rate, warmup, seconds);
            final long[] journalIds = new long[1];
            final GcSample gcBefore = new GcSample();
            for (int round = 0; round < warmup + seconds; round++)
            {
                final boolean measured = round >= warmup;
                paced(measured ? echoLatency : null, (due, now) -> echo.call());
                paced(measured ? journalLatency : null, (due, now) ->
                {
                    final long id = ++journalIds[0];
                    journal.appendPost(id, id, JournalBenchmark.AUTHOR, text, 0, TEXT_LENGTH);
                });
                paced(measured ? postLatency : null, (due, now) ->
                {
                    posts.next();
                    stages.calling(due, now, measured);
                    engine.post(posts.user(), posts.text());
                    stages.returned(System.nanoTime());
                });
            }
            final GcSample gcAfter = new GcSample();
            CommandStages.listener(null);
            report(out, echoLatency, journalLatency, postLatency, stages);
            out.printf("garbage collections while measuring: %d, %d ms in all%n",
                gcAfter.count - gcBefore.count, gcAfter.millis - gcBefore.millis);
            if (histogramLog != null)
            {
                writeLog(echoLatency, journalLatency, postLatency, stages);
                out.println("latency log: " + histogramLog);
            }
        }
        finally
        {
            IoUtil.delete(directory.toFile(), true);
        }
        return CommandLine.ExitCode.OK;
    }

    private EngineConfig engineConfig(final Path directory)
    {
        final EngineConfig config = new EngineConfig().dataDirectory(directory).busySpin(busySpin);
        if (spinBeforeParkMicros != null)
        {
            config.spinBeforePark(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(spinBeforeParkMicros)));
        }
        return config;
    }

    /** Loads the graph, if any; returns the stream the posts come from. */
    private OperationStream prepare(final TimelineEngine engine, final PrintStream out)
    {
        final Workload workload = new Workload(
            FollowerDistribution.CELEBRITY, Math.max(2, users), Workload.DEFAULT_FOLLOWS_PER_USER, 1);
        if (users > 0)
        {
            out.printf("loading the graph of %s%n", workload);
            GraphLoader.load(engine, workload);
        }
        else
        {
            out.println("posts by authors nobody follows");
        }
        return workload.operations(1, 0);
    }

    /**
     * Makes calls at the rate for a round, each when it is due, recording into {@code latency}, if not
     * null, the time from when it was due to when it returned.
     */
    private void paced(final Histogram latency, final Call call)
    {
        final double interval = 1e9 / rate;
        final long start = System.nanoTime() + SPIN_NANOS;
        final long end = start + ROUND_NANOS;
        for (long i = 0; ; i++)
        {
            final long due = start + (long)(i * interval);
            if (due >= end)
            {
                return;
            }
            awaitUntil(due);
            call.call(due, System.nanoTime());
            if (latency != null)
            {
                latency.recordValue(System.nanoTime() - due);
            }
        }
    }

    private static void awaitUntil(final long deadline)
    {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0)
        {
            if (remaining > 2 * SPIN_NANOS)
            {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    private static void report(
        final PrintStream out, final Histogram echo, final Histogram journal, final Histogram post,
        final StageLatencies stages)
    {
        out.printf("%n%-36s %10s", "latency in µs, from when each call was due", "calls");
        for (final double percentile : PERCENTILES)
        {
            out.printf(" %9s", label(percentile));
        }
        out.printf(" %9s%n", "max");
        row(out, "floor: round trip to a writer, no work", echo);
        row(out, "floor: journal append", journal);
        row(out, "post acknowledged", post);
        for (final StageLatencies.Stage stage : stages.recorded())
        {
            row(out, "  " + stage.name(), stage.latency());
        }
    }

    private static void row(final PrintStream out, final String name, final Histogram latency)
    {
        out.printf("%-36s %,10d", name, latency.getTotalCount());
        for (final double percentile : PERCENTILES)
        {
            out.printf(" %9.1f", latency.getValueAtPercentile(percentile) / 1e3);
        }
        out.printf(" %9.1f%n", latency.getMaxValue() / 1e3);
    }

    private static String label(final double percentile)
    {
        return percentile == Math.rint(percentile) ? "p" + (long)percentile : "p" + percentile;
    }

    private void writeLog(
        final Histogram echo, final Histogram journal, final Histogram post, final StageLatencies stages)
        throws IOException
    {
        final List<Histogram> histograms = new ArrayList<>(List.of(tagged(echo, "echo"), tagged(journal, "journal"),
            tagged(post, "post")));
        for (final StageLatencies.Stage stage : stages.recorded())
        {
            histograms.add(tagged(stage.latency(), "post-" + stage.tag()));
        }
        final HistogramLogWriter writer = new HistogramLogWriter(histogramLog.toFile());
        try
        {
            writer.outputComment("timeline latency probe: " + rate + " calls/s, " + seconds + " s of each; ns");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            for (final Histogram histogram : histograms)
            {
                writer.outputIntervalHistogram(0, seconds, histogram, 1.0);
            }
        }
        finally
        {
            writer.close();
        }
    }

    private static Histogram tagged(final Histogram histogram, final String tag)
    {
        histogram.setTag(tag);
        return histogram;
    }

    private void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** One call of a round. */
    @FunctionalInterface
    private interface Call
    {
        /** Makes the call due at {@code dueNanos}, going out at {@code nowNanos}. */
        void call(long dueNanos, long nowNanos);
    }

    /** The collections so far and the time they took, over every collector. */
    private static final class GcSample
    {
        final long count;
        final long millis;

        GcSample()
        {
            long count = 0;
            long millis = 0;
            for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
            {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            this.count = count;
            this.millis = millis;
        }
    }
}
