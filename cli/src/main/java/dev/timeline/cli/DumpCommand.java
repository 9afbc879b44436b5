package dev.timeline.cli;

import dev.timeline.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code timeline dump DIR}: the events of a journal, one per line. */
@Command(
    name = "dump",
    header = "Prints the events of a journal, one per line.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Prints the events of every journal in a data directory (each partition's under",
        "a heading) or of one journal directory: index, time, type and fields, text",
        "quoted. Read-only: safe on the directory of a running engine."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline dump /tmp/tl --limit 20",
        "  timeline dump /tmp/tl/partition-0/journal --from 0x4a1c00000010 --limit 5",
        "  timeline dump /tmp/tl --json | jq -c 'select(.type == \"post\")'"
    })
final class DumpCommand implements Callable<Integer>
{
    private static final Pattern PARTITION = Pattern.compile("partition-(\\d+)");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A data directory, or one journal directory.")
    private Path directory;

    @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0",
        description = "First index to print in each journal, decimal or 0x hex (default: the first event).")
    private String from;

    @Option(names = "--limit", paramLabel = "N", description = "Most events to print from each journal.")
    private long limit = Long.MAX_VALUE;

    @Option(names = "--json", description = "One JSON object per event, one per line.")
    private boolean json;

    @Override
    public Integer call() throws IOException
    {
        if (limit < 0)
        {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 0, was " + limit);
        }
        final long fromIndex = index(from);
        final PrintWriter out = spec.commandLine().getOut();
        final List<Path> partitions = partitionJournals(DataDirectories.existing(directory));
        if (partitions.isEmpty())
        {
            dump(directory, null, fromIndex, out);
        }
        for (final Path journal : partitions)
        {
            final int partition = partitionNumber(journal.getParent());
            if (!json)
            {
                out.println("# partition " + partition + ": " + journal);
            }
            dump(journal, partition, fromIndex, out);
        }
        out.flush();
        return 0;
    }

    private void dump(final Path journalDirectory, final Integer partition, final long fromIndex, final PrintWriter out)
    {
        final JournalEventPrinter printer = new JournalEventPrinter(out, json, partition, limit);
        try (Journal journal = Journal.openReadOnly(journalDirectory))
        {
            journal.replay(fromIndex, printer);
        }
        catch (final JournalEventPrinter.LimitReached ignore)
        {
            // printed as many as asked for
        }
    }

    private static List<Path> partitionJournals(final Path dataDirectory) throws IOException
    {
        final List<Path> journals = new ArrayList<>();
        try (Stream<Path> children = Files.list(dataDirectory))
        {
            children
                .filter(child -> PARTITION.matcher(child.getFileName().toString()).matches())
                .map(child -> child.resolve("journal"))
                .filter(Files::isDirectory)
                .sorted(Comparator.comparingInt(journal -> partitionNumber(journal.getParent())))
                .forEach(journals::add);
        }
        return journals;
    }

    private static int partitionNumber(final Path partitionDirectory)
    {
        final Matcher matcher = PARTITION.matcher(partitionDirectory.getFileName().toString());
        if (!matcher.matches())
        {
            throw new IllegalStateException("not a partition directory: " + partitionDirectory);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private long index(final String text)
    {
        try
        {
            return text.startsWith("0x") || text.startsWith("0X") ?
                Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new ParameterException(
                spec.commandLine(), "--from must be an index in decimal or 0x hex, was '" + text + "'");
        }
    }
}
