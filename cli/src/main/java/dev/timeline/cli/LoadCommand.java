package dev.timeline.cli;

import dev.timeline.cluster.ClientConfig;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.TimelineClient;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.Timelines;
import dev.timeline.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeline load}: an open-loop load of home reads and posts at a fixed rate against a new
 * engine or a running cluster, with latencies from each request's scheduled time, and whether the
 * engine kept up.
 */
@Command(
    name = "load",
    header = "Sends home reads and posts at a fixed rate (open loop) and prints their latency percentiles.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Builds a Twitter-like social graph in a new engine and posts --prefill tweets",
        "per user so home timelines are full, then sends requests on a fixed schedule:",
        "request i is due i / RATE seconds after the start, whether or not the requests",
        "before it were answered, as users arrive whatever a service is doing (an open",
        "loop). Each latency runs from the time its request was due, not from when it",
        "went out, so a stall counts in every request it held up (no coordinated",
        "omission). A home read asks for 20 tweets and is answered before the thread's",
        "next request; a post is submitted without waiting and timed to its durable",
        "acknowledgement.",
        "",
        "The first --warmup seconds are sent but not measured. When the engine cannot",
        "keep up, requests go out late, back to back; those still due when --duration",
        "is over are sent for at most as long again, then given up. The rate counts as",
        "held when every request went out, none more than --max-lag late, no post was",
        "turned away by a full inbox, and the load generator's own work per request left",
        "each thread time to send its share; if not, the report says why and the exit",
        "status is 1. --dry-run sends to no engine: how fast the generator alone sends.",
        "",
        "Prints p50, p90, p99, p99.9, p99.99 and the maximum for reads and posts and",
        "the rate achieved; --json prints one JSON object instead, all else going to",
        "stderr. The latencies of each second are saved in an HdrHistogram log (tags",
        "read and post, values in nanoseconds).",
        "",
        "With --cluster, the load goes to a running cluster (see 'timeline node') through",
        "a client instead: its graph and posts are added to what the cluster holds, and",
        "every request goes through the cluster's log, home reads too (they reflect",
        "every write committed before them), so each read is a round trip to the leader.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline load                 100,000 requests/s, Twitter's 2012 mix, 10 s",
        "  timeline load --rate 1015333 --threads 2",
        "                                1,000,000 home reads/s plus 15,333 posts/s",
        "  timeline load --mix 1:1 --rate 20000 --strategy push --duration 30",
        "  timeline load --json --histogram-log run.hlog",
        "  timeline load --cluster localhost:20000,localhost:20010,localhost:20020 \\",
        "      --secret-file secret.txt --users 2000 --rate 2000 --mix 1:1 --threads 4",
        "  timeline load --dry-run --rate 100000000 --threads 1",
        "                                the most one thread sends, with no engine",
        "  java -cp cli/target/timeline.jar org.HdrHistogram.HistogramLogProcessor \\",
        "      -i run.hlog -tag read     the read latencies of run.hlog, second by second",
        "",
        "Exit status: 0 the rate was held, 1 it was not (or a failure), 2 usage error."
    })
final class LoadCommand implements Callable<Integer>
{
    private static final long MAX_RATE = 1_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "100000",
        description = "Requests per second, reads and posts together (default: ${DEFAULT-VALUE}).")
    private long rate;

    @Option(names = "--mix", paramLabel = "READS:POSTS", defaultValue = "300000:4600", converter = RequestMix.Converter.class,
        description = "Home reads per posts (default: ${DEFAULT-VALUE}, Twitter's in 2012); 1:0 reads only, 0:1 posts only.")
    private RequestMix mix;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long to measure (default: ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
        description = "How long to send before measuring, so the code is compiled (default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
        description = "Sending threads, each with an equal share of the rate (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--max-lag", paramLabel = "MILLIS", defaultValue = "100",
        description = "How late a request may go out for the rate to count as held (default: ${DEFAULT-VALUE}).")
    private long maxLagMillis;

    @Option(names = "--prefill", paramLabel = "POSTS_PER_USER", defaultValue = "5",
        description = "Posts made before the load, per user, so home timelines hold tweets to read (default: ${DEFAULT-VALUE}).")
    private int prefillPerUser;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    private boolean json;

    @Option(names = "--dry-run",
        description = "Send to no engine, which answers every request at once: how fast the load generator alone sends.")
    private boolean dryRun;

    @Option(names = "--histogram-log", paramLabel = "FILE",
        description = "Where to save the latency log (default: a new timeline-load-*.hlog in the temporary directory).")
    private Path histogramLog;

    @Mixin
    private WorkloadOptions workloadOptions;

    @Mixin
    private RunDirectoryOptions directoryOptions;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...", converter = MembersConverter.class,
        description = "Load the running cluster of these members instead of an engine of the load's own.")
    private Members cluster;

    @Mixin
    private SecretOption secretOption;

    @Override
    public Integer call() throws Exception
    {
        final Workload workload = workloadOptions.workload();
        final LoadPlan plan = plan();
        final long prefillPosts = (long)prefillPerUser * workload.users();
        if (dryRun)
        {
            final String why = "sends to an engine, and --dry-run to none";
            Usage.refuse(spec, Usage.optionsOf(spec, "engineOptions", "--data", "--keep", "--cluster"), why);
            Usage.refuse(spec, Usage.optionsOf(spec, "secretOption"), why);
            return run(new NoEngine(), 0, Duration.ZERO, LoadSetup.dryRun(workload), plan, "data directory: none");
        }
        if (cluster != null)
        {
            Usage.refuse(spec, Usage.optionsOf(spec, "engineOptions", "--data", "--keep"),
                "is for an engine of the load's own, not for --cluster");
            final ClientConfig config = new ClientConfig().members(cluster).secret(secretOption.secret());
            try (TimelineClient client = TimelineClient.connect(config))
            {
                return run(client, config.maxInFlight() / 2, config.timeout(), LoadSetup.cluster(workload, prefillPosts,
                    cluster), plan, "reads: through the cluster's log, each a round trip to the leader");
            }
        }
        Usage.refuse(spec, Usage.optionsOf(spec, "secretOption"), "is for --cluster, which is missing");
        try (RunDirectory directory = directoryOptions.create("timeline-load-");
            TimelineEngine engine = TimelineEngine.open(engineOptions.config(directory.path())))
        {
            return run(engine, engine.config().maxInFlight() / 2, engine.config().writeTimeout(), LoadSetup.engine(
                workload, prefillPosts, engineOptions.label(), engine.partitions()), plan,
                "data directory: " + directory.description());
        }
    }

    /**
     * Fills {@code timelines} and runs the load against it.
     *
     * @param inFlight writes kept in flight while filling it.
     * @param settle   how long the last posts may take to be acknowledged.
     * @param where    a line on where the data or the reads are.
     * @return the exit status: 0 if the rate was held.
     */
    private int run(
        final Timelines timelines, final int inFlight, final Duration settle, final LoadSetup setup, final LoadPlan plan,
        final String where) throws IOException, InterruptedException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter out = json ? err : spec.commandLine().getOut();
        final ProgressLine progress = new ProgressLine(err, Terminal.stderrIsTerminal());
        try (IntervalLog log = new IntervalLog(
            histogramLogPath(), "timeline load: " + setup.description() + ", " + describe(plan)))
        {
            out.println("timeline load: " + setup.description());
            out.println(where);
            out.println("latency log: " + log.path());
            out.println();
            if (!setup.dryRun())
            {
                prepare(timelines, inFlight, setup, out, progress);
            }
            out.println("[3/4] " + describe(plan));
            out.flush();
            collectSetUpGarbage();
            final LoadResult result = new OpenLoopLoad(plan, SystemPacingClock.INSTANCE,
                thread -> new EngineRequests(timelines, setup.workload(), thread))
                .run(log, progress, settle.toNanos());
            report(setup, result, log.path(), out);
            return result.held() ? 0 : 1;
        }
    }

    private void report(final LoadSetup setup, final LoadResult result, final Path histogramLog, final PrintWriter out)
    {
        if (json)
        {
            LoadJson.print(spec.commandLine().getOut(), setup, result, histogramLog);
        }
        else
        {
            out.printf("[4/4] results over %s: latency from the time each request was due to its answer%n",
                Format.seconds(result.elapsedNanos()));
            LoadText.print(out, result, histogramLog);
        }
        if (!result.held())
        {
            spec.commandLine().getErr().println("timeline: the load did not hold " +
                Format.count(result.plan().perSecond()) + " requests/s: " + result.shortfall());
        }
    }

    /** Builds the social graph and posts the tweets made before the load. */
    private static void prepare(
        final Timelines timelines, final int inFlight, final LoadSetup setup, final PrintWriter out,
        final ProgressLine progress)
    {
        out.println("[1/4] building the social graph");
        SetupSteps.loadGraph(timelines, inFlight, setup.workload(), out, progress);
        out.println("[2/4] posting " + Format.count(setup.prefillPosts()) + " tweets, so home timelines hold tweets to read");
        SetupSteps.post(timelines, inFlight, setup.workload(), EngineRequests.PREFILL_STREAM, setup.prefillPosts(), out,
            progress);
    }

    /**
     * Collects what building the graph and posting left on the heap, and moves what lives on to the
     * old generation, so no collection in the load's first seconds copies it with every thread paused.
     */
    private static void collectSetUpGarbage()
    {
        System.gc();
    }

    private Path histogramLogPath() throws IOException
    {
        return null == histogramLog ? Files.createTempFile("timeline-load-", ".hlog") : histogramLog;
    }

    private LoadPlan plan()
    {
        Usage.require(spec, rate >= 1 && rate <= MAX_RATE, "--rate must be 1 to " + Format.count(MAX_RATE) + ", was " + rate);
        Usage.require(spec, threads >= 1 && threads <= rate, "--threads must be 1 to the --rate, was " + threads);
        Usage.require(spec, durationSeconds >= 1, "--duration must be at least 1 second, was " + durationSeconds);
        Usage.require(spec, warmupSeconds >= 0, "--warmup must be at least 0 seconds, was " + warmupSeconds);
        Usage.require(spec, maxLagMillis >= 0, "--max-lag must be at least 0 ms, was " + maxLagMillis);
        Usage.require(spec, prefillPerUser >= 0, "--prefill must be at least 0, was " + prefillPerUser);
        return new LoadPlan(rate, mix, threads, warmupSeconds, durationSeconds, TimeUnit.MILLISECONDS.toNanos(maxLagMillis));
    }

    private static String describe(final LoadPlan plan)
    {
        return String.format(Locale.ROOT,
            "open loop of %s requests/s (%s home reads/s of 20 tweets and %s posts/s, mix %s) from %d thread%s, " +
            "%d s warm-up, %d s measured",
            Format.count(plan.perSecond()), Format.count(Math.round(plan.readsPerSecond())),
            Format.count(Math.round(plan.postsPerSecond())), plan.mix(), plan.threads(), plan.threads() == 1 ? "" : "s",
            plan.warmupSeconds(), plan.durationSeconds());
    }
}
