package dev.timeline.bench;

import dev.timeline.bench.plot.PlotCommand;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code benchmarks.jar}: JMH's command line, with the JVM flags that Chronicle Queue and Agrona need
 * appended to every forked JVM, so {@code java -jar benchmarks.jar Journal} needs no flags typed;
 * {@code java -jar benchmarks.jar scale USERS FOLLOWS POSTS} runs the {@link ScaleProbe} instead,
 * {@code java -jar benchmarks.jar celebrity FOLLOWERS} the {@link CelebrityProbe},
 * {@code java -jar benchmarks.jar cpu STRATEGY POSTS PARTITIONS...} the {@link CpuProbe},
 * {@code java -jar benchmarks.jar apply STRATEGY WARM POSTS TURNS JAR...} the {@link ApplyComparison},
 * {@code java -jar benchmarks.jar plot RESULTS_DIR [OUT_DIR]} draws charts of saved results ({@link PlotCommand}),
 * {@code java -jar benchmarks.jar baselines [OPTIONS]} the comparison with the baselines ({@link BaselinesCommand}),
 * {@code java -jar benchmarks.jar cluster MODE} the replicated engine ({@link ClusterProbe}),
 * and {@code java -jar benchmarks.jar latency [OPTIONS]} a post's latency stage by stage against its floors
 * ({@link LatencyProbe}).
 */
public final class BenchmarkMain
{
    private static final String JVM_FLAGS_RESOURCE = "jvm.flags";
    /** First arguments that run a command of their own in this JVM instead of JMH. */
    private static final Map<String, Command> COMMANDS = Map.of(
        "scale", ScaleProbe::main,
        "celebrity", CelebrityProbe::main,
        "apply", ApplyComparison::main,
        "cpu", CpuProbe::main,
        "plot", PlotCommand::main,
        "baselines", BaselinesCommand::main,
        "cluster", ClusterProbe::main,
        "latency", LatencyProbe::main);

    private BenchmarkMain()
    {
    }

    /**
     * @param args JMH command-line options, as for JMH's own main.
     * @throws IOException if the list of benchmarks cannot be read.
     */
    public static void main(final String[] args) throws IOException
    {
        final Command command = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (command != null)
        {
            command.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        final CommandLineOptions commandLine;
        try
        {
            commandLine = new CommandLineOptions(args);
        }
        catch (final CommandLineOptionException ex)
        {
            System.err.println("Error parsing command line: " + ex.getMessage());
            System.exit(1);
            return;
        }

        final Options options = new OptionsBuilder()
            .parent(commandLine)
            .jvmArgsAppend(jvmArgsAppend(commandLine))
            .build();
        final Runner runner = new Runner(options);

        if (commandLine.shouldHelp())
        {
            commandLine.showHelp();
        }
        else if (commandLine.shouldList())
        {
            runner.list();
        }
        else if (commandLine.shouldListWithParams())
        {
            runner.listWithParams(commandLine);
        }
        else if (commandLine.shouldListProfilers())
        {
            commandLine.listProfilers();
        }
        else if (commandLine.shouldListResultFormats())
        {
            commandLine.listResultFormats();
        }
        else
        {
            run(runner);
        }
    }

    private static void run(final Runner runner)
    {
        try
        {
            runner.run();
        }
        catch (final NoBenchmarksException ex)
        {
            System.err.println("No benchmark matches; list them with -l");
            System.exit(1);
        }
        catch (final RunnerException ex)
        {
            System.err.print("ERROR: ");
            ex.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private static String[] jvmArgsAppend(final CommandLineOptions commandLine) throws IOException
    {
        final List<String> args = new ArrayList<>(commandLine.getJvmArgsAppend().orElse(List.of()));
        args.addAll(jvmFlags());
        return args.toArray(new String[0]);
    }

    /** The JVM flags Chronicle Queue, Agrona and Aeron need, as the build declared them. */
    static List<String> jvmFlags() throws IOException
    {
        try (InputStream in = BenchmarkMain.class.getResourceAsStream(JVM_FLAGS_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(JVM_FLAGS_RESOURCE + " is missing from the benchmarks jar");
            }

            final String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
        }
    }

    /** A command of the jar besides JMH: its main method. */
    @FunctionalInterface
    private interface Command
    {
        void run(String[] args) throws IOException;
    }
}
