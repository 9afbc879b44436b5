package dev.timeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.RecoveryReport;
import dev.timeline.engine.TimelineEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code timeline replay DIR}: rebuilds an engine's state from its data directory, read-only, and says what it found. */
@Command(
    name = "replay",
    header = "Rebuilds the state of a data directory, read-only, and says what it found.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Rebuilds the state of a data directory from its snapshot and journal without",
        "writing to it (safe on the directory of a running engine), then prints what it",
        "found and how fast it replayed. Damage in the journal is reported with where",
        "it is, and the exit status is 1."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline replay /tmp/tl",
        "  timeline replay /tmp/tl --json | jq .eventsPerSecond"
    })
final class ReplayCommand implements Callable<Integer>
{
    private static final int BAR_WIDTH = 30;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The engine's data directory.")
    private Path directory;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), Terminal.stderrIsTerminal());
        final EngineConfig config = new EngineConfig()
            .dataDirectory(DataDirectories.existing(directory))
            .readOnly(true)
            .recoveryListener((replayed, total) -> showProgress(progress, replayed, total));

        final RecoveryReport report;
        final EngineStats stats;
        try (TimelineEngine engine = TimelineEngine.open(config))
        {
            report = engine.recovery();
            stats = engine.stats();
        }
        finally
        {
            progress.clear();
        }

        if (json)
        {
            out.println(new ObjectMapper().writeValueAsString(Summary.of(directory, report, stats)));
        }
        else
        {
            print(out, report, stats);
        }
        return 0;
    }

    private void print(final PrintWriter out, final RecoveryReport report, final EngineStats stats)
    {
        out.println("recovered " + directory.toAbsolutePath());
        out.println("  " + RecoveryDescription.of(report));
        out.println("  journal events replayed, by type");
        out.printf("    follows   %13s%n", Format.count(report.follows()));
        out.printf("    unfollows %13s%n", Format.count(report.unfollows()));
        out.printf("    posts     %13s%n", Format.count(report.posts()));
        out.printf("    deletes   %13s%n", Format.count(report.deletes()));
        out.println("  state");
        out.printf("    users     %13s%n", Format.count(stats.users()));
        out.printf("    follows   %13s%n", Format.count(stats.follows()));
        out.printf("    tweets    %13s  (%s deleted)%n", Format.count(stats.tweets()), Format.count(stats.deletedTweets()));
        out.printf("    celebrities %11s%n", Format.count(stats.celebrities()));
        out.printf("    off-heap  %13s%n", Format.bytes(stats.offHeapBytes()));
    }

    private static void showProgress(final ProgressLine progress, final long replayed, final long total)
    {
        if (total > 0 && progress.due())
        {
            final double fraction = total <= 0 ? 1 : Math.min(1, (double)replayed / total);
            final int filled = (int)Math.round(fraction * BAR_WIDTH);
            progress.show(String.format("replaying [%s%s] %3d%%  %s / %s events",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), Math.round(fraction * 100),
                Format.count(replayed), Format.count(total)));
        }
    }

    /** What {@code replay --json} prints. */
    record Summary(
        String directory,
        long snapshotEvents,
        double snapshotSeconds,
        long events,
        long follows,
        long unfollows,
        long posts,
        long deletes,
        double replaySeconds,
        long eventsPerSecond,
        EngineStats state)
    {
        static Summary of(final Path directory, final RecoveryReport report, final EngineStats stats)
        {
            return new Summary(
                directory.toAbsolutePath().toString(),
                report.snapshotEvents(),
                report.snapshotNanos() / 1e9,
                report.events(),
                report.follows(),
                report.unfollows(),
                report.posts(),
                report.deletes(),
                report.replayNanos() / 1e9,
                Format.perSecond(report.events(), report.replayNanos()),
                stats);
        }
    }
}
