package dev.timeline.bench;

import dev.timeline.bench.baseline.RedisServer;
import dev.timeline.engine.EngineConfig;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code java -jar benchmarks.jar baselines}: the engine (push and hybrid) against the naive on-heap
 * Java baseline and Redis on the same workload, as a table of figures and ratios on stdout and
 * optionally JSON; progress on stderr. Exit status 0, 1 on a failure, 2 on a usage error, each
 * failure in one line.
 */
@Command(
    name = "baselines",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Posts the same tweets into the engine (push and hybrid), a naive on-heap Java implementation " +
        "and Redis, then reads home timelines of 20 from each; prints throughput, latency percentiles and the " +
        "engine's ratios to each baseline. Redis is a redis-server started on a free loopback port, without " +
        "persistence, and stopped at the end.",
    footer = {
        "", "Example:", "  java -jar benchmarks/target/benchmarks.jar baselines --posts 200000 --json baselines.json",
        "", "Exit status: 0 success, 1 failure, 2 usage error."
    })
public final class BaselinesCommand implements Callable<Integer>
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--users", paramLabel = "N", description = "users in the workload (default: ${DEFAULT-VALUE})")
    private int users = 100_000;

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "celebrity",
        description = "follower distribution: uniform, zipf or celebrity (default: ${DEFAULT-VALUE})")
    private FollowerDistribution distribution;

    @Option(names = "--posts", paramLabel = "N",
        description = "posts measured, after a tenth as many to warm up (default: ${DEFAULT-VALUE})")
    private int posts = 500_000;

    @Option(names = "--reads", paramLabel = "N",
        description = "home reads measured, after a tenth as many, and a second at least, to warm up (default: ${DEFAULT-VALUE})")
    private int reads = 100_000;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the workload (default: ${DEFAULT-VALUE})")
    private long seed = 1;

    @Option(names = "--window", paramLabel = "N",
        description = "posts in flight for the engine and Redis (default: ${DEFAULT-VALUE})")
    private int window = 64;

    @Option(names = "--naive-threads", paramLabel = "N",
        description = "threads posting into the naive baseline (default: the processors, ${DEFAULT-VALUE})")
    private int naiveThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--celebrity-threshold", paramLabel = "N",
        description = "followers from which the hybrid engine pulls (default: ${DEFAULT-VALUE})")
    private int celebrityThreshold = EngineConfig.DEFAULT_CELEBRITY_THRESHOLD;

    @Option(names = "--partitions", paramLabel = "N",
        description = "the engine's partitions, each with a writer thread (default: ${DEFAULT-VALUE})")
    private int partitions = 1;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
        description = "implementations to run, of engine-push, engine-hybrid, naive, redis (default: all)")
    private List<Implementation> implementations = List.of(Implementation.values());

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results to this file as JSON")
    private Path json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command with {@code args} and exits with its status. */
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@code baselines}: one-line errors, exit status 2 for a usage error, 1 for a failure. */
    static CommandLine commandLine()
    {
        return new CommandLine(new BaselinesCommand())
            .registerConverter(FollowerDistribution.class, value -> convert(FollowerDistribution::of, value))
            .registerConverter(Implementation.class, value -> convert(Implementation::of, value))
            .setParameterExceptionHandler((ex, args) ->
            {
                ex.getCommandLine().getErr().println("baselines: " + ex.getMessage() + " (see --help)");
                return CommandLine.ExitCode.USAGE;
            })
            .setExecutionExceptionHandler((ex, commandLine, parseResult) ->
            {
                final boolean explained = ex instanceof IllegalStateException || ex instanceof IllegalArgumentException;
                commandLine.getErr().println("baselines: " + (explained ? ex.getMessage() : ex.toString()));
                return CommandLine.ExitCode.SOFTWARE;
            });
    }

    @Override
    public Integer call() throws Exception
    {
        check(users >= 2, "--users must be at least 2, was " + users);
        check(posts >= 1, "--posts must be at least 1, was " + posts);
        check(reads >= 1, "--reads must be at least 1, was " + reads);
        check(window >= 1 && window <= EngineFixture.WINDOW,
            "--window must be 1.." + EngineFixture.WINDOW + ", was " + window);
        check(naiveThreads >= 1, "--naive-threads must be at least 1, was " + naiveThreads);
        check(celebrityThreshold >= 1, "--celebrity-threshold must be at least 1, was " + celebrityThreshold);
        check(partitions >= 1 && partitions <= EngineConfig.MAX_PARTITIONS,
            "--partitions must be 1.." + EngineConfig.MAX_PARTITIONS + ", was " + partitions);
        check(json == null || Files.isDirectory(json.toAbsolutePath().getParent()),
            "--json " + json + ": no such directory to write it in");
        if (implementations.contains(Implementation.REDIS) && !RedisServer.isInstalled())
        {
            throw new IllegalStateException(RedisServer.EXECUTABLE + " is not on the PATH: install it " +
                "(benchmarks/baselines.sh does) or leave Redis out with --only engine-push,engine-hybrid,naive");
        }

        final ComparisonSettings settings = new ComparisonSettings(
            new Workload(distribution, users, Workload.DEFAULT_FOLLOWS_PER_USER, seed), posts, reads, window,
            naiveThreads, celebrityThreshold, partitions);
        final Progress progress = new Progress(System.err);
        progress.line("drawing %,d posts from the %s", settings.warmupPosts() + posts, settings.workload());
        final List<Measurement> measurements = new BaselineComparison(settings, progress)
            .run(implementations.stream().distinct().toList());
        ComparisonReport.print(System.out, settings, measurements);
        if (json != null)
        {
            ComparisonJson.write(json, settings, measurements);
        }
        return CommandLine.ExitCode.OK;
    }

    private void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code of}'s value for {@code value}, or the usage error its {@link IllegalArgumentException} describes. */
    private static <T> T convert(final Function<String, T> of, final String value)
    {
        try
        {
            return of.apply(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException(ex.getMessage());
        }
    }
}
