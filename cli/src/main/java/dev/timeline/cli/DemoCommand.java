package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.RecoveryReport;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeline demo}: a Twitter-like social graph, concurrent posts and reads, a summary of the
 * speed, then a restart from the journal that must give back the same timelines.
 */
@Command(
    name = "demo",
    header = "Builds a Twitter-like graph, posts and reads at once, restarts, prints the numbers.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Shows the engine at work with nothing to set up, in well under a minute:",
        "  1. builds a Twitter-like social graph (Zipf follower counts, a few celebrities followed by",
        "     about half of all users) in a new temporary data directory;",
        "  2. posts and reads home timelines from several threads at once, with live progress;",
        "  3. prints posts/s, deliveries/s, reads/s, latency percentiles and memory;",
        "  4. closes the engine, opens it again from its data directory, prints the recovery time and",
        "     checks that timelines read the same as before the restart; then replays the whole",
        "     journal, snapshots ignored, and prints its replay rate.",
        "The data directory is deleted at the end unless --keep or --data is given.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline demo",
        "  timeline demo --users 100000 --duration 30 --readers 1",
        "  timeline demo --strategy push --keep     then: timeline replay DIR"
    })
final class DemoCommand implements Callable<Integer>
{
    private static final int SAMPLED_USERS = 100;

    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkloadOptions workloadOptions;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long to post and read (default: ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--readers", paramLabel = "N",
        description = "Threads reading home timelines (default: half the cores, here ${DEFAULT-VALUE}).")
    private int readers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    @Option(names = "--posters", paramLabel = "N", defaultValue = "1",
        description = "Threads posting (default: ${DEFAULT-VALUE}).")
    private int posters;

    @Mixin
    private RunDirectoryOptions directoryOptions;

    @Mixin
    private EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception
    {
        final Workload workload = workloadOptions.workload();
        validate();
        final PrintWriter out = spec.commandLine().getOut();
        final ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), Terminal.stderrIsTerminal());
        try (RunDirectory directory = directoryOptions.create("timeline-demo-"))
        {
            final EngineConfig config = engineOptions.config(directory.path());
            out.printf("timeline demo: %s, strategy %s%n", WorkloadOptions.description(workload), engineOptions.label());
            out.println("data directory: " + directory.description());
            out.println();

            final TimelineSample before;
            try (TimelineEngine engine = TimelineEngine.open(config))
            {
                out.println("[1/4] building the social graph");
                out.flush();
                SetupSteps.loadGraph(engine, engine.config().maxInFlight() / 2, workload, out, progress);
                final MixedLoad load = new MixedLoad(engine, workload, posters, readers);
                out.printf("[2/4] posting and reading for %d s: %d posting and %d reading threads%n",
                    durationSeconds, posters, readers);
                out.flush();
                final long deliveriesBefore = engine.stats().deliveries();
                load.run(TimeUnit.SECONDS.toNanos(durationSeconds), progress);
                before = TimelineSample.take(engine, workload.userIds(), SAMPLED_USERS);
                final EngineStats stats = engine.stats();
                printSummary(out, load, stats, stats.deliveries() - deliveriesBefore, directory.path());
            }
            final boolean identical = restart(out, workload, directory.path(), before);
            replayJournal(out, directory.path(), progress);
            return identical ? 0 : 1;
        }
    }

    private void validate()
    {
        Usage.require(spec, durationSeconds >= 1, "--duration must be at least 1 second, was " + durationSeconds);
        Usage.require(spec, readers >= 0 && posters >= 0, "--readers and --posters must be at least 0");
        Usage.require(spec, readers + posters >= 1, "at least one of --readers and --posters must be above 0");
    }

    private void printSummary(
        final PrintWriter out, final MixedLoad load, final EngineStats stats, final long deliveries, final Path directory)
        throws Exception
    {
        final long nanos = load.elapsedNanos();
        out.printf("[3/4] results over %s (posts: submitted to durable, %d in flight per thread; reads: one at a time)%n",
            Format.seconds(nanos), MixedLoad.POSTS_IN_FLIGHT);
        out.printf("  %-12s %14s %12s %10s %10s %10s%n", "", "total", "per second", "p50", "p99", "p99.9");
        latencyRow(out, "posts", load.posts(), nanos, load.postLatency());
        latencyRow(out, "home reads", load.reads(), nanos, load.readLatency());
        out.printf("  %-12s %14s %12s   entries written into followers' home timelines%n", "deliveries",
            Format.count(deliveries), Format.rate(deliveries, nanos));
        if (load.rejections() > 0)
        {
            out.printf("  %-12s %14s   posts turned away by a full inbox%n",
                "rejected", Format.count(load.rejections()));
        }
        System.gc();
        out.printf("  %-12s heap used %s, engine off-heap %s, journal and snapshots on disk %s%n", "memory",
            Format.bytes(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()),
            Format.bytes(stats.offHeapBytes()), Format.bytes(DataDirectories.size(directory)));
        out.printf("  %-12s %s users, %s follows, %s tweets, %s celebrities merged at read time%n", "state",
            Format.count(stats.users()), Format.count(stats.follows()), Format.count(stats.tweets()),
            Format.count(stats.celebrities()));
        out.flush();
    }

    private static void latencyRow(
        final PrintWriter out, final String name, final long count, final long nanos, final Histogram latency)
    {
        out.printf("  %-12s %14s %12s %10s %10s %10s%n", name, Format.count(count), Format.rate(count, nanos),
            Format.micros(latency.getValueAtPercentile(50)),
            Format.micros(latency.getValueAtPercentile(99)),
            Format.micros(latency.getValueAtPercentile(99.9)));
    }

    private boolean restart(
        final PrintWriter out, final Workload workload, final Path directory, final TimelineSample before)
    {
        out.println("[4/4] restarting: closed the engine, opening it again from its data directory");
        out.flush();
        final long start = System.nanoTime();
        try (TimelineEngine engine = TimelineEngine.open(engineOptions.config(directory)))
        {
            final long openNanos = System.nanoTime() - start;
            final RecoveryReport report = engine.recovery();
            out.printf("  reopened in %s: %s%n", Format.seconds(openNanos), RecoveryDescription.of(report));
            final TimelineSample after = TimelineSample.take(engine, workload.userIds(), SAMPLED_USERS);
            final boolean identical = after.equals(before);
            out.printf("  timelines identical after restart: %s (%d timelines, %s tweets compared)%n",
                identical ? "yes" : "NO", before.size(), Format.count(before.tweetCount()));
            return identical;
        }
    }

    private static void replayJournal(final PrintWriter out, final Path directory, final ProgressLine progress)
    {
        final RecoveryReport report = ReadOnlyReplay.of(directory, true, progress).report();
        out.printf("  journal replay: %s events in %s (%s events/s), snapshots ignored%n",
            Format.count(report.events()), Format.seconds(report.replayNanos()),
            Format.rate(report.events(), report.replayNanos()));
        out.flush();
    }
}
