package dev.timeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.RecoveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
        "it is, and the exit status is 1.",
        "",
        "Recovery normally loads the newest snapshot and replays only the journal after",
        "it, so journal events the snapshot covers are not read. --journal-only ignores",
        "the snapshots and replays the whole journal: use it to check every event of a",
        "journal end to end (after copying or restoring a data directory, or before",
        "relying on the journal alone), or to measure the replay rate over the whole",
        "history. It takes as long as the history is long.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline replay /tmp/tl",
        "  timeline replay /tmp/tl --json | jq .eventsPerSecond",
        "  timeline replay /tmp/tl --journal-only     check every event of the journal"
    })
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectoryParameter directory;

    @Option(names = "--journal-only",
        description = "Ignore the snapshots: replay and check every event of the journal.")
    private boolean journalOnly;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), Terminal.stderrIsTerminal());
        final ReadOnlyReplay replay = ReadOnlyReplay.of(directory.existing(), journalOnly, progress);
        if (json)
        {
            out.println(new ObjectMapper().writeValueAsString(Summary.of(directory.path(), replay.report(), replay.stats())));
        }
        else
        {
            print(out, replay.report(), replay.stats());
        }
        return 0;
    }

    private void print(final PrintWriter out, final RecoveryReport report, final EngineStats stats)
    {
        out.println("recovered " + directory.path().toAbsolutePath());
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
