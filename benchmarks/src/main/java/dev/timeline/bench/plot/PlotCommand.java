package dev.timeline.bench.plot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar benchmarks.jar plot RESULTS_DIR [OUT_DIR]}: turns the result files in a directory
 * into PNG charts. Exits 0 when it wrote charts, 2 when there was nothing to plot or the arguments
 * were wrong, 1 when a chart could not be written.
 */
public final class PlotCommand
{
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String DEFAULT_OUT = "docs/charts";
    private static final String USAGE_LINE =
        "usage: java -jar benchmarks/target/benchmarks.jar plot RESULTS_DIR [OUT_DIR]";
    private static final String HELP = String.join(System.lineSeparator(),
        USAGE_LINE,
        "",
        "Reads every result file it recognises in RESULTS_DIR (not its subdirectories) and writes PNG charts",
        "to OUT_DIR (default " + DEFAULT_OUT + "), printing each file written; other files are skipped with",
        "a note. Each JSON file is one run: its charts are named after it, RUN-CHART.png.",
        "",
        "Inputs:",
        "  RUN.json  JMH results, saved with -rf json -rff RESULTS_DIR/RUN.json. Charts:",
        "    RUN-posts-by-partitions, RUN-deliveries-by-partitions (FanOutBenchmark), RUN-reads-by-partitions",
        "      (HomeReadBenchmark): throughput (thrpt mode) against the partitions parameter, a line per",
        "      strategy, when the run covers two partition counts or more;",
        "    RUN-fan-out-against-random-writes: FanOutBenchmark deliveries against",
        "      RandomWriteBenchmark.write16Bytes, each bar labelled with its fraction of the limit;",
        "    RUN-post-path-against-chronicle-append: JournalBenchmark.appendPost, PostPathBenchmark.postAsync",
        "      and postBlocking against JournalBenchmark.rawChronicleAppend, likewise.",
        "  RUN.json  a comparison with the baselines, saved with baselines --json RESULTS_DIR/RUN.json",
        "    (rows of implementation, metric, value, unit). Charts RUN-UNIT (RUN-per-second for all rates,",
        "    RUN-us, ...): a group of bars per metric, a bar per implementation.",
        "  *.hlog    HdrHistogram interval logs in nanoseconds, as timeline load --histogram-log writes them.",
        "    Chart latency-percentiles: latency in microseconds against percentile, a curve per tag of each",
        "    log.",
        "",
        "Examples:",
        "  java -jar benchmarks/target/benchmarks.jar FanOutBenchmark -p partitions=1,2,4 \\",
        "      -rf json -rff results/scaling.json",
        "  java -jar benchmarks/target/benchmarks.jar plot results docs/charts");

    private PlotCommand()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with its output and notes going to {@code out} and {@code err}; returns the exit code. */
    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        ChartRenderer.headless();
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0])))
        {
            out.println(HELP);
            return OK;
        }
        if (args.length < 1 || args.length > 2)
        {
            err.println(USAGE_LINE + " (plot --help tells more)");
            return USAGE;
        }
        final Path in = Path.of(args[0]);
        final Path outDirectory = Path.of(args.length > 1 ? args[1] : DEFAULT_OUT);
        if (!Files.isDirectory(in))
        {
            err.println("plot: no results directory " + in);
            return USAGE;
        }
        try
        {
            final Results results = Results.read(in, err);
            final List<Chart> charts = results.charts();
            if (charts.isEmpty())
            {
                err.println("plot: " + (results.isEmpty() ?
                    "no result file recognised in " + in + " (JMH -rf json, baselines --json or .hlog)" :
                    "the results in " + in + " have none of the benchmarks the charts draw") + "; see plot --help");
                return USAGE;
            }
            Files.createDirectories(outDirectory);
            for (final Chart chart : charts)
            {
                out.println("wrote " + ChartRenderer.write(chart, outDirectory) + ": " + chart.title());
            }
            return OK;
        }
        catch (final IOException ex)
        {
            err.println("plot: " + ex);
            return FAILED;
        }
    }
}
